// Which splitter dialect reads the scripts of a SQLE database type.
import type { Dialect } from './types.js';

/** SQLE `db_type` names (spaces, dashes and case ignored) and the lexical family they belong to. */
const DIALECTS: Record<string, Dialect> = {
  mysql: 'mysql',
  tidb: 'mysql',
  oceanbaseformysql: 'mysql',
  tdsqlforinnodb: 'mysql',
  goldendb: 'mysql',
  polardb: 'mysql',
  polardbformysql: 'mysql',
  mariadb: 'mysql',
  postgresql: 'postgresql',
  postgres: 'postgresql',
  opengauss: 'postgresql',
  gaussdb: 'postgresql',
  gaussdbformysql: 'mysql',
  tbase: 'postgresql',
  greenplum: 'postgresql',
  kingbase: 'postgresql',
  // DB2 scripts end statements with `;` and compound bodies with BEGIN … END, which the
  // PostgreSQL reader's BEGIN … END tracking handles; they have no backslash escapes.
  db2: 'postgresql',
  oracle: 'oracle',
  oceanbasefororacle: 'oracle',
  dm: 'oracle',
  dameng: 'oracle',
  sqlserver: 'sqlserver',
  mssql: 'sqlserver',
  hive: 'spark',
  spark: 'spark',
  sparksql: 'spark',
  dli: 'spark',
};

/** Maps a SQLE database type (`MySQL`, `PostgreSQL`, `SQL Server`, …) to a dialect; unknown → MySQL. */
export function dialectForDbType(dbType: string): Dialect {
  return DIALECTS[dbType.toLowerCase().replace(/[\s_-]+/g, '')] ?? 'mysql';
}

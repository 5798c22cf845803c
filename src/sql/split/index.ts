// The one SQL splitter of the action: dialect-aware, lexer-based, linear in the input's length.
import type { Dialect, Statement } from '../types.js';
import { locateSpans } from './locate.js';
import { scanMysql } from './mysql.js';
import { scanOracle } from './oracle.js';
import { scanPostgres } from './postgresql.js';
import type { Spans } from './spans.js';
import { scanSpark } from './spark.js';
import { scanSqlServer } from './sqlserver.js';

const SCANNERS: Record<Dialect, (text: string) => Spans> = {
  mysql: scanMysql,
  postgresql: scanPostgres,
  oracle: scanOracle,
  sqlserver: scanSqlServer,
  spark: scanSpark,
};

/**
 * Splits a script into its statements, each located by line, column, UTF-16 offset and UTF-8
 * byte offset. Leading comments, terminators and trailing whitespace are outside the spans;
 * statements holding nothing but comments are dropped. Unknown dialects are read as MySQL.
 */
export function splitSql(text: string, dialect: Dialect): Statement[] {
  const scan = SCANNERS[dialect] ?? scanMysql;
  return locateSpans(text, scan(text));
}

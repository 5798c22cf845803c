// Each dialect's statement scanner, for a given text.
import type { Dialect } from '../types.js';
import { mysqlScanner } from './mysql.js';
import { oracleScanner } from './oracle.js';
import { postgresScanner } from './postgresql.js';
import type { StatementScanner } from './scanner.js';
import { sparkScanner } from './spark.js';
import { sqlServerScanner } from './sqlserver.js';

/** Only MySQL carries a state from one statement to the next (its delimiter); the others none. */
const SCANNERS: Record<Dialect, (text: string) => StatementScanner<unknown>> = {
  mysql: mysqlScanner,
  postgresql: postgresScanner,
  oracle: oracleScanner,
  sqlserver: sqlServerScanner,
  spark: sparkScanner,
};

/** The scanner of `dialect` (unknown dialects are read as MySQL) over `text`. */
export function scannerFor(dialect: Dialect, text: string): StatementScanner<unknown> {
  return (SCANNERS[dialect] ?? mysqlScanner)(text);
}

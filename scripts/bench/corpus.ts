// The SQL of the benchmark's pull requests. A "clean" file holds the five statements of the real
// server's scale captures (sqle-real 140–149: CREATE TABLE, INSERT, SELECT, UPDATE, DELETE) written so
// that default_MySQL finds nothing, which keeps the number of findings out of the file-count cases.
// A "findings" file holds statements that each get exactly one finding (a SELECT without WHERE).

export function cleanFile(n: number): string {
  const t = `orders_${n}`;
  return [
    `-- migration ${n}`,
    `CREATE TABLE IF NOT EXISTS ${t} (`,
    '  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,',
    "  name VARCHAR(64) NOT NULL DEFAULT '',",
    '  PRIMARY KEY (id)',
    ');',
    `INSERT INTO ${t} (id, name) VALUES (1, 'a');`,
    `SELECT id, name FROM ${t} WHERE id = 1;`,
    `UPDATE ${t} SET name = 'b' WHERE id = 1;`,
    `DELETE FROM ${t} WHERE id = 1;`,
    '',
  ].join('\n');
}

export const CLEAN_FILE_STATEMENTS = 5;

/** `statements` statements, each with one finding (all_check_where_is_invalid, level error). */
export function findingsFile(n: number, statements: number): string {
  const lines = [`-- report ${n}`];
  for (let i = 0; i < statements; i++) lines.push(`SELECT id, name FROM report_${n}_${i};`);
  return `${lines.join('\n')}\n`;
}

/**
 * About `bytes` of SQL in one file, shaped like a data dump: multi-row INSERTs of about 100 KB each,
 * one row a line, with pseudo-random payloads so that it compresses like real data (about 2:1)
 * rather than like a repeated pattern.
 */
export function dumpFile(bytes: number): { text: string; statements: number } {
  const random = xorshift(7);
  const statements: string[] = ['CREATE TABLE IF NOT EXISTS events (\n  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,\n  payload VARCHAR(255) NOT NULL DEFAULT \'\',\n  PRIMARY KEY (id)\n);\n'];
  let size = statements[0]?.length ?? 0;
  let id = 1;
  while (size < bytes) {
    const rows: string[] = [];
    for (let r = 0; r < 800; r++, id++) rows.push(`(${id}, '${hex(random, 48)}')`);
    const statement = `INSERT INTO events (id, payload) VALUES\n${rows.join(',\n')};\n`;
    statements.push(statement);
    size += statement.length;
  }
  return { text: statements.join(''), statements: statements.length };
}

function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

function hex(random: () => number, chars: number): string {
  let out = '';
  while (out.length < chars) out += random().toString(16).padStart(8, '0');
  return out.slice(0, chars);
}

// Regenerates the inputs the recordings do not store, as files/gen_inputs.py does: exact-size zips
// of 40 stored .sql files padded with random base64, and the 12 MiB plain .sql.
import { randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';

const STATEMENTS = [
  "CREATE TABLE IF NOT EXISTS t{i} (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'id') COMMENT 't';",
  'INSERT INTO t{i} (id) VALUES (1);',
  'SELECT id FROM t{i} WHERE id = 1;',
];

function buildSizeZip(random: string, pad: number, files: number): Uint8Array {
  const per = Math.floor(pad / files);
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  let offset = 0;
  for (let i = 0; i < files; i++) {
    const p = i < files - 1 ? per : pad - per * (files - 1);
    const body = `/* padding ${random.slice(offset, offset + p)} */\n${STATEMENTS.map((s) => s.replaceAll('{i}', String(i))).join('\n')}\n`;
    entries[`sql/gen_${String(i).padStart(4, '0')}.sql`] = [Buffer.from(body), { level: 0 }];
    offset += p;
  }
  return zipSync(entries);
}

/** A zip of exactly `target` bytes (stored entries, so its size is linear in the padding). */
export function sizeZip(target: number, files = 40): Uint8Array {
  const random = randomBytes(Math.ceil(target * 0.76)).toString('base64');
  let pad = target - 200 * files;
  for (let attempt = 0; attempt < 5; attempt++) {
    const zip = buildSizeZip(random, pad, files);
    if (zip.length === target) return zip;
    pad += target - zip.length;
  }
  throw new Error(`could not build a zip of exactly ${target} bytes`);
}

const STMT_TAIL = "CREATE TABLE IF NOT EXISTS big1 (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'id') COMMENT 't';\nSELECT id FROM big1 WHERE id = 1;\n";

/** plain_12MiB.sql: a 12 MiB block comment, then 2 statements (12,583,054 bytes). */
export function plain12MiB(): Buffer {
  const line = 'compressible padding line 0123456789\n';
  const size = 12 * 1024 * 1024;
  const big = ('/* ' + line.repeat(Math.ceil(size / line.length) + 1)).slice(0, size);
  return Buffer.from(big + '\n */\n' + STMT_TAIL);
}

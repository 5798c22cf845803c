// Loading the files to audit: a large UTF-8 file is read back from the checkout, and audits the
// same as the same bytes held in memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRecords } from '../../src/audit/plan.js';
import { loadSources, sourceFromUtf8, textOf } from '../../src/audit/sources.js';
import { buildZip, entryNames } from '../../src/audit/zip.js';
import { readWorkspaceFile } from '../../src/files/read.js';
import { seededRandom } from '../../scripts/bench-split/seeded-random.js';

function workspaceWith(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sources-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** About 20 MB: over the size from which a file is read back, and over SQLE's 10 MiB zip cap. */
function largeScript(): string {
  const random = seededRandom(0x5eed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const lines = ['-- seed', 'DELIMITER $$', 'CREATE PROCEDURE p() BEGIN SELECT 1; END $$', 'DELIMITER ;'];
  for (let i = 0; i < 400; i++) lines.push(`INSERT INTO t_${i % 7} VALUES\r\n${Array.from({ length: 800 }, (_, r) => `(${r}, '${hex(56)}', '注释')`).join(',\n')};`);
  return `${lines.join('\n')}\n`;
}

describe('loadSources', () => {
  const text = largeScript();
  const dir = workspaceWith({ 'big.sql': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'small.sql': 'SELECT 1;\n' });
  const load = () => loadSources([{ path: 'big.sql', changedLines: 'all' }, { path: 'small.sql', changedLines: 'all' }], (p) => readWorkspaceFile(dir, p), 'mysql');

  it('reads a large file back from the checkout, past its BOM, with the statements of the same bytes in memory', async () => {
    const { sources } = await load();
    const [big, small] = sources;
    const inMemory = sourceFromUtf8('big.sql', Buffer.from(text), 'mysql');
    expect(big?.encoding).toBe('utf-8-bom');
    expect(big?.statements).toEqual(inMemory.statements);
    expect(big?.delimiters).toEqual(inMemory.delimiters);
    expect(big && textOf(big, 0, 20)).toBe(text.slice(0, 20));
    expect(big && textOf(big)).toBe(text);
    expect(small && textOf(small)).toBe('SELECT 1;\n');
  });

  it('zips the parts of a file read back exactly as those of the same bytes in memory', async () => {
    const { sources } = await load();
    const fromDisk = await planRecords(sources.slice(0, 1));
    const fromMemory = await planRecords([sourceFromUtf8('big.sql', Buffer.from(text), 'mysql')]);
    expect(fromDisk.length).toBeGreaterThan(1);
    expect(fromDisk.map((r) => [r.statements, r.compressedBytes])).toEqual(fromMemory.map((r) => [r.statements, r.compressedBytes]));
    for (const [i, record] of fromDisk.entries()) {
      const disk = Buffer.concat(await buildZip(record.units, entryNames(record.units)));
      const memory = Buffer.concat(await buildZip(fromMemory[i]?.units ?? [], entryNames(fromMemory[i]?.units ?? [])));
      expect(disk.equals(memory)).toBe(true);
    }
  });
});

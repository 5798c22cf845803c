import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/audit/plan.js';
import { buildZip, entryNames } from '../../src/audit/zip.js';

function unit(filePath: string, text: string): Unit {
  const source = { path: filePath, text, encoding: 'utf-8', xml: /\.xml$/i.test(filePath), statements: [], statementCount: 0, changedLines: 'all' as const };
  return { source, pieces: [text], statements: [], statementCount: 0, compressedBytes: 0, exact: false };
}

describe('buildZip', () => {
  const units = [
    unit('db/a.sql', 'SELECT 1;\r\nSELECT 2;\rSELECT 3;\n'),
    unit('db/表 space.sql', '-- 注释\nDELETE FROM t;\n'),
    unit('mapper/User.XML', '<mapper/>'),
    unit('db/empty.sql', ''),
    unit('db/big.sql', 'INSERT INTO t VALUES (1);\n'.repeat(50_000)),
  ];
  const names = entryNames(units);
  const zip = buildZip(units, names);

  it('names entries as SQLE reads them (lower-case .sql/.xml)', () => {
    expect(names).toEqual(['db/a.sql', 'db/表 space.sql', 'mapper/User.xml', 'db/empty.sql', 'db/big.sql']);
  });

  it('is a zip another implementation reads back: UTF-8 names, lone CRs as LFs, every byte', () => {
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(names);
    const text = (name: string) => Buffer.from(files[name] ?? new Uint8Array()).toString('utf8');
    expect(text('db/a.sql')).toBe('SELECT 1;\r\nSELECT 2;\nSELECT 3;\n');
    expect(text('db/表 space.sql')).toBe('-- 注释\nDELETE FROM t;\n');
    expect(text('db/empty.sql')).toBe('');
    expect(text('db/big.sql')).toBe('INSERT INTO t VALUES (1);\n'.repeat(50_000));
    expect(zip.length).toBeLessThan(50_000);
  });

  it('passes unzip -t, when unzip is installed', () => {
    let unzip: string | undefined;
    try {
      unzip = execFileSync('which', ['unzip']).toString().trim();
    } catch {
      unzip = undefined;
    }
    if (!unzip) return;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zip-')), 'sql.zip');
    fs.writeFileSync(file, zip);
    expect(execFileSync(unzip, ['-t', file]).toString()).toContain('No errors detected');
  });

  it('gives the same bytes for the same files', () => {
    expect(Buffer.from(buildZip(units, names)).equals(Buffer.from(zip))).toBe(true);
  });
});

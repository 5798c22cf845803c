import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/audit/plan.js';
import { sourceFromUtf8 } from '../../src/audit/sources.js';
import { buildZip, entryNames } from '../../src/audit/zip.js';

function unit(filePath: string, text: string | string[]): Unit {
  const pieces = (Array.isArray(text) ? text : [text]).map((piece) => Buffer.from(piece, 'utf8'));
  const source = sourceFromUtf8(filePath, Buffer.concat(pieces), 'mysql');
  return { source, pieces, statements: [], statementCount: 0, compressedBytes: 0, exact: false };
}

describe('buildZip', () => {
  const units = [
    unit('db/a.sql', 'SELECT 1;\r\nSELECT 2;\rSELECT 3;\n'),
    unit('db/表 space.sql', '-- 注释\nDELETE FROM t;\n'),
    unit('mapper/User.XML', '<mapper/>'),
    unit('db/empty.sql', ''),
    unit('db/big.sql', 'INSERT INTO t VALUES (1);\n'.repeat(50_000)),
    // Pieces as a part of a file is sent: a CRLF split between two pieces stays a CRLF.
    unit('db/part.sql', ['a\rb\r', '\nc\r', 'd\r']),
    unit('db/big-part.sql', ['\n'.repeat(600_000), 'SELECT 1;\r'.repeat(70_000), '\r\n'.repeat(300_000)]),
  ];
  const names = entryNames(units);
  let zip: Buffer;
  beforeAll(async () => {
    zip = Buffer.concat(await buildZip(units, names));
  });

  it('names entries as SQLE reads them (lower-case .sql/.xml)', () => {
    expect(names).toEqual(['db/a.sql', 'db/表 space.sql', 'mapper/User.xml', 'db/empty.sql', 'db/big.sql', 'db/part.sql', 'db/big-part.sql']);
  });

  it('is a zip another implementation reads back: UTF-8 names, lone CRs as LFs, every byte', () => {
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(names);
    const text = (name: string) => Buffer.from(files[name] ?? new Uint8Array()).toString('utf8');
    expect(text('db/a.sql')).toBe('SELECT 1;\r\nSELECT 2;\nSELECT 3;\n');
    expect(text('db/表 space.sql')).toBe('-- 注释\nDELETE FROM t;\n');
    expect(text('db/empty.sql')).toBe('');
    expect(text('db/big.sql')).toBe('INSERT INTO t VALUES (1);\n'.repeat(50_000));
    expect(text('db/part.sql')).toBe('a\nb\r\nc\nd\n');
    expect(text('db/big-part.sql')).toBe(`${'\n'.repeat(600_000)}${'SELECT 1;\n'.repeat(70_000)}${'\r\n'.repeat(300_000)}`);
    expect(zip.length).toBeLessThan(60_000);
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

  it('gives the same bytes for the same files', async () => {
    expect(Buffer.concat(await buildZip(units, names)).equals(zip)).toBe(true);
  });
});

// Grouping files into SQLE audit records under the statement and zip-size caps.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planRecords, type Caps, type PlannedRecord } from '../../src/audit/plan.js';
import { chunksOf, type Piece } from '../../src/audit/pieces.js';
import { sourceFromUtf8, textOf, type SourceFile } from '../../src/audit/sources.js';
import { buildZip, entryNames } from '../../src/audit/zip.js';
import { splitSql } from '../../src/sql/split/index.js';

const source = (path: string, text: string): SourceFile => sourceFromUtf8(path, Buffer.from(text, 'utf8'), 'mysql');

const lines = (text: string) => text.split(/\r\n|\n|\r/).length;
const zipSize = async (record: PlannedRecord) => Buffer.concat(await buildZip(record.units, entryNames(record.units))).length;
const textOfUnit = (pieces: readonly Piece[] | undefined) => Buffer.concat([...chunksOf(pieces ?? [])]).toString('utf8');
const statementText = (file: SourceFile, s: { startByte: number; endByte: number }) => textOf(file, s.startByte, s.endByte);
const carried = (records: readonly PlannedRecord[], path: string) => records.flatMap((r) => r.units.filter((u) => u.source.path === path).flatMap((u) => u.statements.map((s) => s.startLine)));

describe('planRecords', () => {
  it('packs whole files into as few records as the statement cap allows', async () => {
    const files = Array.from({ length: 7 }, (_, i) => source(`f${i}.sql`, 'SELECT 1;\n'.repeat(4)));
    const records = await planRecords(files, { statements: 10, bytes: 1 << 20 });
    expect(records.map((r) => r.units.map((u) => u.source.path))).toEqual([
      ['f0.sql', 'f1.sql'],
      ['f2.sql', 'f3.sql'],
      ['f4.sql', 'f5.sql'],
      ['f6.sql'],
    ]);
    expect(records.every((r) => r.units.every((u) => u.part === undefined))).toBe(true);
  });

  it('splits a file over the statement cap into parts that keep its line count and DELIMITER lines', async () => {
    const body = ['SELECT 1;', 'DELIMITER $$', 'CREATE PROCEDURE p() BEGIN SELECT 2; END $$', 'DELIMITER ;', ...Array.from({ length: 20 }, (_, i) => `SELECT ${i + 3};`), ''].join('\n');
    const file = source('big.sql', body);
    const records = await planRecords([file], { statements: 8, bytes: 1 << 20 });
    expect(records).toHaveLength(3);
    expect(records.map((r) => r.statements)).toEqual([8, 8, 6]);
    expect(carried(records, 'big.sql')).toEqual(file.statements.map((s) => s.startLine));
    for (const record of records) {
      const [unit] = record.units;
      const text = textOfUnit(unit?.pieces);
      expect(lines(text)).toBe(lines(body));
      expect(text.split('\n').filter((l) => /^DELIMITER/.test(l))).toEqual(['DELIMITER $$', 'DELIMITER ;']);
      // Each part re-split finds exactly the statements it carries, on the same lines.
      expect(splitSql(text, 'mysql').map((s) => [s.startLine, s.text])).toEqual(unit?.statements.map((s) => [s.startLine, statementText(file, s)]));
    }
    expect(records.map((r) => r.units[0]?.part)).toEqual([
      { index: 1, of: 3 },
      { index: 2, of: 3 },
      { index: 3, of: 3 },
    ]);
  });

  it('keeps every zip under the byte cap when the content is unevenly spread', async () => {
    const caps: Caps = { statements: 3000, bytes: 64 * 1024 };
    // Two statements early in the file hold most of its incompressible bytes: an even split by count would not fit.
    const small = Array.from({ length: 200 }, (_, i) => `DELETE FROM t_${i};`);
    const blob = (kib: number) => `INSERT INTO blobs VALUES ('${randomBytes(kib * 1024).toString('base64')}');`;
    const text = [...small.slice(0, 5), blob(45), ...small.slice(5, 50), blob(30), ...small.slice(50), ''].join('\n');
    const file = source('seed.sql', text);
    const records = await planRecords([file, source('other.sql', 'SELECT 1;\n')], caps);
    for (const record of records) {
      expect(record.compressedBytes).toBeLessThanOrEqual(caps.bytes);
      expect(await zipSize(record)).toBeLessThanOrEqual(caps.bytes);
    }
    expect(records.length).toBeGreaterThan(1);
    expect(carried(records, 'seed.sql')).toEqual(file.statements.map((s) => s.startLine));
  });

  it('a single statement larger than the cap goes alone (SQLE will say why it cannot take it)', async () => {
    const text = `SELECT 1;\nINSERT INTO blobs VALUES ('${randomBytes(30 * 1024).toString('base64')}');\nSELECT 2;\n`;
    const records = await planRecords([source('huge.sql', text)], { statements: 3000, bytes: 8 * 1024 });
    expect(records.map((r) => r.units.map((u) => u.statements.map((s) => s.startLine)))).toEqual([[[1]], [[2]], [[3]]]);
  });
});

import { describe, expect, it } from 'vitest';
import { splitSql } from '../../src/sql/split/index.js';
import { DIALECTS, rows } from './split-helpers.js';

describe('statement positions', () => {
  it.each(DIALECTS)('counts \\r\\n, \\n and lone \\r as one line break each (%s)', (dialect) => {
    const sql = 'SELECT 1;\r\n\r\nSELECT\r2;\rSELECT 3\n;\n\r\nSELECT 4';
    expect(rows(sql, dialect)).toEqual([
      [1, 1, 1, 8, 'SELECT 1'],
      [3, 1, 4, 1, 'SELECT\r2'],
      [5, 1, 5, 8, 'SELECT 3'],
      [8, 1, 8, 8, 'SELECT 4'],
    ]);
  });

  it('gives UTF-16 columns and UTF-8 byte offsets', () => {
    const sql = "-- 注释 😀\nSELECT '张三';  SELECT '😀' AS e;";
    const [first, second] = splitSql(sql, 'mysql');
    // '-- 注释 😀\n' is 9 UTF-16 units and 15 UTF-8 bytes; '张' and '三' are 3 bytes each, '😀' 2 units and 4 bytes.
    expect(first).toMatchObject({ startLine: 2, startColumn: 1, endColumn: 11, start: 9, end: 20, startByte: 15, endByte: 30 });
    expect(second).toMatchObject({ startLine: 2, startColumn: 15, endColumn: 30, start: 23, end: 39, startByte: 33, endByte: 51 });
    expect(second?.endByte).toBe(Buffer.byteLength(sql.slice(0, second?.end)));
  });

  it('counts a surrogate pair as 4 bytes and a lone surrogate as 3, even around a delimiter', () => {
    const sql = 'DELIMITER 😀\nSELECT \uD800😀 SELECT \uDC00x😀\nSELECT 3';
    const statements = splitSql(sql, 'mysql');
    expect(rows(sql, 'mysql').map((r) => r[4])).toEqual(['SELECT \uD800', 'SELECT \uDC00x', 'SELECT 3']);
    expect(statements.at(-1)?.endByte).toBe(Buffer.byteLength(sql));
  });

  it('skips a byte-order mark left at the start of the text', () => {
    expect(rows('\uFEFFSELECT 1;', 'mysql')).toEqual([[1, 2, 1, 9, 'SELECT 1']]);
  });

  it.each(DIALECTS)('returns nothing for empty, blank and comment-only text (%s)', (dialect) => {
    for (const sql of ['', '   \n\t\r\n', '-- only\n/* comments */\n;;\n']) expect(splitSql(sql, dialect)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { rows, texts } from './split-helpers.js';

describe('Spark SQL / Hive splitting', () => {
  it('reads backticks and both string quotes with backslash escapes', () => {
    const sql = "CREATE TABLE `db`.`t;x` (a STRING COMMENT 'it\\'s; ok', b STRING COMMENT \"say \\\";\");\nSELECT 1;";
    expect(texts(sql, 'spark')).toEqual([
      "CREATE TABLE `db`.`t;x` (a STRING COMMENT 'it\\'s; ok', b STRING COMMENT \"say \\\";\")",
      'SELECT 1',
    ]);
  });

  it('drops -- and /* */ comments before a statement and keeps hints', () => {
    const sql = '--c;\n/* c; /* nested; */ */\n/*+ BROADCAST(t) */ SELECT /*+ COALESCE(3) */ * FROM t;\nINSERT OVERWRITE TABLE x SELECT 1;';
    expect(rows(sql, 'spark')).toEqual([
      [3, 1, 3, 54, '/*+ BROADCAST(t) */ SELECT /*+ COALESCE(3) */ * FROM t'],
      [4, 1, 4, 33, 'INSERT OVERWRITE TABLE x SELECT 1'],
    ]);
  });

  it('does not treat # as a comment', () => {
    expect(texts('SELECT 1 # 2;\nSELECT 3;', 'spark')).toEqual(['SELECT 1 # 2', 'SELECT 3']);
  });
});

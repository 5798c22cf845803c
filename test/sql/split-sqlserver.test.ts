import { describe, expect, it } from 'vitest';
import { rows, texts } from './split-helpers.js';

describe('SQL Server splitting', () => {
  it('separates batches at GO lines, with a count and in any case', () => {
    const sql = 'CREATE TABLE t (a INT)\nGO\nINSERT INTO t VALUES (1)\n  go 5  \nSELECT * FROM t\nGo -- done\n';
    expect(rows(sql, 'sqlserver')).toEqual([
      [1, 1, 1, 22, 'CREATE TABLE t (a INT)'],
      [3, 1, 3, 24, 'INSERT INTO t VALUES (1)'],
      [5, 1, 5, 15, 'SELECT * FROM t'],
    ]);
  });

  it('does not take GO inside a line, a string or an identifier for a separator', () => {
    expect(texts("SELECT 'x\nGO\n' AS go, goal FROM [GO\nGO]\nGO", 'sqlserver')).toEqual([
      "SELECT 'x\nGO\n' AS go, goal FROM [GO\nGO]",
    ]);
  });

  it('separates statements at ; within a batch', () => {
    expect(texts('SELECT 1; SELECT 2;\nGO\nSELECT 3', 'sqlserver')).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
  });

  it('keeps procedure, function and trigger bodies whole up to GO', () => {
    const proc = 'CREATE OR ALTER PROCEDURE dbo.p AS\nSET NOCOUNT ON;\nSELECT 1;\nSELECT 2;';
    const func = 'ALTER FUNCTION f() RETURNS INT AS BEGIN RETURN 1; END';
    expect(texts(`${proc}\nGO\n${func}\nGO\nCREATE PROC q AS SELECT 1; SELECT 2`, 'sqlserver')).toEqual([
      proc,
      func,
      'CREATE PROC q AS SELECT 1; SELECT 2',
    ]);
  });

  it('does not split inside BEGIN … END, TRY/CATCH and CASE blocks, nor before ELSE', () => {
    const sql = [
      'IF OBJECT_ID(N\'t\') IS NOT NULL',
      'BEGIN',
      '  DROP TABLE t;',
      '  SELECT CASE WHEN 1 = 1 THEN 1 END;',
      'END;',
      'BEGIN TRY SELECT 1/0; END TRY BEGIN CATCH SELECT ERROR_MESSAGE(); END CATCH;',
      'IF 1 = 1 SELECT 1; ELSE SELECT 2;',
      'BEGIN TRAN;',
      'UPDATE t SET a = 1;',
      'COMMIT;',
    ].join('\n');
    expect(texts(sql, 'sqlserver')).toEqual([
      sql.split('\n').slice(0, 5).join('\n').slice(0, -1),
      'BEGIN TRY SELECT 1/0; END TRY BEGIN CATCH SELECT ERROR_MESSAGE(); END CATCH',
      'IF 1 = 1 SELECT 1; ELSE SELECT 2',
      'BEGIN TRAN',
      'UPDATE t SET a = 1',
      'COMMIT',
    ]);
  });

  it('reads [bracketed] identifiers with ]] escapes, N strings and nested comments', () => {
    const sql = "/* a /* b; */ c; */ SELECT [x;]]y], N'it''s;' FROM [t]; -- tail;\nSELECT 2";
    expect(rows(sql, 'sqlserver')).toEqual([
      [1, 21, 1, 54, "SELECT [x;]]y], N'it''s;' FROM [t]"],
      [2, 1, 2, 8, 'SELECT 2'],
    ]);
  });
});

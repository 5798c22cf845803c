import { describe, expect, it } from 'vitest';
import { rows, texts } from './split-helpers.js';

describe('PostgreSQL splitting', () => {
  it('keeps ; inside $$ and $tag$ function bodies', () => {
    const sql = [
      '-- functions',
      'CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int AS $$',
      'BEGIN',
      '  RETURN a + b; -- ; and comments inside the body are its own business',
      'END;',
      '$$ LANGUAGE plpgsql;',
      'DO $body$ BEGIN PERFORM 1; RAISE NOTICE $$x;$$; END $body$;',
      'SELECT 1;',
    ].join('\n');
    expect(rows(sql, 'postgresql')).toEqual([
      [2, 1, 6, 19, sql.split('\n').slice(1, 6).join('\n').slice(0, -1)],
      [7, 1, 7, 58, 'DO $body$ BEGIN PERFORM 1; RAISE NOTICE $$x;$$; END $body$'],
      [8, 1, 8, 8, 'SELECT 1'],
    ]);
  });

  it('does not open dollar quotes on parameters or inside identifiers', () => {
    expect(texts('SELECT $1, a$b$c;\nPREPARE p AS SELECT $2;', 'postgresql')).toEqual([
      'SELECT $1, a$b$c',
      'PREPARE p AS SELECT $2',
    ]);
  });

  it("reads standard strings without backslash escapes and E'' strings with them", () => {
    const sql = "SELECT 'C:\\dir\\';\nSELECT E'it\\'s;', e'\\\\';\nSELECT 'a''b;';";
    expect(texts(sql, 'postgresql')).toEqual(["SELECT 'C:\\dir\\'", "SELECT E'it\\'s;', e'\\\\'", "SELECT 'a''b;'"]);
  });

  it('does not take a word ending in e for an E prefix', () => {
    expect(texts("SELECT 1 FROM t WHERE name='a\\';\nSELECT 2;", 'postgresql')).toEqual([
      "SELECT 1 FROM t WHERE name='a\\'",
      'SELECT 2',
    ]);
  });

  it('reads nested block comments and "quoted" identifiers', () => {
    const sql = '/* outer /* inner; */ still; */ SELECT "a;""b" FROM t; /* a /* b */ */';
    expect(rows(sql, 'postgresql')).toEqual([[1, 33, 1, 53, 'SELECT "a;""b" FROM t']]);
  });

  it('keeps ; inside BEGIN ATOMIC … END bodies, CASE included', () => {
    const sql = [
      'CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql',
      'BEGIN ATOMIC',
      '  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;',
      '  SELECT 2;',
      'END;',
      'SELECT CASE WHEN true THEN 1 END;',
    ].join('\n');
    expect(rows(sql, 'postgresql')).toEqual([
      [1, 1, 5, 3, sql.split('\n').slice(0, 5).join('\n').slice(0, -1)],
      [6, 1, 6, 32, 'SELECT CASE WHEN true THEN 1 END'],
    ]);
  });

  it('does not treat BEGIN as a block outside routines', () => {
    expect(texts('BEGIN;\nUPDATE t SET a = 1;\nCOMMIT;', 'postgresql')).toEqual(['BEGIN', 'UPDATE t SET a = 1', 'COMMIT']);
  });

  it('skips the data lines of COPY … FROM stdin', () => {
    const sql = 'COPY t (a, b) FROM stdin;\n1\tx;y\n2\t\\N\n\\.\nSELECT 1;';
    expect(rows(sql, 'postgresql')).toEqual([
      [1, 1, 1, 24, 'COPY t (a, b) FROM stdin'],
      [5, 1, 5, 8, 'SELECT 1'],
    ]);
  });

  it('reads -- comments without a following space', () => {
    expect(texts('--comment;\nSELECT 1;--x;\n', 'postgresql')).toEqual(['SELECT 1']);
  });
});

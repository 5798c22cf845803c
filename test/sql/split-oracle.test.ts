import { describe, expect, it } from 'vitest';
import { rows, texts } from './split-helpers.js';

describe('Oracle splitting', () => {
  it('runs PL/SQL units to a line holding only /', () => {
    const sql = [
      'CREATE OR REPLACE EDITIONABLE PROCEDURE p AS',
      'BEGIN',
      '  UPDATE t SET a = 1;',
      '  COMMIT;',
      'END p;',
      '/',
      'CREATE TABLE t2 (a NUMBER);',
      'SELECT 1 FROM dual',
      '  /  ',
      'DECLARE',
      '  x NUMBER := 10 / 2;',
      'BEGIN',
      '  NULL;',
      'END;',
      '/',
    ].join('\n');
    expect(rows(sql, 'oracle')).toEqual([
      [1, 1, 5, 6, 'CREATE OR REPLACE EDITIONABLE PROCEDURE p AS\nBEGIN\n  UPDATE t SET a = 1;\n  COMMIT;\nEND p;'],
      [7, 1, 7, 26, 'CREATE TABLE t2 (a NUMBER)'],
      [8, 1, 8, 18, 'SELECT 1 FROM dual'],
      [10, 1, 14, 4, 'DECLARE\n  x NUMBER := 10 / 2;\nBEGIN\n  NULL;\nEND;'],
    ]);
  });

  it('recognises every kind of PL/SQL unit', () => {
    const units = [
      'CREATE FUNCTION f RETURN NUMBER IS BEGIN RETURN 1; END;',
      'CREATE OR REPLACE PACKAGE pkg AS PROCEDURE p; END pkg;',
      'CREATE OR REPLACE PACKAGE BODY pkg AS PROCEDURE p IS BEGIN NULL; END; END pkg;',
      'CREATE OR REPLACE NONEDITIONABLE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN :new.a := 1; END;',
      'CREATE TYPE BODY tp AS MEMBER FUNCTION m RETURN NUMBER IS BEGIN RETURN 1; END; END;',
      'BEGIN dbms_output.put_line(1); END;',
    ];
    expect(texts(units.join('\n/\n') + '\n/\n', 'oracle')).toEqual(units);
  });

  it('ends a CREATE TYPE spec at ; and ignores the / after it', () => {
    expect(texts('CREATE TYPE tp AS OBJECT (a NUMBER);\n/\nSELECT 1 FROM dual;', 'oracle')).toEqual([
      'CREATE TYPE tp AS OBJECT (a NUMBER)',
      'SELECT 1 FROM dual',
    ]);
  });

  it("reads q'…' literals with bracket pairs and same-character delimiters", () => {
    const sql = "SELECT q'[it's; [x]; ]', Q'{a;}', nq'(b;)', q'<c;>', q'!d'; !' FROM dual;\nSELECT 2 FROM dual;";
    expect(texts(sql, 'oracle')).toEqual([
      "SELECT q'[it's; [x]; ]', Q'{a;}', nq'(b;)', q'<c;>', q'!d'; !' FROM dual",
      'SELECT 2 FROM dual',
    ]);
  });

  it('does not take a word ending in q for a q-quote prefix', () => {
    expect(texts("SELECT seq'x;' FROM dual;\nSELECT 2 FROM dual;", 'oracle')).toEqual(["SELECT seq'x;' FROM dual", 'SELECT 2 FROM dual']);
  });

  it('does not end a unit at a / inside strings or comments, or at a division', () => {
    const sql = "BEGIN\n  x := 'a\n/\nb';\n  /*\n/\n  */\n  y := 4\n  / 2;\nEND;\n/";
    expect(texts(sql, 'oracle')).toEqual([sql.slice(0, -2)]);
  });

  it('reads SQL*Plus commands as one-line statements and REM lines as comments', () => {
    const sql = 'REM setup script\nSET DEFINE OFF\nPROMPT creating -\n  tables;\nSET TRANSACTION READ ONLY;\n@other.sql\nSELECT 1 FROM dual;';
    expect(rows(sql, 'oracle')).toEqual([
      [2, 1, 2, 14, 'SET DEFINE OFF'],
      [3, 1, 4, 8, 'PROMPT creating -\n  tables'],
      [5, 1, 5, 25, 'SET TRANSACTION READ ONLY'],
      [6, 1, 6, 10, '@other.sql'],
      [7, 1, 7, 18, 'SELECT 1 FROM dual'],
    ]);
  });

  it('keeps "quoted" identifiers and -- comments', () => {
    expect(texts('--x;\nSELECT "a;b" FROM dual; -- done;', 'oracle')).toEqual(['SELECT "a;b" FROM dual']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rows, startLines, texts } from './split-helpers.js';

const fixture = (path: string): string => readFileSync(new URL(`./fixtures/sqle-real/${path}`, import.meta.url), 'utf8');

describe('MySQL splitting: the files uploaded to the real SQLE', () => {
  // Real lines of each statement's first token, as listed in the reference README (the real
  // server reports each one DELIMITER line too early, cumulatively; ours must be the real ones).
  it('places the DELIMITER probe statements on their real lines, END$$ included', () => {
    expect(rows(fixture('delimiter_probe.sql'), 'mysql')).toEqual([
      [1, 1, 1, 8, 'SELECT 1'],
      [3, 1, 3, 40, 'CREATE PROCEDURE a() BEGIN SELECT 1; END'],
      [5, 1, 5, 8, 'SELECT 2'],
      [8, 1, 11, 3, 'CREATE PROCEDURE b()\nBEGIN\n  SELECT 3;\nEND'],
      [13, 1, 13, 8, 'SELECT 4'],
      [14, 1, 14, 8, 'SELECT 5'],
    ]);
  });

  it('agrees with the lines SQLE reported once its DELIMITER drift is added back', () => {
    // sql_start_line values recorded from SQLE 3.2412.1 (exchanges 31 and 85): [reported, DELIMITER lines above].
    const init = [[4, 0], [11, 0], [15, 0], [17, 0], [19, 0], [21, 0], [21, 0], [23, 1], [29, 2]];
    expect(startLines(fixture('zipsrc/db/migrations/001_init.sql'), 'mysql')).toEqual(init.map(([l, d]) => l! + d!));
    const probe = [[1, 0], [2, 1], [3, 2], [5, 3]]; // SQLE folded everything after END$$ into the 4th
    expect(startLines(fixture('delimiter_probe.sql'), 'mysql').slice(0, 4)).toEqual(probe.map(([l, d]) => l! + d!));
  });

  it('splits 001_init.sql without leading comments and with two statements on one line', () => {
    expect(rows(fixture('zipsrc/db/migrations/001_init.sql'), 'mysql')).toEqual([
      [4, 1, 7, 1, "CREATE TABLE users (\n  id INT NOT NULL,\n  name VARCHAR(64) NOT NULL DEFAULT ''\n)"],
      [11, 1, 13, 17, "INSERT INTO users (id, name)\nVALUES (1, 'alice'),\n       (2, 'bob')"],
      [15, 1, 15, 17, 'DELETE FROM users'],
      [17, 1, 17, 32, 'SELECT * FROM users WHERE id = 1'],
      [19, 1, 19, 32, 'SELEC id FROM users WHERE id = 2'],
      [21, 1, 21, 40, "UPDATE users SET name = 'x' WHERE id = 2"],
      [21, 43, 21, 77, 'SELECT name FROM users WHERE id = 2'],
      [24, 1, 28, 3, 'CREATE PROCEDURE p_cleanup()\nBEGIN\n  DELETE FROM users WHERE id > 100;\n  SELECT COUNT(*) FROM users;\nEND'],
      [31, 1, 33, 13, 'SELECT name\n  FROM users\n WHERE id = 3'],
    ]);
  });

  it('splits 002_seed.sql and the CRLF file on the lines SQLE reported', () => {
    expect(startLines(fixture('zipsrc/db/seeds/002_seed.sql'), 'mysql')).toEqual([2, 5, 6]);
    expect(rows(fixture('zipsrc/db/migrations/003_crlf.sql'), 'mysql')).toEqual([
      [2, 1, 2, 8, 'SELECT 1'],
      [4, 1, 4, 17, 'DELETE FROM users'],
    ]);
  });
});

describe('MySQL splitting: DELIMITER', () => {
  it('accepts any delimiter, with or without a space before it, and any case of the command', () => {
    const sql = [
      'delimiter //',
      'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END//',
      'CREATE FUNCTION f() RETURNS INT RETURN 1 //',
      'Delimiter ;;',
      'SELECT 1;;',
      'DELIMITER ;',
      'SELECT 2;',
    ].join('\n');
    expect(texts(sql, 'mysql')).toEqual([
      'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END',
      'CREATE FUNCTION f() RETURNS INT RETURN 1',
      'SELECT 1',
      'SELECT 2',
    ]);
  });

  it('reads DELIMITER lines ended by CRLF or a lone CR', () => {
    const sql = 'DELIMITER $$\r\nSELECT 1 $$\rDELIMITER ;\rSELECT 2;\r\n';
    expect(rows(sql, 'mysql')).toEqual([
      [2, 1, 2, 8, 'SELECT 1'],
      [4, 1, 4, 8, 'SELECT 2'],
    ]);
  });

  it('ignores the rest of a DELIMITER line and accepts a quoted argument', () => {
    expect(texts("DELIMITER $$ -- switch\nSELECT ';' $$\nDELIMITER ';' # back\nSELECT 2;", 'mysql')).toEqual([
      "SELECT ';'",
      'SELECT 2',
    ]);
  });

  it('recognises DELIMITER after a statement on the same line, as the mysql client does', () => {
    expect(texts('SELECT 1; DELIMITER //\nSELECT 2//', 'mysql')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('ends an unterminated statement at a DELIMITER line', () => {
    const sql = 'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END\nDELIMITER ;\nSELECT 2;';
    expect(rows(sql, 'mysql')).toEqual([
      [2, 1, 2, 40, 'CREATE PROCEDURE p() BEGIN SELECT 1; END'],
      [4, 1, 4, 8, 'SELECT 2'],
    ]);
  });

  it('does not take a column named delimiter for the command', () => {
    const sql = 'CREATE TABLE cfg (\n  id INT,\n  delimiter CHAR(1),\n  delimiter2 VARCHAR(4)\n);\nSELECT 1;';
    expect(texts(sql, 'mysql')).toEqual([
      'CREATE TABLE cfg (\n  id INT,\n  delimiter CHAR(1),\n  delimiter2 VARCHAR(4)\n)',
      'SELECT 1',
    ]);
  });

  it('does not see the delimiter inside strings, identifiers or comments', () => {
    const sql = "DELIMITER $$\nSELECT '$$', \"$$\", `a$$b` /* $$ */ -- $$\n# $$\n$$";
    expect(texts(sql, 'mysql')).toEqual(["SELECT '$$', \"$$\", `a$$b` /* $$ */ -- $$\n# $$"]);
  });
});

describe('MySQL splitting: comments, strings and identifiers', () => {
  it('drops leading #, -- and /* */ comments, but keeps /*! */ conditional comments', () => {
    const sql = '# hash\n-- dash\n/* block */ /*!40101 SET NAMES utf8mb4 */;\n/*M!100100 SET x = 1 */;';
    expect(rows(sql, 'mysql')).toEqual([
      [3, 13, 3, 41, '/*!40101 SET NAMES utf8mb4 */'],
      [4, 1, 4, 23, '/*M!100100 SET x = 1 */'],
    ]);
  });

  it('requires whitespace after -- for a comment', () => {
    expect(texts('SELECT 1--2;\nSELECT 3 --;\nSELECT 4 -- 5;\n;', 'mysql')).toEqual(['SELECT 1--2', 'SELECT 3 --', 'SELECT 4 -- 5;']);
  });

  it('honours backslash escapes and doubled quotes in strings', () => {
    const sql = "INSERT INTO t VALUES ('it\\'s; fine', 'a''b;', \"q\\\";\", 'c:\\\\');\nSELECT 2;";
    expect(texts(sql, 'mysql')).toEqual([
      "INSERT INTO t VALUES ('it\\'s; fine', 'a''b;', \"q\\\";\", 'c:\\\\')",
      'SELECT 2',
    ]);
  });

  it('reads `…` identifiers with doubled backticks and no backslash escapes', () => {
    expect(texts('SELECT `a``;b`, `c\\`;\nSELECT 2;', 'mysql')).toEqual(['SELECT `a``;b`, `c\\`', 'SELECT 2']);
  });

  it('keeps comments inside and at the end of a statement, drops comment-only pieces', () => {
    const sql = 'SELECT 1 /* one; */ -- two;\n  + 1 # three;\n;\n-- only a comment\n;\n/* x */;';
    expect(texts(sql, 'mysql')).toEqual(['SELECT 1 /* one; */ -- two;\n  + 1 # three;']);
  });

  it('runs an unterminated string or comment to the end of the text', () => {
    expect(texts("SELECT 'abc;\nSELECT 2;", 'mysql')).toEqual(["SELECT 'abc;\nSELECT 2;"]);
    expect(texts('SELECT 1 /* open;\nSELECT 2;', 'mysql')).toEqual(['SELECT 1 /* open;\nSELECT 2;']);
  });

  it('keeps the last statement without a terminator', () => {
    expect(rows('SELECT 1;\n  SELECT 2  \n\n', 'mysql')).toEqual([
      [1, 1, 1, 8, 'SELECT 1'],
      [2, 3, 2, 10, 'SELECT 2'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { classify } from '../../src/dli/classify.js';

const ddl: [string, string, string[]?][] = [
  ['CREATE DATABASE IF NOT EXISTS sales COMMENT "x" WITH DBPROPERTIES ("a"="b")', 'CREATE DATABASE', ['sales']],
  ['create schema s1', 'CREATE SCHEMA', ['s1']],
  ['DROP DATABASE IF EXISTS sales CASCADE', 'DROP DATABASE', ['sales']],
  ['ALTER DATABASE sales SET DBPROPERTIES ("k"="v")', 'ALTER DATABASE', ['sales']],
  ['CREATE TABLE IF NOT EXISTS db1.t1 (id INT, name STRING) USING parquet OPTIONS (k "v") PARTITIONED BY (name)', 'CREATE TABLE', ['db1', 't1']],
  ["CREATE TABLE t2 (id INT) COMMENT 'c' PARTITIONED BY (dt STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' STORED AS TEXTFILE TBLPROPERTIES ('dli.lifecycle.days'='7')", 'CREATE TABLE', ['t2']],
  ["CREATE EXTERNAL TABLE `my db`.`t-3` (id INT) STORED AS ORC LOCATION 'obs://bucket/p'", 'CREATE TABLE', ['my db', 't-3']],
  ['CREATE TABLE t4 USING parquet AS SELECT * FROM t1', 'CREATE TABLE', ['t4']],
  ['CREATE TABLE t5 STORED AS PARQUET AS SELECT id FROM t1', 'CREATE TABLE', ['t5']],
  ['CREATE /* hint-free comment */ TABLE\n-- another\n t6 (id INT) USING csv', 'CREATE TABLE', ['t6']],
  ['DROP TABLE IF EXISTS db1.t1', 'DROP TABLE', ['db1', 't1']],
  ['ALTER TABLE t1 ADD COLUMNS (c STRING)', 'ALTER TABLE', ['t1']],
  ["ALTER TABLE t1 ADD IF NOT EXISTS PARTITION (dt='2024') LOCATION 'obs://b/dt=2024'", 'ALTER TABLE', ['t1']],
  ["ALTER TABLE t1 DROP IF EXISTS PARTITION (dt='2024'), PARTITION (dt='2025')", 'ALTER TABLE', ['t1']],
  ["ALTER TABLE t1 SET TBLPROPERTIES ('dli.lifecycle.days'='30')", 'ALTER TABLE', ['t1']],
  ["ALTER TABLE t1 UNSET TBLPROPERTIES ('comment')", 'ALTER TABLE', ['t1']],
  ["ALTER TABLE t1 CHANGE COLUMN c c STRING COMMENT 'x'", 'ALTER TABLE', ['t1']],
  ['CREATE OR REPLACE VIEW v1 AS SELECT * FROM t1', 'CREATE VIEW', ['v1']],
  ['CREATE VIEW IF NOT EXISTS db1.v2 AS SELECT 1', 'CREATE VIEW', ['db1', 'v2']],
  ['ALTER VIEW v1 AS SELECT 2', 'ALTER VIEW', ['v1']],
  ['DROP VIEW IF EXISTS v1', 'DROP VIEW', ['v1']],
  ["CREATE FUNCTION f1 AS 'com.example.F' USING JAR 'obs://b/f.jar'", 'CREATE FUNCTION', ['f1']],
  ["CREATE OR REPLACE TEMPORARY FUNCTION f2 AS 'com.example.F'", 'CREATE FUNCTION', ['f2']],
  ['DROP TEMPORARY FUNCTION IF EXISTS db1.f1', 'DROP FUNCTION', ['db1', 'f1']],
  ["TRUNCATE TABLE t1 PARTITION (dt='1')", 'TRUNCATE TABLE', ['t1']],
  ['MSCK REPAIR TABLE db1.t1', 'MSCK REPAIR TABLE', ['db1', 't1']],
  ['REFRESH TABLE t1', 'REFRESH TABLE', ['t1']],
  ['refresh t1', 'REFRESH TABLE', ['t1']],
];

const other: [string, string][] = [
  ['INSERT INTO t1 VALUES (1, "a")', 'INSERT'],
  ['INSERT OVERWRITE TABLE t1 SELECT * FROM t2', 'INSERT'],
  ['SELECT * FROM t1', 'SELECT'],
  ['with x as (select 1) select * from x', 'SELECT'],
  ['(SELECT 1) UNION (SELECT 2)', 'SELECT'],
  ["LOAD DATA INPATH 'obs://b/f' INTO TABLE t1", 'LOAD DATA'],
  ['GRANT SELECT ON databases.db1 TO USER u', 'GRANT'],
  ['REVOKE SELECT ON databases.db1 FROM USER u', 'REVOKE'],
  ['SET spark.sql.shuffle.partitions=10', 'SET'],
  ['USE db1', 'USE'],
  ['CREATE ROLE r1', 'CREATE ROLE'],
  ['DROP ROLE r1', 'DROP ROLE'],
  ['SHOW TABLES', 'SHOW'],
  ['DESC t1', 'DESCRIBE'],
  ['EXPLAIN SELECT 1', 'EXPLAIN'],
  ['ANALYZE TABLE t1 COMPUTE STATISTICS', 'ANALYZE TABLE'],
  ["-- create table x (a int)\nSELECT 'CREATE TABLE y'", 'SELECT'],
  ['', ''],
];

describe('classify', () => {
  it.each(ddl)('DDL: %s', (text, verb, name) => {
    const c = classify({ text });
    expect(c).toMatchObject({ kind: 'ddl', verb });
    expect(c.target?.name).toEqual(name);
  });
  it.each(other)('other: %s', (text, verb) => {
    expect(classify({ text })).toEqual({ kind: 'other', verb });
  });
  it('sends misspelt DDL to DLI rather than skipping it', () => {
    expect(classify({ text: 'CREATE TABEL t (id INT)' })).toEqual({ kind: 'ddl', verb: 'CREATE TABEL' });
    expect(classify({ text: 'TRUNCATE t' })).toEqual({ kind: 'ddl', verb: 'TRUNCATE TABLE' });
  });
  it('records the new name of a rename, not of a partition rename', () => {
    expect(classify({ text: 'ALTER TABLE db1.a RENAME TO db1.b' }).renamedTo).toEqual(['db1', 'b']);
    expect(classify({ text: "ALTER TABLE a PARTITION (dt='1') RENAME TO PARTITION (dt='2')" }).renamedTo).toBeUndefined();
  });
});

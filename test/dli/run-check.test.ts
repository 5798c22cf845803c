import { describe, expect, it } from 'vitest';
import { dliDoublePerTest } from './double-per-test.js';
import { run, submits } from './harness.js';

const start = dliDoublePerTest();

const checkMode = { settings: { mode: 'check' as const } };

describe('runDli check', () => {
  it('reports syntax errors as check-failed, dependent statements as not verifiable, and runs nothing', async () => {
    const d = await start({ catalog: { db1: ['t1'] } });
    const text = [
      'CREATE DATABASE sales;',
      'CREATE TABLE sales.orders (id INT, amount DECIMAL(10,2)) STORED AS PARQUET;',
      'ALTER TABLE sales.orders ADD COLUMNS (note STRING);',
      'CREATE TABEL db1.broken (id INT);',
      'ALTER TABLE t1 ADD COLUMNS (c STRING);',
      "INSERT INTO t1 VALUES (1, 'x');",
    ].join('\n');
    const report = await run(d, [{ path: 'x.sql', text }], checkMode);
    expect(report.mode).toBe('check');
    expect(report.result).toBe('failed');
    expect(report.statements.map((s) => [s.startLine, s.status])).toEqual([
      [1, 'check-ok'],
      [2, 'not-verifiable'],
      [3, 'not-verifiable'],
      [4, 'check-failed'],
      [5, 'check-ok'],
      [6, 'not-submitted'],
    ]);
    expect(report.statements[1]?.message).toMatch(/depends on "sales".*Database 'sales' not found/);
    expect(report.statements[2]?.message).toMatch(/depends on "sales/);
    expect(report.statements[3]?.message).toBe("[PARSE_SYNTAX_ERROR] Syntax error at or near 'TABEL'.(line 1, pos 7)");
    expect(report.jobIds).toEqual([]);
    expect(submits(d)).toBe(0);
    expect(d.jobs).toHaveLength(0);
    const checks = d.dli.requests.filter((r) => r.path.endsWith('/jobs/check-sql')).map((r) => JSON.parse(r.body.toString()));
    expect(checks[0]).toEqual({ sql: 'CREATE DATABASE sales' });
    expect(checks[4]).toEqual({ sql: 'ALTER TABLE t1 ADD COLUMNS (c STRING)', currentdb: 'db1' });
  });

  it('does not verify a table altered after being created in the same change', async () => {
    const d = await start({ catalog: { db1: [] } });
    const text = 'CREATE TABLE new_t (id INT) USING parquet;\nALTER TABLE db1.new_t ADD COLUMNS (c STRING);\nALTER TABLE db1.old_t ADD COLUMNS (c STRING);\n';
    const report = await run(d, [{ path: 'n.sql', text }], checkMode);
    expect(report.statements.map((s) => s.status)).toEqual(['check-ok', 'not-verifiable', 'check-failed']);
    expect(report.statements[1]?.message).toMatch(/depends on "db1\.new_t".*Table or view not found: db1\.new_t/);
    expect(report.statements[2]?.message).toBe('Table or view not found: db1.old_t');
  });

  it('fails a semantic error that no earlier statement explains', async () => {
    const d = await start();
    const report = await run(d, [{ path: 'y.sql', text: 'CREATE TABLE db1.t (id INT) USING parquet;\nDROP TABLE nowhere.t;\n' }], checkMode);
    expect(report.statements.map((s) => s.status)).toEqual(['check-failed', 'check-failed']);
    expect(report.statements[0]?.message).toMatch(/Database 'db1' not found/);
  });

  it('results in checked when every statement passes, audit result and fork notwithstanding', async () => {
    const d = await start({ catalog: { db1: ['t1'] } });
    const report = await run(d, [{ path: 'z.sql', text: 'CREATE TABLE IF NOT EXISTS t5 (id INT) USING parquet;\nCREATE VIEW v AS SELECT * FROM t1;' }], {
      ...checkMode,
      auditPassed: false,
      isFork: true,
    });
    expect(report).toMatchObject({ mode: 'check', result: 'checked', jobIds: [] });
    expect(report.reason).toBeUndefined();
  });

  it('stops with the reason when DLI cannot be reached with these credentials', async () => {
    const d = await start({ clockOffsetMs: -40 * 60_000 });
    const report = await run(d, [{ path: 'z.sql', text: 'CREATE TABLE t5 (id INT) USING parquet;\nDROP TABLE t5;' }], checkMode);
    expect(report.result).toBe('failed');
    expect(report.statements.map((s) => s.status)).toEqual(['not-attempted', 'not-attempted']);
    expect(report.reason).toMatch(/more than 15 minutes/);
  });
});

describe('runDli with nothing to do', () => {
  it('skips when no file matched or no statement is DDL', async () => {
    const d = await start();
    expect(await run(d, [])).toMatchObject({ result: 'skipped', reason: 'no file matched dli-files' });
    const onlyDml = await run(d, [{ path: 'q.sql', text: 'SELECT 1;\nINSERT INTO t VALUES (1);' }]);
    expect(onlyDml).toMatchObject({ result: 'skipped', reason: 'no DDL statement in the dli-files' });
    expect(onlyDml.statements.map((s) => s.status)).toEqual(['not-submitted', 'not-submitted']);
    expect(await run(d, [{ path: 'q.sql', text: 'CREATE TABLE t (id INT) USING csv' }], { settings: { mode: 'off' } })).toMatchObject({ mode: 'off', result: 'skipped' });
    expect(d.dli.requests).toHaveLength(0);
  });
});

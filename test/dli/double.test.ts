// The DLI + IAM double must refuse what the real gateway refuses, or the flow tests prove nothing.
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/dli/signer.js';
import { DOUBLE_AK, DOUBLE_SK, DOUBLE_USER, type DliDouble } from '../doubles/dli/index.js';
import { parseStatement } from '../doubles/dli/spark-parse.js';
import { dliDoublePerTest } from './double-per-test.js';

const start = dliDoublePerTest();

interface CallOptions {
  body?: unknown;
  ak?: string;
  sk?: string;
  /** Bytes sent instead of the signed ones. */
  sentBody?: string;
  headers?: Record<string, string>;
}

async function call(d: DliDouble, method: string, path: string, o: CallOptions = {}): Promise<{ status: number; body: Record<string, unknown>; requestId: string | null }> {
  const url = new URL(d.dliUrl + path);
  const text = o.body === undefined ? '' : JSON.stringify(o.body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-project-id': d.projectId, ...o.headers };
  const signed = signRequest({ method, url, headers, body: new TextEncoder().encode(text) }, { ak: o.ak ?? DOUBLE_AK, sk: o.sk ?? DOUBLE_SK }, new Date());
  const res = await fetch(url, { method, headers: { ...headers, ...signed }, ...(method === 'GET' ? {} : { body: o.sentBody ?? text }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, requestId: res.headers.get('x-request-id') };
}

const jobs = (d: DliDouble): string => `/v1.0/${d.projectId}/jobs`;

describe('DLI double: gateway', () => {
  it('accepts a correctly signed request and refuses one whose body differs from the signed bytes', async () => {
    const d = await start();
    const ok = await call(d, 'POST', `${jobs(d)}/check-sql`, { body: { sql: 'SHOW TABLES' } });
    expect(ok).toMatchObject({ status: 200, body: { is_success: true, message: 'the sql is ok' } });
    expect(ok.requestId).toMatch(/^[0-9a-f]{32}$/);
    const tampered = await call(d, 'POST', `${jobs(d)}/check-sql`, { body: { sql: 'SHOW TABLES' }, sentBody: '{"sql":"SHOW  TABLES"}' });
    expect(tampered.status).toBe(401);
    expect(tampered.body).toMatchObject({ error_code: 'APIGW.0301', error_msg: expect.stringMatching(/^Incorrect IAM authentication information: verify aksk signature fail/) });
  });

  it('locks the AK after 5 failures and does not know other AKs', async () => {
    const d = await start();
    for (let i = 0; i < 5; i += 1) expect((await call(d, 'GET', jobs(d), { sk: 'wrong' })).status).toBe(401);
    expect((await call(d, 'GET', jobs(d))).body['error_msg']).toBe('Incorrect IAM authentication information: AK access failed to reach the limit,forbidden');
    expect((await call(d, 'GET', jobs(d), { ak: 'OTHERAK' })).body['error_msg']).toBe('Incorrect IAM authentication information: Get secretKey failed,ak:OTHERAK,err:ak not exist');
  });

  it('accepts IAM tokens until they expire', async () => {
    const d = await start({ tokenTtlMs: 150 });
    const login = await fetch(`${d.iamUrl}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: DOUBLE_USER.name, password: DOUBLE_USER.password, domain: { name: DOUBLE_USER.domain } } } },
          scope: { project: { name: d.region } },
        },
      }),
    });
    expect(login.status).toBe(201);
    const token = login.headers.get('x-subject-token') ?? '';
    expect(((await login.json()) as { token: { project: { id: string } } }).token.project.id).toBe(d.projectId);
    expect((await fetch(d.dliUrl + jobs(d), { headers: { 'X-Auth-Token': token } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const expired = await fetch(d.dliUrl + jobs(d), { headers: { 'X-Auth-Token': token } });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as Record<string, unknown>)['error_msg']).toMatch(/token expired/);
  });

  it('refuses unknown tokens, other projects and unknown APIs', async () => {
    const d = await start();
    const res = await fetch(d.dliUrl + jobs(d), { headers: { 'X-Auth-Token': 'forged' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as Record<string, unknown>)['error_msg']).toMatch(/decrypt token fail/);
    expect((await call(d, 'GET', '/v1.0/otherproject/jobs')).body).toMatchObject({ error_code: 'DLI.0013' });
    expect((await call(d, 'GET', `/v2/${d.projectId}/queues`)).body).toMatchObject({ error_code: 'APIGW.0101' });
  });
});

describe('DLI double: jobs', () => {
  it('validates bodies like DLI', async () => {
    const d = await start();
    expect((await call(d, 'POST', `${jobs(d)}/submit-job`, { body: { sql: 'SHOW TABLES' }, headers: { 'content-type': 'text/plain' } })).body).toMatchObject({ error_msg: 'unsupported media Type' });
    expect((await call(d, 'POST', `${jobs(d)}/submit-job`, { body: { currentdb: 'db' } })).body).toMatchObject({ error_code: 'DLI.0001' });
    expect((await call(d, 'POST', `${jobs(d)}/submit-job`, { body: { sql: 'SHOW TABLES', tags: [{ key: '_sys_x', value: 'v' }] } })).body).toMatchObject({ error_code: 'DLI.0001' });
    expect((await call(d, 'POST', `${jobs(d)}/submit-job`, { body: { sql: 'SHOW TABLES', queue_name: 'q9' } })).body).toEqual({ error_code: 'DLI.0002', error_msg: 'There is no queue named q9' });
    expect((await call(d, 'POST', `${jobs(d)}/submit-job`, { body: { sql: 'CREATE TABLE t (id)' } })).body).toMatchObject({ error_code: 'DLI.0004' });
  });

  it('pages and filters the job list by tags, newest first', async () => {
    const d = await start();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const tags = [{ key: 'k', value: n === 2 ? 'other' : 'same' }, { key: 'n', value: String(n) }];
      const res = await call(d, 'POST', `${jobs(d)}/submit-job`, { body: { sql: `CREATE DATABASE d${n}`, tags } });
      ids.push(String(res.body['job_id']));
      await new Promise((r) => setTimeout(r, 5));
    }
    const page1 = await call(d, 'GET', `${jobs(d)}?page-size=1&current-page=1&tags=${encodeURIComponent('k=same')}`);
    const page2 = await call(d, 'GET', `${jobs(d)}?page-size=1&current-page=2&tags=${encodeURIComponent('k=same')}`);
    expect(page1.body['job_count']).toBe(2);
    expect([page1, page2].map((p) => (p.body['jobs'] as { job_id: string }[])[0]?.job_id)).toEqual([ids[2], ids[0]]);
    const both = await call(d, 'GET', `${jobs(d)}?tags=${encodeURIComponent('k=same,n=1')}`);
    expect((both.body['jobs'] as { job_id: string }[]).map((j) => j.job_id)).toEqual([ids[0]]);
    expect((await call(d, 'GET', `${jobs(d)}?page-size=101`)).body).toMatchObject({ error_code: 'DLI.0001' });
  });

  it('runs jobs by script: polls, time, sync mode and cancellation', async () => {
    const d = await start({ scripts: [{ match: /slow/, endAfterMs: 60 }, { match: 'never', outcome: 'never' }] });
    const submit = async (sql: string, conf: string[] = []): Promise<Record<string, unknown>> => (await call(d, 'POST', `${jobs(d)}/submit-job`, { body: { sql, conf } })).body;
    const status = async (id: unknown): Promise<unknown> => (await call(d, 'GET', `${jobs(d)}/${String(id)}/status`)).body['status'];

    const sync = await submit('CREATE DATABASE s', ['dli.sql.sqlasync.enabled = false']);
    expect(sync).toMatchObject({ job_mode: 'sync', job_type: 'DDL' });
    expect(await status(sync['job_id'])).toBe('FINISHED');

    const slow = await submit('CREATE TABLE slow (id INT) USING csv');
    expect(slow['job_mode']).toBe('async');
    expect([await status(slow['job_id']), await status(slow['job_id']), await status(slow['job_id'])]).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    await new Promise((r) => setTimeout(r, 80));
    expect(await status(slow['job_id'])).toBe('FINISHED');
    expect(d.catalog.hasTable('default', 'slow')).toBe(true);

    const never = await submit('CREATE TABLE never (id INT) USING csv');
    for (let i = 0; i < 4; i += 1) expect(await status(never['job_id'])).toBe('RUNNING');
    expect((await call(d, 'DELETE', `${jobs(d)}/${String(never['job_id'])}`)).body).toEqual({ is_success: true, message: '' });
    expect(await status(never['job_id'])).toBe('CANCELLED');
    expect((await call(d, 'DELETE', `${jobs(d)}/${String(never['job_id'])}`)).status).toBe(400);
    expect(d.jobs.map((j) => j.history.map((h) => h.status).join('>'))).toEqual(['LAUNCHING>FINISHED', 'LAUNCHING>RUNNING>FINISHED', 'LAUNCHING>RUNNING>CANCELLED']);
  });

  it('fails a job whose objects do not exist when it runs', async () => {
    const d = await start();
    const res = await call(d, 'POST', `${jobs(d)}/submit-job`, { body: { sql: 'ALTER TABLE db9.t ADD COLUMNS (c INT)' } });
    const id = String(res.body['job_id']);
    await call(d, 'GET', `${jobs(d)}/${id}/status`);
    const done = await call(d, 'GET', `${jobs(d)}/${id}/status`);
    expect(done.body).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/Database 'db9' not found/) });
  });
});

describe('DLI double: Spark SQL shapes', () => {
  it.each([
    'CREATE DATABASE IF NOT EXISTS sales COMMENT "x" WITH DBPROPERTIES ("a"="b")',
    'CREATE TABLE IF NOT EXISTS db1.t1 (id INT, name STRING) USING parquet OPTIONS (k "v") PARTITIONED BY (name)',
    "CREATE TABLE t2 (id INT COMMENT 'id', m MAP<STRING, ARRAY<INT>>, d DECIMAL(10, 2)) COMMENT 'c' PARTITIONED BY (dt STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' STORED AS TEXTFILE TBLPROPERTIES ('dli.lifecycle.days'='7')",
    "CREATE EXTERNAL TABLE `my db`.`t-3` (id INT) STORED AS ORC LOCATION 'obs://bucket/p'",
    'CREATE TABLE t4 USING parquet AS SELECT * FROM t1',
    "ALTER TABLE t1 ADD IF NOT EXISTS PARTITION (dt='2024') LOCATION 'obs://b/dt=2024'",
    "ALTER TABLE t1 PARTITION (dt='1') RENAME TO PARTITION (dt='2')",
    'CREATE OR REPLACE VIEW v1 AS WITH x AS (SELECT 1) SELECT * FROM x',
    "CREATE FUNCTION f1 AS 'com.example.F' USING JAR 'obs://b/f.jar'",
    'DROP TEMPORARY FUNCTION IF EXISTS db1.f1',
    "TRUNCATE TABLE t1 PARTITION (dt='1')",
    'MSCK REPAIR TABLE db1.t1',
    'REFRESH TABLE t1',
    '/* nested /* comment */ */ DROP VIEW IF EXISTS v1',
  ])('accepts %s', (sql) => {
    expect(() => parseStatement(sql)).not.toThrow();
  });
  it.each([
    ['CREATE TABEL t (id INT)', "'TABEL'"],
    ['CREATE TABLE t (id)', "')'"],
    ['CREATE TABLE t (id INTEGR)', "'INTEGR'"],
    ['CREATE TABLE t (id INT', "'<EOF>'"],
    ['ALTER TABLE t DELETE COLUMNS (c)', "'DELETE'"],
    ['CREATE VIEW v AS INSERT INTO t VALUES (1)', "'INSERT'"],
  ])('rejects %s near %s', (sql, near) => {
    expect(() => parseStatement(sql)).toThrow(`Syntax error at or near ${near}`);
  });
});

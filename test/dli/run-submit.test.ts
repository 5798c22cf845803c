import { describe, expect, it } from 'vitest';
import { COMMIT_TAG, STATEMENT_TAG } from '../../src/dli/tags.js';
import { DOUBLE_AK, DOUBLE_SK, DOUBLE_USER } from '../doubles/dli/index.js';
import { dliDoublePerTest } from './double-per-test.js';
import { run, submits } from './harness.js';

const SCHEMA = [
  '-- schema of the sales database',
  'CREATE DATABASE IF NOT EXISTS db1;',
  '',
  'CREATE TABLE IF NOT EXISTS db1.t1 (id INT, name STRING) STORED AS PARQUET;',
  "INSERT INTO db1.t1 VALUES (1, 'a');",
  'CREATE TABLE t2 (id INT) USING parquet;',
].join('\n');
const ALTERS = 'ALTER TABLE t1 ADD COLUMNS (c STRING);\nSELECT * FROM t1;\n';
// Given in the wrong order: files run in path order.
const FILES = [
  { path: 'sql/b_alter.sql', text: ALTERS },
  { path: 'sql/a_schema.sql', text: SCHEMA },
];

const start = dliDoublePerTest();

describe('runDli submit', () => {
  it('submits the DDL in path and file order with queue, currentdb, conf and tags (AK/SK)', async () => {
    const d = await start();
    const report = await run(d, FILES);
    expect(report.reason).toBeUndefined();
    expect(report.result).toBe('submitted');
    expect(d.jobs.map((j) => j.sql)).toEqual([
      'CREATE DATABASE IF NOT EXISTS db1',
      'CREATE TABLE IF NOT EXISTS db1.t1 (id INT, name STRING) STORED AS PARQUET',
      'CREATE TABLE t2 (id INT) USING parquet',
      'ALTER TABLE t1 ADD COLUMNS (c STRING)',
    ]);
    expect(d.jobs.map((j) => j.currentdb)).toEqual([undefined, 'db1', 'db1', 'db1']);
    for (const job of d.jobs) {
      expect(job.queue).toBe('sql_queue');
      expect(job.conf).toEqual(['dli.sql.sqlasync.enabled=true']);
      expect(job.status).toBe('FINISHED');
      expect(job.history.map((h) => h.status)).toEqual(['LAUNCHING', 'RUNNING', 'FINISHED']);
      expect(job.tags.find((t) => t.key === COMMIT_TAG)?.value).toBe('a'.repeat(40));
      expect(job.tags.find((t) => t.key === STATEMENT_TAG)?.value).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(d.jobs.map((j) => j.tags.find((t) => t.key === STATEMENT_TAG)?.value)).size).toBe(4);
    expect(report.jobIds).toEqual(d.jobs.map((j) => j.id));
    expect(report.statements.map((s) => [s.file, s.startLine, s.verb, s.status])).toEqual([
      ['sql/a_schema.sql', 2, 'CREATE DATABASE', 'finished'],
      ['sql/a_schema.sql', 4, 'CREATE TABLE', 'finished'],
      ['sql/a_schema.sql', 5, 'INSERT', 'not-submitted'],
      ['sql/a_schema.sql', 6, 'CREATE TABLE', 'finished'],
      ['sql/b_alter.sql', 1, 'ALTER TABLE', 'finished'],
      ['sql/b_alter.sql', 2, 'SELECT', 'not-submitted'],
    ]);
    expect(report.statements.filter((s) => s.status === 'finished').map((s) => s.jobId)).toEqual(report.jobIds);
    const dliCalls = d.dli.requests;
    expect(dliCalls.every((r) => String(r.headers['authorization']).startsWith(`SDK-HMAC-SHA256 Access=${DOUBLE_AK}, SignedHeaders=content-type;host;x-project-id;x-sdk-date,`))).toBe(true);
    expect(dliCalls.every((r) => r.status === 200)).toBe(true);
    expect(d.catalog.databases()['db1']).toEqual(['t1', 't2']);
  });

  it('signs X-Security-Token with temporary credentials, and is refused without it', async () => {
    const d = await start({ credentials: [{ ak: DOUBLE_AK, sk: DOUBLE_SK, securityToken: 'STS-TOKEN-1' }] });
    const withToken = await run(d, FILES, { settings: { auth: { kind: 'aksk', ak: DOUBLE_AK, sk: DOUBLE_SK, securityToken: 'STS-TOKEN-1' } } });
    expect(withToken.result).toBe('submitted');
    expect(d.dli.requests[0]?.headers['x-security-token']).toBe('STS-TOKEN-1');
    expect(String(d.dli.requests[0]?.headers['authorization'])).toContain('SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,');
    const without = await run(d, FILES);
    expect(without.result).toBe('failed');
    expect(without.reason).toMatch(/APIGW\.0301.*security token.*huaweicloud-security-token/);
  });

  it('logs in to IAM, masks the token it gets, and takes the project id from the token', async () => {
    const d = await start();
    const masked: string[] = [];
    const report = await run(d, FILES, {
      settings: { projectId: undefined, auth: { kind: 'password', ...DOUBLE_USER, username: DOUBLE_USER.name } },
      mask: (secret) => masked.push(secret),
    });
    expect(report.result).toBe('submitted');
    expect(masked).toEqual([d.dli.requests[0]?.headers['x-auth-token']]);
    expect(d.iam.requests.map((r) => [r.method, r.path, r.status])).toEqual([['POST', '/v3/auth/tokens', 201]]);
    const login = JSON.parse(d.iam.requests[0]?.body.toString() ?? '{}');
    expect(login.auth.scope).toEqual({ project: { name: d.region } });
    expect(d.dli.requests.every((r) => r.path.startsWith(`/v1.0/${d.projectId}/`) && typeof r.headers['x-auth-token'] === 'string')).toBe(true);
    expect(d.dli.requests.some((r) => r.headers['authorization'])).toBe(false);
    expect(d.jobs).toHaveLength(4);
  });

  it('fails with the expiry time when IAM issues a token that is no longer valid', async () => {
    const d = await start({ tokenTtlMs: -60_000 });
    const report = await run(d, FILES, { settings: { projectId: undefined, auth: { kind: 'password', domain: DOUBLE_USER.domain, username: DOUBLE_USER.name, password: DOUBLE_USER.password } } });
    expect(report.result).toBe('failed');
    expect(report.reason).toMatch(/token is not valid: it expires at \d{4}-\d\d-\d\dT.*clock/);
    expect(report.reason).not.toContain(DOUBLE_USER.password);
    expect(d.dli.requests).toHaveLength(0);
  });

  it('refuses wrong IAM passwords with a message naming the inputs', async () => {
    const d = await start();
    const report = await run(d, FILES, { settings: { projectId: undefined, auth: { kind: 'password', domain: DOUBLE_USER.domain, username: DOUBLE_USER.name, password: 'wrong-secret-pw' } } });
    expect(report.result).toBe('failed');
    expect(report.reason).toMatch(/IAM.*401.*username or password is wrong.*huaweicloud-password/);
    expect(report.reason).not.toContain('wrong-secret-pw');
  });

  it('submits nothing when the audit failed, nor for a fork', async () => {
    const d = await start();
    const failed = await run(d, FILES, { auditPassed: false });
    expect(failed).toMatchObject({ result: 'skipped', jobIds: [] });
    expect(failed.reason).toMatch(/audit did not pass/);
    const fork = await run(d, FILES, { isFork: true });
    expect(fork).toMatchObject({ result: 'skipped', jobIds: [] });
    expect(fork.reason).toMatch(/fork/);
    expect(fork.statements.map((s) => s.status)).toEqual(['not-attempted', 'not-attempted', 'not-submitted', 'not-attempted', 'not-attempted', 'not-submitted']);
    expect(d.dli.requests).toHaveLength(0);
    expect(d.iam.requests).toHaveLength(0);
  });

  it('stops at the first failure: the statement after it is not submitted', async () => {
    const d = await start({ scripts: [{ match: 'CREATE TABLE IF NOT EXISTS db1.t1', outcome: 'fail', message: 'DLI.0008: metadata error' }] });
    const report = await run(d, FILES);
    expect(report.result).toBe('failed');
    expect(d.jobs.map((j) => j.status)).toEqual(['FINISHED', 'FAILED']);
    expect(report.statements.map((s) => s.status)).toEqual(['finished', 'failed', 'not-submitted', 'not-attempted', 'not-attempted', 'not-submitted']);
    expect(report.statements[1]?.message).toBe('DLI.0008: metadata error');
    expect(report.reason).toMatch(/sql\/a_schema\.sql:4 failed on DLI \(job .+\): DLI\.0008: metadata error/);
    expect(report.jobIds).toEqual(d.jobs.map((j) => j.id));
  });

  it('on timeout cancels the running job with DELETE and attempts nothing more', async () => {
    const d = await start({ scripts: [{ match: 'db1.t1', outcome: 'never' }] });
    const report = await run(d, FILES, { settings: { timeoutSeconds: 30 } });
    expect(report.result).toBe('failed');
    const running = d.jobs[1];
    expect(d.dli.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`/v1.0/${d.projectId}/jobs/${running?.id}`]);
    expect(running?.status).toBe('CANCELLED');
    expect(d.jobs).toHaveLength(2);
    expect(report.statements.map((s) => s.status)).toEqual(['finished', 'cancelled', 'not-submitted', 'not-attempted', 'not-attempted', 'not-submitted']);
    expect(report.reason).toMatch(/dli-timeout of 30 s reached: job .+ was cancelled/);
  });

  it('reports a job that ended just before the cancel as it ended', async () => {
    const d = await start({ scripts: [{ match: 'db1.t1', outcome: 'never' }] });
    d.dli.faults = (req) => {
      const job = d.jobs[1];
      if (req.method === 'DELETE' && job) job.script = { match: '', pollsToEnd: 0 };
      return false;
    };
    const report = await run(d, FILES, { settings: { timeoutSeconds: 30 } });
    expect(d.dli.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([400]);
    expect(d.jobs[1]?.status).toBe('FINISHED');
    expect(report.statements.map((s) => s.status)).toEqual(['finished', 'finished', 'not-submitted', 'not-attempted', 'not-attempted', 'not-submitted']);
    expect(report).toMatchObject({ result: 'failed', reason: expect.stringMatching(/dli-timeout of 30 s reached after job .+ ended FINISHED/) });
  });

  it('treats statuses it does not know as still running', async () => {
    const d = await start({ scripts: [{ match: 'ALTER', runningStatuses: ['SCALING', 'QUEUEING_NEW_STATE'], pollsToEnd: 4 }] });
    const report = await run(d, FILES);
    expect(report.result).toBe('submitted');
    expect(d.jobs[3]?.history.map((h) => h.status)).toEqual(['LAUNCHING', 'SCALING', 'QUEUEING_NEW_STATE', 'FINISHED']);
  });

  it('submits nothing again when re-run on the same commit', async () => {
    const d = await start();
    await run(d, FILES);
    const before = submits(d);
    const again = await run(d, FILES);
    expect(submits(d)).toBe(before);
    expect(again.result).toBe('submitted');
    expect(again.jobIds).toEqual([]);
    expect(again.statements.filter((s) => s.kind === 'ddl').map((s) => s.status)).toEqual(Array(4).fill('already-applied'));
    expect(again.statements[0]?.jobId).toBe(d.jobs[0]?.id);
  });

  it('resumes after a fix: only the fixed statement and the ones after it run', async () => {
    const script = (second: string): string =>
      `CREATE DATABASE IF NOT EXISTS db1;\n${second};\nALTER TABLE db1.t3 ADD COLUMNS (c STRING);\n`;
    const d = await start();
    const first = await run(d, [{ path: 'm.sql', text: script('CREATE TABLE db1.t3 LIKE db1.missing') }], { commitSha: '1'.repeat(40) });
    expect(first.statements.map((s) => s.status)).toEqual(['finished', 'failed', 'not-attempted']);
    expect(first.statements[1]?.message).toMatch(/Table or view not found: db1\.missing/);
    const second = await run(d, [{ path: 'm.sql', text: script('CREATE TABLE db1.t3 (id INT) USING parquet') }], { commitSha: '2'.repeat(40) });
    expect(second.result).toBe('submitted');
    expect(second.statements.map((s) => s.status)).toEqual(['already-applied', 'finished', 'finished']);
    expect(d.jobs.map((j) => [j.sql, j.status])).toEqual([
      ['CREATE DATABASE IF NOT EXISTS db1', 'FINISHED'],
      ['CREATE TABLE db1.t3 LIKE db1.missing', 'FAILED'],
      ['CREATE TABLE db1.t3 (id INT) USING parquet', 'FINISHED'],
      ['ALTER TABLE db1.t3 ADD COLUMNS (c STRING)', 'FINISHED'],
    ]);
    expect(second.jobIds).toEqual([d.jobs[2]?.id, d.jobs[3]?.id]);
    expect(d.jobs[2]?.tags.find((t) => t.key === COMMIT_TAG)?.value).toBe('2'.repeat(40));
  });

  it('waits for a job of an interrupted run instead of submitting the statement again', async () => {
    const d = await start({ scripts: [{ match: 'db1.t1', outcome: 'never' }] });
    d.dli.faults = (req, res) => {
      if (req.method !== 'DELETE') return false;
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error_code":"DLI.0999","error_msg":"internal error"}');
      return true;
    };
    const first = await run(d, FILES, { settings: { timeoutSeconds: 20 } });
    expect(first.statements[1]).toMatchObject({ status: 'failed', jobId: d.jobs[1]?.id });
    expect(first.reason).toMatch(/could not be cancelled and may still be running/);
    d.dli.faults = undefined;
    const stuck = d.jobs[1];
    if (stuck) stuck.script = { match: '', pollsToEnd: stuck.polls + 1 };
    const second = await run(d, FILES);
    expect(second.result).toBe('submitted');
    expect(d.jobs.filter((j) => j.sql.includes('db1.t1'))).toHaveLength(1);
    expect(second.statements[1]).toMatchObject({ status: 'finished', jobId: stuck?.id });
    expect(second.jobIds).not.toContain(stuck?.id);
  });

  it('uses the currentdb of a USE statement for the rest of its file', async () => {
    const d = await start({ catalog: { other: [] } });
    const report = await run(d, [{ path: 'u.sql', text: 'USE other;\nCREATE TABLE t9 (id INT) USING csv;\n' }]);
    expect(report.result).toBe('submitted');
    expect(d.jobs[0]?.currentdb).toBe('other');
    expect(report.statements[0]).toMatchObject({ verb: 'USE', status: 'not-submitted' });
    expect(d.catalog.databases()['other']).toEqual(['t9']);
  });
});

describe('runDli error messages', () => {
  it('explains clock skew over 15 minutes', async () => {
    const d = await start({ clockOffsetMs: 20 * 60_000 });
    const report = await run(d, FILES);
    expect(report.result).toBe('failed');
    expect(report.reason).toMatch(/APIGW\.0301: Incorrect IAM authentication information: signature expired/);
    expect(report.reason).toMatch(/clock differs from Huawei Cloud's by more than 15 minutes \(signed at \d{8}T\d{6}Z, server time \d{8}T\d{6}Z\)/);
    expect(report.reason).not.toContain(DOUBLE_SK);
  });

  it('names dli-queue for an unknown queue', async () => {
    const d = await start();
    const report = await run(d, FILES, { settings: { queue: 'nosuchqueue' } });
    expect(report.result).toBe('failed');
    expect(report.reason).toMatch(/DLI\.0002: There is no queue named nosuchqueue\. The queue "nosuchqueue" given in dli-queue does not exist/);
    expect(report.statements[0]).toMatchObject({ status: 'failed' });
    expect(report.statements.slice(1).map((s) => s.status)).toEqual(['not-attempted', 'not-submitted', 'not-attempted', 'not-attempted', 'not-submitted']);
  });

  it('points at the keys for a wrong SK and at huaweicloud-ak for an unknown AK', async () => {
    const d = await start();
    const wrongSk = await run(d, FILES, { settings: { auth: { kind: 'aksk', ak: DOUBLE_AK, sk: 'not-the-secret-key-0000000000000' } } });
    expect(wrongSk.reason).toMatch(/verify aksk signature fail.*Check huaweicloud-ak and huaweicloud-sk/);
    expect(wrongSk.reason).not.toContain('not-the-secret-key');
    const unknownAk = await run(d, FILES, { settings: { auth: { kind: 'aksk', ak: 'UNKNOWNAK000000000000', sk: DOUBLE_SK } } });
    expect(unknownAk.reason).toMatch(/ak not exist.*check huaweicloud-ak/);
  });
});

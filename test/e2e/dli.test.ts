// Issue 5 end to end: `node dist/index.js` as the runner runs it, auditing with the SQLE double and
// then checking or submitting the DDL to the DLI/IAM double.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { COMMIT_TAG, STATEMENT_TAG } from '../../src/dli/tags.js';
import { DOUBLE_AK, DOUBLE_SK, DOUBLE_USER, startDliDouble, type DliDouble, type DliDoubleOptions } from '../doubles/dli/index.js';
import type { PrFile } from '../doubles/github/index.js';
import type { SqleDoubleOptions } from '../doubles/sqle/index.js';
import { pullRequestPayload, type RunResult } from './harness.js';
import { BASE_SHA, HEAD_SHA, startScenario, type Scenario, type ScenarioOptions } from './scenario.js';

const SCHEMA = [
  '-- sales schema',
  'CREATE TABLE IF NOT EXISTS customers (id BIGINT, name STRING) USING parquet;',
  '',
  "INSERT INTO customers VALUES (1, 'a');",
  'CREATE TABLE events (',
  '  id BIGINT,',
  '  kind STRING',
  ') USING parquet PARTITIONED BY (kind);',
  '',
].join('\n');
const VIEWS = 'CREATE VIEW recent_events AS SELECT * FROM events;\nSELECT count(*) FROM events;\n';
const FILES = { 'dli/001_schema.sql': SCHEMA, 'dli/002_views.sql': VIEWS };
/** The pull request lists the files out of path order: DLI must still run 001 before 002. */
const CHANGED: PrFile[] = [
  { filename: 'dli/002_views.sql', status: 'added' },
  { filename: 'dli/001_schema.sql', status: 'added' },
];
const DDL_OF_FILES = [
  'CREATE TABLE IF NOT EXISTS customers (id BIGINT, name STRING) USING parquet',
  'CREATE TABLE events (\n  id BIGINT,\n  kind STRING\n) USING parquet PARTITIONED BY (kind)',
  'CREATE VIEW recent_events AS SELECT * FROM events',
];

/** A team template that keeps SQLE's MySQL rules about these Spark tables below `error`. */
const LAKEHOUSE_TEMPLATE: SqleDoubleOptions = {
  ruleTemplates: ['lakehouse'],
  ruleLevelOverrides: {
    lakehouse: {
      ddl_check_column_without_default: 'notice',
      ddl_check_pk_not_exist: 'notice',
      ddl_check_table_without_if_not_exists: 'notice',
      ddl_check_create_view: 'notice',
      all_check_where_is_invalid: 'warn',
    },
  },
};

interface Setup {
  s: Scenario;
  d: DliDouble;
}
type SetupOptions = Partial<ScenarioOptions> & { dli?: DliDoubleOptions; auditTemplate?: 'lakehouse' | 'default' };

async function start(opts: SetupOptions): Promise<Setup> {
  const { dli, auditTemplate = 'lakehouse', ...scenario } = opts;
  // Every other job ends at its first status poll, which keeps each run to about a second a statement.
  const scripts = [...(dli?.scripts ?? []), { match: /^/, pollsToEnd: 1 }];
  const d = await startDliDouble({ catalog: { sales: [] }, ...dli, scripts });
  const s = await startScenario({
    files: FILES,
    changed: CHANGED,
    ...(auditTemplate === 'lakehouse' ? { sqle: LAKEHOUSE_TEMPLATE } : {}),
    ...scenario,
  });
  return { s, d };
}

/** Each test starts its own doubles (the tests run concurrently: most of their time is DLI polling). */
const it = test.extend<{ setup: (opts?: SetupOptions) => Promise<Setup> }>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads the fixtures a fixture needs from this pattern
  setup: async ({}, use) => {
    const started: Setup[] = [];
    await use(async (opts = {}) => {
      const one = await start(opts);
      started.push(one);
      return one;
    });
    await Promise.all(started.flatMap(({ s, d }) => [s.close(), d.close()]));
  },
});

/** The inputs of a workflow that submits with AK/SK; `overrides` may blank any of them. */
function dliInputs(d: DliDouble, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'rule-template': 'lakehouse',
    'dli-mode': 'submit',
    'dli-region': d.region,
    'dli-endpoint': d.dliUrl,
    'iam-endpoint': d.iamUrl,
    'dli-project-id': d.projectId,
    'huaweicloud-ak': DOUBLE_AK,
    'huaweicloud-sk': DOUBLE_SK,
    'dli-queue': 'sql_queue',
    'dli-database': 'sales',
    'dli-files': 'dli/**/*.sql',
    ...overrides,
  };
}

const IAM_INPUTS = {
  'dli-project-id': '',
  'huaweicloud-ak': '',
  'huaweicloud-sk': '',
  'huaweicloud-username': DOUBLE_USER.name,
  'huaweicloud-password': DOUBLE_USER.password,
  'huaweicloud-domain': DOUBLE_USER.domain,
};

const submitRequests = (d: DliDouble) => d.dli.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/jobs/submit-job'));
const tag = (job: { tags: { key: string; value: string }[] }, key: string) => job.tags.find((t) => t.key === key)?.value;

/** Markdown of the summary as the reader sees it: links reduced to their text, entities decoded. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?code>|\*\*/g, '')
    .replace(/&#8203;/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

interface DliSummary {
  overview: string;
  reason?: string;
  /** One per DDL statement: `file:line first line of SQL`, job id, status, DLI message. */
  rows: { statement: string; job: string; status: string; message: string }[];
  /** `file:line VERB` of the statements not sent. */
  notSubmitted: string[];
}

function dliSummary(summary: string): DliSummary {
  const start = summary.indexOf('### Huawei Cloud DLI');
  expect(start, 'the job summary has a DLI section').toBeGreaterThanOrEqual(0);
  const after = summary.indexOf('\n### ', start + 1);
  const lines = summary.slice(start, after < 0 ? undefined : after).split('\n');
  const rows = lines
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| Statement |'))
    .map((l) => l.slice(2, -2).split(' | ').map(plain))
    .map(([statement = '', job = '', status = '', , message = '']) => ({ statement, job, status, message }));
  const reason = lines.find((l) => l.startsWith('> **Reason:**'));
  return {
    overview: plain(lines.find((l) => l.startsWith('Mode:')) ?? ''),
    ...(reason ? { reason: plain(reason.replace('> **Reason:** ', '')) } : {}),
    rows,
    notSubmitted: lines.filter((l) => l.startsWith('- ')).map((l) => plain(l.slice(2))),
  };
}

/** Nothing the runner keeps may show a secret; only the `::add-mask::` commands name them. */
function expectNoSecrets(r: RunResult, s: Scenario, secrets: string[]): void {
  const places: Record<string, string> = {
    stdout: r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'),
    stderr: r.stderr,
    summary: r.summary,
    outputs: JSON.stringify(r.outputs),
    'report file': fs.readFileSync(r.outputs['report-file'] ?? '', 'utf8'),
    'check runs': JSON.stringify(s.github.checkRuns),
    comments: JSON.stringify(s.github.comments),
  };
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(8);
    for (const [where, text] of Object.entries(places)) expect(text.includes(secret), `the ${where} shows a secret`).toBe(false);
  }
}

describe.concurrent('DLI submit, end to end', () => {
  it('submits the DDL with AK/SK in file path order, then statement order, and reports every job', async ({ setup }) => {
    const { s, d } = await setup();
    const r = await s.run(dliInputs(d));
    expect(r.exitCode).toBe(0);
    expect(r.outputs['result']).toBe('passed');

    expect(d.jobs.map((j) => j.sql)).toEqual(DDL_OF_FILES);
    for (const job of d.jobs) {
      expect(job).toMatchObject({ queue: 'sql_queue', currentdb: 'sales', conf: ['dli.sql.sqlasync.enabled=true'], status: 'FINISHED' });
      expect(tag(job, STATEMENT_TAG)).toMatch(/^[0-9a-f]{64}$/);
      expect(tag(job, COMMIT_TAG)).toBe(HEAD_SHA);
    }
    expect(new Set(d.jobs.map((j) => tag(j, STATEMENT_TAG))).size).toBe(3);
    expect(d.catalog.databases()['sales']).toEqual(['customers', 'events', 'recent_events']);
    for (const req of d.dli.requests) expect(String(req.headers['authorization'])).toMatch(new RegExp(`^SDK-HMAC-SHA256 Access=${DOUBLE_AK}, `));

    const ids = d.jobs.map((j) => j.id);
    expect(JSON.parse(r.outputs['dli-job-ids'] ?? '')).toEqual(ids);
    expect(r.outputs['dli-result']).toBe('submitted');

    const summary = dliSummary(r.summary);
    expect(summary.overview).toBe('Mode: submit · Result: submitted · Jobs: 3');
    expect(summary.rows.map((row) => [row.statement, row.job, row.status])).toEqual([
      ['dli/001_schema.sql:2 CREATE TABLE IF NOT EXISTS customers (id BIGINT, name STRING) USING parquet', ids[0], '✅ finished'],
      ['dli/001_schema.sql:5 CREATE TABLE events (', ids[1], '✅ finished'],
      ['dli/002_views.sql:1 CREATE VIEW recent_events AS SELECT * FROM events', ids[2], '✅ finished'],
    ]);
    expect(summary.notSubmitted).toEqual(['dli/001_schema.sql:4 INSERT', 'dli/002_views.sql:2 SELECT']);
    const report = JSON.parse(fs.readFileSync(r.outputs['report-file'] ?? '', 'utf8')) as { dli: { statements: { file: string; startLine: number; endLine: number; status: string }[] } };
    expect(report.dli.statements.filter((st) => st.status === 'not-submitted').map((st) => [st.file, st.startLine, st.endLine])).toEqual([
      ['dli/001_schema.sql', 4, 4],
      ['dli/002_views.sql', 2, 2],
    ]);
    expectNoSecrets(r, s, [DOUBLE_AK, DOUBLE_SK]);
    expect(r.stdout).toContain(`::add-mask::${DOUBLE_SK}`);
  });

  it('signs the security token of temporary credentials', async ({ setup }) => {
    const securityToken = 'STS-temporary-0000-token-example';
    const { s, d } = await setup({ dli: { credentials: [{ ak: DOUBLE_AK, sk: DOUBLE_SK, securityToken }] }, files: { 'dli/001_schema.sql': SCHEMA }, changed: undefined });
    const r = await s.run(dliInputs(d, { 'huaweicloud-security-token': securityToken }));
    expect(r.exitCode).toBe(0);
    expect(r.outputs['dli-result']).toBe('submitted');
    expect(d.jobs).toHaveLength(2);
    for (const req of d.dli.requests) {
      expect(req.headers['x-security-token']).toBe(securityToken);
      expect(String(req.headers['authorization'])).toMatch(/SignedHeaders=[a-z;-]*x-security-token,/);
    }
    expectNoSecrets(r, s, [DOUBLE_AK, DOUBLE_SK, securityToken]);
    expect(r.stdout).toContain(`::add-mask::${securityToken}`);
  });

  it('logs in to IAM with a password, masks the token before logging anything, and reads the project id from it', async ({ setup }) => {
    const { s, d } = await setup();
    const r = await s.run(dliInputs(d, IAM_INPUTS));
    expect(r.exitCode).toBe(0);
    expect(r.outputs['dli-result']).toBe('submitted');
    expect(d.iam.requests.map((q) => [q.method, q.path, q.status])).toEqual([['POST', '/v3/auth/tokens', 201]]);
    expect(JSON.parse(d.iam.requests[0]?.body.toString() ?? '{}').auth.scope).toEqual({ project: { name: d.region } });
    expect(d.jobs.map((j) => j.sql)).toEqual(DDL_OF_FILES);

    const token = String(d.dli.requests[0]?.headers['x-auth-token']);
    for (const req of d.dli.requests) {
      expect(req.path.startsWith(`/v1.0/${d.projectId}/jobs`)).toBe(true);
      expect(req.headers['x-auth-token']).toBe(token);
      expect(req.headers['authorization']).toBeUndefined();
    }
    const lines = r.stdout.split('\n');
    const maskedAt = lines.indexOf(`::add-mask::${token}`);
    expect(maskedAt).toBeGreaterThanOrEqual(0);
    expect(maskedAt).toBeLessThan(lines.findIndex((l) => l.startsWith('DLI ')));
    expect(lines).toContain(`::add-mask::${DOUBLE_USER.password}`);
    expectNoSecrets(r, s, [DOUBLE_USER.password, token]);
  });

  it('submits nothing when the SQLE audit failed', async ({ setup }) => {
    const { s, d } = await setup({ auditTemplate: 'default' });
    const r = await s.run(dliInputs(d, { 'rule-template': '' }));
    expect(r.exitCode).toBe(1);
    expect(r.outputs['result']).toBe('failed');
    expect(r.outputs['dli-result']).toBe('skipped');
    expect(r.outputs['dli-job-ids']).toBe('[]');
    expect(d.dli.requests).toEqual([]);
    expect(d.iam.requests).toEqual([]);
    const summary = dliSummary(r.summary);
    expect(summary.reason).toBe('the SQLE audit did not pass fail-on: nothing was submitted to DLI');
    expect(summary.rows.map((row) => row.status)).toEqual(['⏭️ not attempted', '⏭️ not attempted', '⏭️ not attempted']);
  });

  it('submits nothing for a pull request from a fork', async ({ setup }) => {
    const { s, d } = await setup({ fork: true, github: { permissions: 'fork' } });
    const r = await s.run(dliInputs(d));
    expect(r.outputs['result']).toBe('passed');
    expect(r.outputs['dli-result']).toBe('skipped');
    expect(r.exitCode).toBe(0);
    expect(d.dli.requests).toEqual([]);
    expect(d.iam.requests).toEqual([]);
    expect(dliSummary(r.summary).reason).toBe('pull requests from forks never submit to DLI');
  });

  it('stops at a statement that fails: the next one is not submitted, and the step fails naming all three', async ({ setup }) => {
    const { s, d } = await setup({ dli: { catalog: { sales: ['events'] } } });
    const r = await s.run(dliInputs(d));
    expect(r.exitCode).toBe(1);
    expect(r.outputs['result']).toBe('passed');
    expect(r.outputs['dli-result']).toBe('failed');
    expect(d.jobs.map((j) => [j.sql, j.status])).toEqual([
      [DDL_OF_FILES[0], 'FINISHED'],
      [DDL_OF_FILES[1], 'FAILED'],
    ]);
    const [ran, failed] = d.jobs.map((j) => j.id);
    expect(JSON.parse(r.outputs['dli-job-ids'] ?? '')).toEqual([ran, failed]);

    const summary = dliSummary(r.summary);
    expect(summary.rows.map((row) => [row.statement.split(' ')[0], row.job, row.status])).toEqual([
      ['dli/001_schema.sql:2', ran, '✅ finished'],
      ['dli/001_schema.sql:5', failed, '❌ failed'],
      ['dli/002_views.sql:1', '–', '⏭️ not attempted'],
    ]);
    expect(summary.rows[1]?.message).toBe("Table or view 'events' already exists in database 'sales'");
    expect(r.stdout).toContain(`::error::DLI submission failed: dli/001_schema.sql:5 failed on DLI (job ${failed}): Table or view 'events' already exists in database 'sales'`);
    const dliAnnotations = s.github.checkRuns[0]?.annotations.filter((a) => a.message.startsWith('DLI:'));
    expect(dliAnnotations).toEqual([expect.objectContaining({ path: 'dli/001_schema.sql', start_line: 5, end_line: 8, annotation_level: 'failure' })]);
  });

  it('cancels the running job with DELETE when dli-timeout is reached, and fails', async ({ setup }) => {
    const { s, d } = await setup({ dli: { scripts: [{ match: 'CREATE TABLE IF NOT EXISTS customers', outcome: 'never' }] } });
    const r = await s.run(dliInputs(d, { 'dli-timeout': '3' }));
    expect(r.exitCode).toBe(1);
    expect(r.outputs['dli-result']).toBe('failed');
    const [stuck] = d.jobs;
    expect(d.jobs.map((j) => [j.sql, j.status])).toEqual([[DDL_OF_FILES[0], 'CANCELLED']]);
    expect(d.dli.requests.filter((q) => q.method === 'DELETE').map((q) => [q.path, q.status])).toEqual([[`/v1.0/${d.projectId}/jobs/${stuck?.id}`, 200]]);
    expect(r.stdout).toContain(`::error::DLI submission failed: dli-timeout of 3 s reached: job ${stuck?.id} (dli/001_schema.sql:2) was cancelled`);
    expect(JSON.parse(r.outputs['dli-job-ids'] ?? '')).toEqual([stuck?.id]);
    expect(dliSummary(r.summary).rows.map((row) => row.status)).toEqual(['⛔ cancelled', '⏭️ not attempted', '⏭️ not attempted']);
  });
});

describe.concurrent('DLI exactly once, end to end', () => {
  it('a re-run on the same commit submits nothing again', async ({ setup }) => {
    const { s, d } = await setup();
    const first = await s.run(dliInputs(d));
    expect(first.outputs['dli-result']).toBe('submitted');
    const firstIds = d.jobs.map((j) => j.id);
    expect(firstIds).toHaveLength(3);

    const again = await s.run(dliInputs(d), { env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect(again.exitCode).toBe(0);
    expect(submitRequests(d)).toHaveLength(3);
    expect(again.outputs['dli-result']).toBe('submitted');
    expect(again.outputs['dli-job-ids']).toBe('[]');
    expect(dliSummary(again.summary).rows.map((row) => [row.job, row.status])).toEqual(firstIds.map((id) => [id, '☑️ already applied (not submitted again)']));
  });

  it('resumes after a fix: the second run submits the fixed statement and the one after it only', async ({ setup }) => {
    const broken = [
      'CREATE TABLE IF NOT EXISTS events (id BIGINT, kind STRING) USING parquet;',
      'CREATE VIEW recent_events AS SELECT * FROM evnts;',
      'CREATE VIEW event_kinds AS SELECT kind FROM events;',
      '',
    ].join('\n');
    const fixed = broken.replace('FROM evnts', 'FROM events');
    const FIX_SHA = 'b2c3d4e5f60718293a4b5c6d7e8f901234567890';
    const { s, d } = await setup({ files: { 'dli/010_events.sql': broken }, changed: undefined });

    const first = await s.run(dliInputs(d));
    expect(first.exitCode).toBe(1);
    expect(d.jobs.map((j) => [j.sql, j.status])).toEqual([
      ['CREATE TABLE IF NOT EXISTS events (id BIGINT, kind STRING) USING parquet', 'FINISHED'],
      ['CREATE VIEW recent_events AS SELECT * FROM evnts', 'FAILED'],
    ]);
    expect(dliSummary(first.summary).rows.map((row) => row.status)).toEqual(['✅ finished', '❌ failed', '⏭️ not attempted']);

    const second = await s.run(dliInputs(d), {
      files: { 'dli/010_events.sql': fixed },
      payload: pullRequestPayload({ headSha: FIX_SHA, baseSha: BASE_SHA, changedFiles: 1 }),
    });
    expect(second.exitCode).toBe(0);
    const resumed = d.jobs.slice(2);
    expect(resumed.map((j) => [j.sql, j.status, tag(j, COMMIT_TAG)])).toEqual([
      ['CREATE VIEW recent_events AS SELECT * FROM events', 'FINISHED', FIX_SHA],
      ['CREATE VIEW event_kinds AS SELECT kind FROM events', 'FINISHED', FIX_SHA],
    ]);
    expect(JSON.parse(second.outputs['dli-job-ids'] ?? '')).toEqual(resumed.map((j) => j.id));
    expect(dliSummary(second.summary).rows.map((row) => [row.job, row.status])).toEqual([
      [d.jobs[0]?.id, '☑️ already applied (not submitted again)'],
      [resumed[0]?.id, '✅ finished'],
      [resumed[1]?.id, '✅ finished'],
    ]);
  });
});

describe.concurrent('DLI check, end to end', () => {
  const WITH_TYPO = [
    'CREATE TABLE IF NOT EXISTS customers (id BIGINT, name STRING) USING parquet;',
    '',
    'CREATE TABLE orders (',
    '  id BIGINT,',
    '  amount DECIMAL(12, 2),',
    '  note STRNG',
    ') USING parquet;',
    '',
  ].join('\n');

  it('annotates a syntax error on its statement\'s lines and fails, submitting nothing', async ({ setup }) => {
    const { s, d } = await setup({ files: { 'dli/020_orders.sql': WITH_TYPO }, changed: undefined });
    const r = await s.run(dliInputs(d, { 'dli-mode': 'check' }));
    expect(r.exitCode).toBe(1);
    expect(r.outputs['result']).toBe('passed');
    expect(r.outputs['dli-result']).toBe('failed');
    expect(d.dli.requests.map((q) => [q.method, q.path.replace(/^\/v1\.0\/\w+/, '')])).toEqual([
      ['POST', '/jobs/check-sql'],
      ['POST', '/jobs/check-sql'],
    ]);
    expect(d.jobs).toEqual([]);
    const [run] = s.github.checkRuns;
    expect(run?.conclusion).toBe('failure');
    expect(run?.output.title).toContain('Huawei Cloud DLI: failed');
    const annotation = run?.annotations.find((a) => a.message.startsWith('DLI:'));
    expect(annotation).toMatchObject({ path: 'dli/020_orders.sql', start_line: 3, end_line: 7, annotation_level: 'failure' });
    expect(annotation?.message).toContain("[PARSE_SYNTAX_ERROR] Syntax error at or near 'STRNG'");
    expect(dliSummary(r.summary).rows.map((row) => row.status)).toEqual(['✅ check passed', '❌ check failed']);
    expect(r.stdout).toContain('::error::DLI check failed: DLI rejected at least one DDL statement');
  });

  it('annotates with workflow commands where checks cannot be written', async ({ setup }) => {
    const { s, d } = await setup({ files: { 'dli/020_orders.sql': WITH_TYPO }, changed: undefined, github: { permissions: 'fork' } });
    const r = await s.run(dliInputs(d, { 'dli-mode': 'check' }));
    expect(r.exitCode).toBe(1);
    const annotation = r.annotations.find((a) => a.message.startsWith('DLI:'));
    expect(annotation).toMatchObject({ level: 'error', props: { file: 'dli/020_orders.sql', line: '3', endLine: '7' } });
  });

  it('reports a statement that depends on DDL of the same change as not verifiable, not as an error', async ({ setup }) => {
    const text = 'CREATE TABLE IF NOT EXISTS customers (id BIGINT, name STRING) USING parquet;\nCREATE VIEW customer_names AS SELECT name FROM customers;\n';
    const { s, d } = await setup({ files: { 'dli/030_customers.sql': text }, changed: undefined });
    const r = await s.run(dliInputs(d, { 'dli-mode': 'check' }));
    expect(r.exitCode).toBe(0);
    expect(r.outputs['dli-result']).toBe('checked');
    const rows = dliSummary(r.summary).rows;
    expect(rows.map((row) => row.status)).toEqual(['✅ check passed', '❔ not verifiable (depends on DDL of this change)']);
    expect(rows[1]?.message).toMatch(/^Not verifiable before apply: depends on "sales\.customers"/);
    expect(s.github.checkRuns[0]?.annotations.filter((a) => a.message.startsWith('DLI:'))).toEqual([]);
    expect(d.jobs).toEqual([]);
  });
});

describe.concurrent('DLI on push, and DLI errors, end to end', () => {
  it('submits on a push to the default branch, from the compared commits', async ({ setup }) => {
    const PUSH_SHA = 'c3d4e5f60718293a4b5c6d7e8f90123456789abc';
    const { s, d } = await setup({
      files: { ...FILES, 'dli/000_untouched.sql': 'CREATE TABLE untouched (id INT) USING parquet;\n' },
      github: { compare: { [`${BASE_SHA}...${PUSH_SHA}`]: CHANGED } },
    });
    const r = await s.run(dliInputs(d), {
      eventName: 'push',
      payload: { ref: 'refs/heads/main', before: BASE_SHA, after: PUSH_SHA, repository: { full_name: 'acme/db', name: 'db', owner: { login: 'acme' }, default_branch: 'main' } },
      env: { GITHUB_SHA: PUSH_SHA, GITHUB_REF: 'refs/heads/main' },
    });
    expect(r.exitCode).toBe(0);
    expect(s.github.requests.some((q) => q.path.startsWith(`/repos/acme/db/compare/${BASE_SHA}...${PUSH_SHA}`))).toBe(true);
    expect(d.jobs.map((j) => [j.sql, tag(j, COMMIT_TAG)])).toEqual(DDL_OF_FILES.map((sql) => [sql, PUSH_SHA]));
    expect(r.outputs['dli-result']).toBe('submitted');
    expect(JSON.parse(r.outputs['dli-job-ids'] ?? '')).toEqual(d.jobs.map((j) => j.id));
  });

  it('on push with scope: all, the run after a fix also submits what the failed run left in files the fix did not touch', async ({ setup }) => {
    const broken = 'CREATE TABLE IF NOT EXISTS events (id BIGINT, kind STRING) USING parquet;\nCREATE VIEW recent_events AS SELECT * FROM evnts;\n';
    const fixed = broken.replace('FROM evnts', 'FROM events');
    const kinds = 'CREATE VIEW event_kinds AS SELECT kind FROM events;\n';
    const [FIRST, FIX] = ['d4e5f60718293a4b5c6d7e8f90123456789abcde', 'e5f60718293a4b5c6d7e8f90123456789abcdef0'];
    const { s, d } = await setup({
      files: { 'dli/010_events.sql': broken, 'dli/020_kinds.sql': kinds },
      github: {
        compare: {
          [`${BASE_SHA}...${FIRST}`]: [
            { filename: 'dli/010_events.sql', status: 'added' },
            { filename: 'dli/020_kinds.sql', status: 'added' },
          ],
          [`${FIRST}...${FIX}`]: [{ filename: 'dli/010_events.sql', status: 'modified', patch: '@@ -2 +2 @@\n-CREATE VIEW recent_events AS SELECT * FROM evnts;\n+CREATE VIEW recent_events AS SELECT * FROM events;' }],
        },
      },
    });
    const push = (before: string, after: string) => ({
      eventName: 'push',
      payload: { ref: 'refs/heads/main', before, after, repository: { full_name: 'acme/db', name: 'db', owner: { login: 'acme' } } },
      env: { GITHUB_SHA: after },
    });
    const first = await s.run(dliInputs(d, { scope: 'all' }), push(BASE_SHA, FIRST));
    expect(first.exitCode).toBe(1);
    expect(dliSummary(first.summary).rows.map((row) => [row.statement.split(' ')[0], row.status])).toEqual([
      ['dli/010_events.sql:1', '✅ finished'],
      ['dli/010_events.sql:2', '❌ failed'],
      ['dli/020_kinds.sql:1', '⏭️ not attempted'],
    ]);

    const afterFix = await s.run(dliInputs(d, { scope: 'all' }), { ...push(FIRST, FIX), files: { 'dli/010_events.sql': fixed, 'dli/020_kinds.sql': kinds } });
    expect(afterFix.exitCode).toBe(0);
    expect(d.jobs.slice(2).map((j) => [j.sql, j.status])).toEqual([
      ['CREATE VIEW recent_events AS SELECT * FROM events', 'FINISHED'],
      ['CREATE VIEW event_kinds AS SELECT kind FROM events', 'FINISHED'],
    ]);
    expect(dliSummary(afterFix.summary).rows.map((row) => row.status)).toEqual(['☑️ already applied (not submitted again)', '✅ finished', '✅ finished']);
  });

  it('a wrong secret key fails the step with what to check, and the SQLE findings are still reported', async ({ setup }) => {
    const wrongSk = 'HWTESTSK0000wrong00000secret0000key0000';
    const { s, d } = await setup();
    const r = await s.run(dliInputs(d, { 'huaweicloud-sk': wrongSk }));
    expect(r.exitCode).toBe(1);
    expect(r.outputs['dli-result']).toBe('failed');
    expect(submitRequests(d)).toEqual([]);
    expect(d.dli.requests.map((q) => q.status)).toEqual([401]);
    const failure = r.stdout.split('\n').find((l) => l.startsWith('::error::DLI submission failed'));
    expect(failure).toContain('APIGW.0301');
    expect(failure).toContain('Check huaweicloud-ak and huaweicloud-sk');
    expect(failure).toContain("the runner's clock is right");

    expect(r.outputs['result']).toBe('passed');
    expect(Number(r.outputs['notice-count'])).toBeGreaterThan(0);
    expect(s.github.checkRuns[0]?.annotations.some((a) => a.message.includes('primary key'))).toBe(true);
    expect(dliSummary(r.summary).reason).toContain('APIGW.0301');
    expectNoSecrets(r, s, [DOUBLE_AK, wrongSk, DOUBLE_SK]);
  });
});

// Issue 6: no secret leaks. Every end-to-end scenario style runs plainly and with RUNNER_DEBUG=1;
// no password, token, secret key or security token (plain, URL-encoded, base64 or base64url) may
// appear in stdout, stderr, the outputs, the summary, the report file, the SARIF file, any other
// file under the run's directories, or anything sent to GitHub (comments, check runs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOUBLE_AK, DOUBLE_SK, startDliDouble, type DliDouble, type DliDoubleOptions } from '../doubles/dli/index.js';
import type { GitHubDouble } from '../doubles/github/index.js';
import type { SqleDoubleOptions } from '../doubles/sqle/index.js';
import { closedPort } from './fault-injection.js';
import { TEST_GITHUB_TOKEN, type RunOptions, type RunResult } from './harness.js';
import { SECRET_FORMS, SECRET_MODES, SECRET_SCENARIOS, SECRET_PENDING, type SecretScenarioId } from './secret-table.js';
import { startScenario, type Scenario, type ScenarioOptions } from './scenario.js';
import { testPki } from '../support/tls.js';

const MIGRATION = 'CREATE TABLE orders (\n  id BIGINT NOT NULL\n);\nDELETE FROM orders_import;\nSELEC broken FROM orders;\n';
const DDL = 'CREATE TABLE IF NOT EXISTS customers (id BIGINT, name STRING) USING parquet;\n';
/** Secrets with characters that URL-encoding and base64 change, so that every form differs. */
const SQLE_PASSWORD = 'Adm1n/p@ss+w=rd%ok';
const WRONG_PASSWORD = 'N0t-the/p@ss+w=rd';
const URL_PASSWORD = 'Url/p@ss:w0rd+1';
const SECURITY_TOKEN = 'SecTok/abc+def==ghi0123456789';
const IAM_PASSWORD = 'Iam/p@ss+w0rd=9';
const WRONG_SK = 'WrongSK0000example0000secret0000key00001';

interface Evidence {
  run: RunResult;
  github: GitHubDouble;
  /** Every secret the run knew or was issued, by name. */
  secrets: Record<string, string>;
}

interface Setup {
  files?: Record<string, string>;
  sqle?: SqleDoubleOptions;
  scenario?: Partial<ScenarioOptions>;
  dli?: DliDoubleOptions;
}

/** Starts the doubles, runs the action once, and closes everything. */
async function play(
  setup: Setup,
  debug: boolean,
  act: (s: Scenario, run: (inputs?: Record<string, string>, extra?: Partial<RunOptions>) => Promise<RunResult>, d?: DliDouble) => Promise<Omit<Evidence, 'github'>>,
): Promise<Evidence> {
  const s = await startScenario({ files: setup.files ?? { 'db/V1.sql': MIGRATION }, ...setup.scenario, ...(setup.sqle ? { sqle: setup.sqle } : {}) });
  const d = setup.dli ? await startDliDouble(setup.dli) : undefined;
  try {
    const run = (inputs: Record<string, string> = {}, extra: Partial<RunOptions> = {}) =>
      s.run({ 'sarif-file': 'reports/sqle.sarif', ...inputs }, { ...extra, env: { ...(debug ? { RUNNER_DEBUG: '1' } : {}), ...extra.env } });
    return { ...(await act(s, run, d)), github: s.github };
  } finally {
    await Promise.all([s.close(), d?.close()]);
  }
}

const bearerTokens = (s: Scenario) => [...new Set(s.sqle.requests.map((q) => String(q.headers.authorization ?? '').replace(/^Bearer /, '')).filter(Boolean))];
const iamTokens = (d: DliDouble) => [...new Set(d.dli.requests.map((q) => String(q.headers['x-auth-token'] ?? '')).filter(Boolean))];
const named = (prefix: string, values: string[]) => Object.fromEntries(values.map((v, i) => [`${prefix} ${i + 1}`, v]));

function dliInputs(d: DliDouble, mode: 'check' | 'submit'): Record<string, string> {
  return {
    'dli-mode': mode,
    'dli-region': d.region,
    'dli-endpoint': d.dliUrl,
    'iam-endpoint': d.iamUrl,
    'dli-project-id': d.projectId,
    'dli-queue': 'sql_queue',
    'dli-files': 'dli/**/*.sql',
    files: 'db/**/*.sql',
  };
}

const SCENARIOS: Record<SecretScenarioId, (debug: boolean) => Promise<Evidence>> = {
  'token-login': (debug) =>
    play({}, debug, async (s, run) => {
      const r = await run();
      expect(s.github.comments).toHaveLength(1);
      expect(s.github.checkRuns[0]?.annotations.length).toBeGreaterThan(0);
      expect(fs.existsSync(r.outputs['sarif-file'] ?? '')).toBe(true);
      return { run: r, secrets: { 'sqle-token': s.token, 'github-token': TEST_GITHUB_TOKEN } };
    }),

  'password-login': (debug) =>
    play({ sqle: { users: [{ uid: '700200', name: 'admin', password: SQLE_PASSWORD }] } }, debug, async (s, run) => {
      // The first login token is refused once, after the upload: the action logs in again.
      let refused = false;
      s.sqle.faults = (req, res) => {
        if (refused || !req.path.endsWith('/sqls')) return false;
        refused = true;
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"message":"invalid or expired jwt"}');
        return true;
      };
      const r = await run({ 'sqle-token': '', 'sqle-username': 'admin', 'sqle-password': SQLE_PASSWORD });
      expect(s.sqle.requests.filter((q) => q.path === '/v1/dms/sessions')).toHaveLength(2);
      expect(r.stdout).toContain('logging in again once');
      return { run: r, secrets: { 'sqle-password': SQLE_PASSWORD, ...named('login token', bearerTokens(s)) } };
    }),

  'wrong-password': (debug) =>
    play({}, debug, async (_s, run) => {
      const r = await run({ 'sqle-token': '', 'sqle-username': 'admin', 'sqle-password': WRONG_PASSWORD });
      expect(r.outputs['result']).toBe('error');
      return { run: r, secrets: { 'sqle-password': WRONG_PASSWORD } };
    }),

  'replaced-token': (debug) =>
    play({}, debug, async (s, run) => {
      s.sqle.generateAccessToken(undefined, 7);
      const r = await run();
      expect(r.stdout).toContain('access token is not latest');
      return { run: r, secrets: { 'sqle-token': s.token } };
    }),

  'sqle-down': (debug) =>
    play({ sqle: { sqleDown: true } }, debug, async (s, run) => {
      const r = await run();
      expect(r.stdout).toContain('could not forward');
      return { run: r, secrets: { 'sqle-token': s.token } };
    }),

  unreachable: (debug) =>
    play({}, debug, async (s, run) => {
      const r = await run({ 'sqle-url': `http://127.0.0.1:${await closedPort()}` });
      expect(r.stdout).toContain('connection refused');
      return { run: r, secrets: { 'sqle-token': s.token } };
    }),

  'untrusted-tls': (debug) =>
    play({ sqle: { tls: testPki() } }, debug, async (s, run) => {
      const r = await run();
      expect(r.stdout).toContain('is not trusted');
      return { run: r, secrets: { 'sqle-token': s.token } };
    }),

  'bad-inputs': (debug) =>
    play({}, debug, async (s, run) => {
      const r = await run({
        'sqle-password': SQLE_PASSWORD,
        'sqle-username': 'admin',
        'fail-on': 'sometimes',
        'dli-mode': 'check',
        'huaweicloud-sk': DOUBLE_SK,
        'huaweicloud-security-token': SECURITY_TOKEN,
        'huaweicloud-password': IAM_PASSWORD,
      });
      expect(r.outputs['result']).toBe('error');
      return {
        run: r,
        secrets: { 'sqle-token': s.token, 'sqle-password': SQLE_PASSWORD, 'huaweicloud-sk': DOUBLE_SK, 'security token': SECURITY_TOKEN, 'huaweicloud-password': IAM_PASSWORD, 'github-token': TEST_GITHUB_TOKEN },
      };
    }),

  'url-credentials': (debug) =>
    play({}, debug, async (s, run) => {
      const r = await run({ 'sqle-url': `http://ci-user:${encodeURIComponent(URL_PASSWORD)}@127.0.0.1:${s.sqle.port}` });
      expect(r.outputs['result']).toBe('error');
      expect(r.stdout).toContain('"sqle-url"');
      return { run: r, secrets: { 'password in sqle-url': URL_PASSWORD } };
    }),

  fork: (debug) =>
    play({ scenario: { fork: true, github: { permissions: 'fork' } } }, debug, async (s, run) => {
      const r = await run();
      expect(r.stdout).toContain('may not write check runs');
      return { run: r, secrets: { 'sqle-token': s.token, 'github-token': TEST_GITHUB_TOKEN } };
    }),

  push: (debug) => {
    const before = '1111111111111111111111111111111111111111';
    const after = '2222222222222222222222222222222222222222';
    return play({ scenario: { changed: [], github: { compare: { [`${before}...${after}`]: [{ filename: 'db/V1.sql', status: 'added' }] } } } }, debug, async (s, run) => {
      const r = await run({}, { eventName: 'push', payload: { before, after, ref: 'refs/heads/main' } });
      expect(r.report?.files.map((f) => f.path)).toEqual(['db/V1.sql']);
      return { run: r, secrets: { 'sqle-token': s.token, 'github-token': TEST_GITHUB_TOKEN } };
    });
  },

  'dli-check-aksk': (debug) =>
    play(
      { files: { 'db/V1.sql': MIGRATION, 'dli/001.sql': DDL }, dli: { credentials: [{ ak: DOUBLE_AK, sk: DOUBLE_SK, securityToken: SECURITY_TOKEN }] } },
      debug,
      async (s, run, d) => {
        const dli = d as DliDouble;
        const r = await run({ ...dliInputs(dli, 'check'), 'huaweicloud-ak': DOUBLE_AK, 'huaweicloud-sk': DOUBLE_SK, 'huaweicloud-security-token': SECURITY_TOKEN });
        expect(r.outputs['dli-result']).toBe('checked');
        return { run: r, secrets: { 'sqle-token': s.token, 'huaweicloud-sk': DOUBLE_SK, 'security token': SECURITY_TOKEN } };
      },
    ),

  'dli-submit-iam': (debug) =>
    play(
      {
        files: { 'db/V1.sql': MIGRATION, 'dli/001.sql': DDL },
        dli: { users: [{ domain: 'example-account', name: 'ci-user', password: IAM_PASSWORD }], scripts: [{ match: /^/, pollsToEnd: 1 }] },
      },
      debug,
      async (s, run, d) => {
        const dli = d as DliDouble;
        const r = await run({
          ...dliInputs(dli, 'submit'),
          'fail-on': 'never',
          'huaweicloud-username': 'ci-user',
          'huaweicloud-password': IAM_PASSWORD,
          'huaweicloud-domain': 'example-account',
        });
        expect(r.outputs['dli-result']).toBe('submitted');
        return { run: r, secrets: { 'sqle-token': s.token, 'huaweicloud-password': IAM_PASSWORD, ...named('IAM token', iamTokens(dli)) } };
      },
    ),

  'dli-refused': (debug) =>
    play({ files: { 'db/V1.sql': MIGRATION, 'dli/001.sql': DDL }, dli: {} }, debug, async (s, run, d) => {
      const r = await run({ ...dliInputs(d as DliDouble, 'check'), 'huaweicloud-ak': DOUBLE_AK, 'huaweicloud-sk': WRONG_SK });
      expect(r.outputs['dli-result']).toBe('failed');
      return { run: r, secrets: { 'sqle-token': s.token, 'huaweicloud-sk': WRONG_SK } };
    }),
};

/** Workflow-command data as the runner reads it back. */
const unescapeCommandData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

function forms(secret: string): Record<(typeof SECRET_FORMS)[number], string> {
  return {
    plain: secret,
    'URL-encoded': encodeURIComponent(secret),
    base64: Buffer.from(secret).toString('base64'),
    base64url: Buffer.from(secret).toString('base64url'),
  };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Everything a reader of the run can see, by where it is. The `::add-mask::<secret>` lines are
 * left out: they must carry the secret for the runner to mask it, and the runner consumes them
 * (they never reach the log a person reads).
 */
function exposures(e: Evidence): Record<string, string> {
  const stdout = e.run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const visible: Record<string, string> = {
    stdout,
    // Workflow commands escape their data (% as %25...): the log shows it unescaped.
    'stdout as the log shows it': unescapeCommandData(stdout.replace(/%3A/g, ':').replace(/%2C/g, ',')),
    stderr: e.run.stderr,
    'comment bodies': JSON.stringify([...e.github.comments, ...e.github.deletedComments].flatMap((c) => c.history)),
    'check runs': JSON.stringify(e.github.checkRuns),
    'requests to GitHub': e.github.requests.map((q) => `${q.method} ${q.url}\n${q.body.toString('utf8')}`).join('\n'),
  };
  // The outputs, the summary, the report file, the SARIF file and anything else written there.
  for (const file of filesUnder(e.run.tempDir)) visible[path.relative(e.run.tempDir, file)] = fs.readFileSync(file, 'latin1') + fs.readFileSync(file, 'utf8');
  return visible;
}

function leaks(e: Evidence): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(exposures(e))) {
    for (const [name, secret] of Object.entries(e.secrets)) {
      for (const [form, value] of Object.entries(forms(secret))) if (text.includes(value)) found.push(`${name} (${form}) in ${where}`);
    }
  }
  return found;
}

describe.concurrent('no secret leaks, in any scenario, with or without RUNNER_DEBUG', () => {
  const cases = (Object.keys(SECRET_SCENARIOS) as SecretScenarioId[]).flatMap((id) => SECRET_MODES.map((mode) => [id, mode] as const));
  for (const [id, mode] of cases.filter(([id]) => SECRET_PENDING[id])) it.todo(`${id} (${mode}) (pending: ${SECRET_PENDING[id]})`);

  it.each(cases.filter(([id]) => !SECRET_PENDING[id]))('%s (%s)', async (id, mode) => {
    const evidence = await SCENARIOS[id](mode !== 'plain');
    expect(Object.keys(evidence.secrets).length).toBeGreaterThan(0);
    // Each secret was handed to the runner to mask, in case some path not tested here prints it.
    const masked = new Set(evidence.run.stdout.split('\n').filter((l) => l.startsWith('::add-mask::')).map((l) => unescapeCommandData(l.slice('::add-mask::'.length))));
    expect(Object.entries(evidence.secrets).filter(([, secret]) => !masked.has(secret)).map(([name]) => `${name} not masked`)).toEqual([]);
    expect(leaks(evidence)).toEqual([]);
  });
});

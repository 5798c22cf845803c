// Issue 2 end to end: `node dist/index.js` as the runner runs it, against the SQLE/DMS and GitHub doubles.
import { describe, expect, it } from 'vitest';
import { type Scenario, scenarioPerTest, MIGRATION, CLEAN } from './scenario.js';


const start = scenarioPerTest();

const sqleRequests = (s: Scenario) => s.sqle.requests.filter((r) => r.path.startsWith('/sqle/'));

describe('audit of a pull request, end to end', () => {
  it('annotates findings at every level on their real lines, and fails on error', async () => {
    const s = await start({
      files: { 'db/V12__orders.sql': MIGRATION },
      sqle: {
        ruleTemplates: ['default_MySQL', 'team'],
        ruleLevelOverrides: { team: { ddl_check_pk_not_exist: 'warn', ddl_check_column_without_default: 'notice' } },
      },
    });
    const r = await s.run({ 'rule-template': 'team' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({ result: 'failed', 'files-audited': '1', 'statements-audited': '3' });
    expect(Number(r.outputs['error-count'])).toBeGreaterThan(0);
    expect(r.outputs['warning-count']).toBe('2');
    expect(r.outputs['notice-count']).toBe('1');
    const [run] = s.github.checkRuns;
    expect(run?.conclusion).toBe('failure');
    const byRule = new Map(run?.annotations.map((a) => [a.title ?? '', a]));
    expect(run?.annotations.find((a) => a.message.includes('primary key'))).toMatchObject({ path: 'db/V12__orders.sql', start_line: 2, end_line: 5, annotation_level: 'warning' });
    expect(run?.annotations.find((a) => a.message.includes('default value'))).toMatchObject({ start_line: 2, end_line: 5, annotation_level: 'notice' });
    expect(run?.annotations.find((a) => a.message.includes('WHERE condition'))).toMatchObject({ start_line: 7, end_line: 7, annotation_level: 'failure' });
    expect(run?.annotations.find((a) => a.message.includes('Syntax error'))).toMatchObject({ start_line: 9, end_line: 9, annotation_level: 'warning' });
    expect(byRule.size).toBeGreaterThan(0);
    const post = s.sqle.requests.find((q) => q.method === 'POST' && q.path.endsWith('/sql_audit_records'));
    expect(post?.body.toString('latin1')).toContain('name="rule_template_name"\r\n\r\nteam');
    expect(r.summary).toContain('db/V12&#95;&#95;orders.sql');
    expect(r.report?.findings.every((f) => f.file === 'db/V12__orders.sql')).toBe(true);
    expect(r.stdout).toContain('db/V12__orders.sql:7-7 error');
  });

  it('passes a clean pull request: check run success, exit 0, every output set', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN } });
    const r = await s.run();
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({
      result: 'passed',
      'error-count': '0',
      'warning-count': '0',
      'notice-count': '0',
      'files-audited': '1',
      'statements-audited': '1',
      score: '100',
      'pass-rate': '1',
    });
    expect(r.outputs['audit-url']).toMatch(/\/sqle\/project\/700300\/sql-audit\/detail\/\d+$/);
    expect(s.github.checkRuns[0]?.conclusion).toBe('success');
    expect(s.github.checkRuns[0]?.annotations).toEqual([]);
  });

  it.each([
    ['error', 0, 'passed'],
    ['warn', 1, 'failed'],
    ['notice', 1, 'failed'],
    ['never', 0, 'passed'],
  ])('fail-on %s with only warnings → exit %d, result %s', async (failOn, code, result) => {
    const s = await start({ files: { 'db/w.sql': 'SELEC broken FROM t;\n' } });
    const r = await s.run({ 'fail-on': failOn });
    expect(r.outputs['result']).toBe(result);
    expect(r.exitCode).toBe(code);
  });

  it('fail-on warn passes notices only', async () => {
    const s = await start({
      files: { 'db/n.sql': 'DELETE FROM t;\n' },
      sqle: { ruleTemplates: ['n'], ruleLevelOverrides: { n: { all_check_where_is_invalid: 'notice', dml_check_update_or_delete_has_where: 'notice' } } },
    });
    expect((await s.run({ 'fail-on': 'warn', 'rule-template': 'n' })).exitCode).toBe(0);
    expect((await s.run({ 'fail-on': 'notice', 'rule-template': 'n' })).exitCode).toBe(1);
  });

  it('sends the token as Authorization: Bearer, never as a cookie', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN } });
    await s.run();
    const requests = sqleRequests(s);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const q of requests) {
      expect(q.headers.authorization).toBe(`Bearer ${s.token}`);
      expect(q.headers.cookie).toBeUndefined();
    }
  });

  it('logs in with a user name and password, and masks the login token', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN } });
    const r = await s.run({ 'sqle-token': '', 'sqle-username': 'admin', 'sqle-password': 'admin' });
    expect(r.exitCode).toBe(0);
    const login = s.sqle.requests.find((q) => q.path === '/v1/dms/sessions');
    expect(JSON.parse(login?.body.toString() ?? '{}')).toEqual({ session: { username: 'admin', password: 'admin' } });
    const issued = sqleRequests(s)[0]?.headers.authorization?.replace('Bearer ', '') ?? '';
    expect(r.stdout).toContain(`::add-mask::${issued}`);
  });

  it('a wrong password ends with result error and a message that says what to fix', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN } });
    const r = await s.run({ 'sqle-token': '', 'sqle-username': 'admin', 'sqle-password': 'nope' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['result']).toBe('error');
    expect(r.stdout).toContain('DMS: POST /v1/dms/sessions answered HTTP 200 code 7001: verify user login failed: user admin password not match. Wrong SQLE password: check the sqle-password secret');
    expect(sqleRequests(s)).toEqual([]);
  });

  it('an expired token fails before the first call, with the expiry time', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN } });
    const expired = s.sqle.mintToken({ access: true, expiresInSeconds: -60 });
    const r = await s.run({ 'sqle-token': expired });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['result']).toBe('error');
    expect(r.stdout).toMatch(/The sqle-token expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\. Generate a new SQLE access token/);
    expect(s.sqle.requests).toEqual([]);
  });

  it('a replaced access token gets the "not latest" advice', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN } });
    s.sqle.generateAccessToken(undefined, 7);
    const r = await s.run();
    expect(r.outputs['result']).toBe('error');
    expect(r.stdout).toContain('access token is not latest. This access token was replaced');
  });

  it('an unknown project and a non-member say which input to check', async () => {
    const s = await start({
      files: { 'db/clean.sql': CLEAN },
      sqle: { projects: [{ uid: '700300', name: 'default', members: ['700200'] }, { uid: '700301', name: 'private', members: [] }] },
    });
    const unknown = await s.run({ 'sqle-project': 'nope' });
    expect(unknown.stdout).toContain('SQLE has no project "nope": check the sqle-project input');
    const private_ = await s.run({ 'sqle-project': 'private' });
    expect(private_.stdout).toContain('HTTP 403: Forbidden. The SQLE user may not use project "private"');
    expect(private_.exitCode).toBe(1);
  });

  it('with password login, a 401 mid-run triggers one fresh login and one retry', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN }, sqle: { loginTokenTtlSeconds: 1, auditDelayMs: () => 2500 } });
    const r = await s.run({ 'sqle-token': '', 'sqle-username': 'admin', 'sqle-password': 'admin' });
    expect(r.exitCode).toBe(0);
    expect(s.sqle.requests.filter((q) => q.path === '/v1/dms/sessions')).toHaveLength(2);
    // The uid lookup and the results page run concurrently: both are refused, one login serves both.
    const refused = s.sqle.requests.filter((q) => q.status === 401);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const q of refused) expect(s.sqle.requests.some((later) => later.url === q.url && later.status === 200 && later.startedAt > q.startedAt)).toBe(true);
    expect(r.stdout).toContain('logging in again once');
  });

  it('a fork pull request (403 on checks) falls back to workflow commands and warns once', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION }, github: { permissions: 'fork' }, fork: true });
    const r = await s.run();
    expect(r.exitCode).toBe(1);
    expect(s.github.checkRuns).toEqual([]);
    expect(r.annotations.find((a) => a.message.includes('WHERE condition'))).toMatchObject({ level: 'error', props: { file: 'db/V12__orders.sql', line: '7', endLine: '7' } });
    expect(r.annotations.find((a) => a.message.includes('primary key'))).toMatchObject({ level: 'error', props: { line: '2', endLine: '5' } });
    expect(r.stdout.match(/may not write check runs/g)).toHaveLength(1);
    expect(s.github.comments).toEqual([]);
  });

  it('annotations: commands skips the check run; off annotates nothing', async () => {
    const s = await start({ files: { 'db/w.sql': 'SELEC broken FROM t;\n' } });
    const commands = await s.run({ annotations: 'commands' });
    expect(commands.annotations).toHaveLength(1);
    expect(s.github.checkRuns).toEqual([]);
    const off = await s.run({ annotations: 'off', comment: 'off' });
    expect(off.annotations).toEqual([]);
    expect(s.github.checkRuns).toEqual([]);
  });

  it('sends 120+ findings in check-run batches of at most 50', async () => {
    const sql = Array.from({ length: 70 }, (_, i) => `DELETE FROM t${i};`).join('\n') + '\n';
    const s = await start({ files: { 'db/many.sql': sql } });
    const r = await s.run();
    expect(r.outputs['error-count']).toBe('140');
    const [run] = s.github.checkRuns;
    expect(run?.annotations).toHaveLength(140);
    const writes = s.github.requests.filter((q) => q.path.includes('/check-runs'));
    expect(writes).toHaveLength(3);
    for (const w of writes) expect(JSON.parse(w.body.toString()).output.annotations.length).toBeLessThanOrEqual(50);
    expect(new Set(run?.annotations.map((a) => a.start_line)).size).toBe(70);
  });

  it('skips removed files and audits renamed ones at their new path', async () => {
    const s = await start({
      files: { 'db/new_name.sql': 'DELETE FROM t;\n', 'db/kept.sql': CLEAN },
      changed: [
        { filename: 'db/gone.sql', status: 'removed' },
        { filename: 'db/new_name.sql', status: 'renamed', previous_filename: 'db/old_name.sql', patch: '@@ -1 +1 @@\n-DELETE FROM x;\n+DELETE FROM t;' },
        { filename: 'db/kept.sql', status: 'modified', patch: '@@ -0,0 +1 @@\n+SELECT id FROM orders WHERE id = 1;' },
        { filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
      ],
    });
    const r = await s.run();
    expect(r.report?.files.map((f) => f.path)).toEqual(['db/new_name.sql', 'db/kept.sql']);
    expect(s.github.checkRuns[0]?.annotations.every((a) => a.path === 'db/new_name.sql')).toBe(true);
    expect(r.summary).toContain('1 removed file was not audited.');
  });

  it('with no SQL file changed, passes cleanly without calling SQLE', async () => {
    const s = await start({ files: { 'README.md': '# hi\n' } });
    const r = await s.run();
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ result: 'passed', 'files-audited': '0', 'statements-audited': '0' });
    expect(s.sqle.requests).toEqual([]);
    expect(r.summary).toContain('nothing to audit');
  });

  it('audits the files of a push (compare before...after)', async () => {
    const before = '1111111111111111111111111111111111111111';
    const after = '2222222222222222222222222222222222222222';
    const s = await start({
      files: { 'db/p.sql': 'DELETE FROM t;\n', 'db/untouched.sql': 'DELETE FROM u;\n' },
      changed: [],
      github: { compare: { [`${before}...${after}`]: [{ filename: 'db/p.sql', status: 'added' }] } },
    });
    const r = await s.run({}, { eventName: 'push', payload: { before, after, ref: 'refs/heads/main' } });
    expect(r.report?.files.map((f) => f.path)).toEqual(['db/p.sql']);
    expect(s.github.checkRuns[0]?.headSha).toBe(after);
    expect(s.github.requests.some((q) => q.path.includes(`/compare/${before}...${after}`))).toBe(true);
  });

  it('scope: all audits every matching workspace file; globs with ! exclude', async () => {
    const s = await start({
      files: { 'db/a.sql': CLEAN, 'db/b.sql': CLEAN, 'db/legacy/c.sql': 'DELETE FROM t;\n', 'docs/x.txt': 'no' },
      changed: [{ filename: 'db/a.sql', status: 'modified', patch: '@@ -1 +1 @@\n-x\n+SELECT id FROM orders WHERE id = 1;' }],
    });
    const r = await s.run({ scope: 'all', files: 'db/**/*.sql\n!db/legacy/**' });
    expect(r.report?.files.map((f) => f.path).sort()).toEqual(['db/a.sql', 'db/b.sql']);
    expect(r.exitCode).toBe(0);
  });

  it('runs on any other event over the whole workspace', async () => {
    const s = await start({ files: { 'db/a.sql': 'DELETE FROM t;\n' } });
    const r = await s.run({}, { eventName: 'workflow_dispatch', payload: {} });
    expect(r.report?.files.map((f) => f.path)).toEqual(['db/a.sql']);
    expect(r.summary).toContain('has no list of changed files');
  });

  it('fails with a clear message when the workspace was not checked out', async () => {
    const s = await start({ files: {} });
    const r = await s.run();
    expect(r.exitCode).toBe(1);
    expect(r.outputs['result']).toBe('error');
    expect(r.stdout).toContain('add "- uses: actions/checkout@v5" before this action');
  });

  it('a bad input fails the step naming the input, before any request', async () => {
    const s = await start({ files: { 'db/a.sql': CLEAN } });
    const r = await s.run({ 'fail-on': 'sometimes' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('::error::Input "fail-on" is "sometimes"; allowed: error, warn, notice, never.');
    expect(s.sqle.requests).toEqual([]);
    expect(s.github.requests).toEqual([]);
  });
});

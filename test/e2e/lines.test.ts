// Issue 3 end to end: which findings are annotated (report-lines, diff hunks from GitHub or from
// git), and findings placed on real lines when SQLE splits differently or names no file or line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrFile } from '../doubles/github/index.js';
import { sendJson } from '../doubles/http-double.js';
import { pullRequestPayload, type RunResult } from './harness.js';
import { startScenario, type Scenario, type ScenarioOptions } from './scenario.js';

const BASE_ORDERS = ['-- orders', 'DELETE FROM old_orders;', '', 'SELECT id FROM orders WHERE id = 1;', '', 'UPDATE orders', '  SET status = 1;', '', 'DELETE FROM archive;', ''].join('\n');
/** Line 7 changed, line 10 added. */
const HEAD_ORDERS = ['-- orders', 'DELETE FROM old_orders;', '', 'SELECT id FROM orders WHERE id = 1;', '', 'UPDATE orders', '  SET status = 2;', '', 'DELETE FROM archive;', 'SELEC x FROM t;', ''].join('\n');
/** As GitHub's files API gives it: hunks only, three lines of context. */
const ORDERS_PATCH = ['@@ -4,6 +4,7 @@', ' SELECT id FROM orders WHERE id = 1;', ' ', ' UPDATE orders', '-  SET status = 1;', '+  SET status = 2;', ' ', ' DELETE FROM archive;', '+SELEC x FROM t;'].join('\n');
/** The annotations of HEAD_ORDERS when only its changed statements count: the UPDATE (6–7, two errors) and the syntax error (10). */
const CHANGED_SPANS = ['6-7 failure', '6-7 failure', '10-10 warning'];
const ALL_SPANS = ['2-2 failure', '2-2 failure', '9-9 failure', '9-9 failure', ...CHANGED_SPANS];

let scenario: Scenario | undefined;
const temporary: string[] = [];
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(opts: ScenarioOptions): Promise<Scenario> {
  scenario = await startScenario(opts);
  return scenario;
}

const annotated = (s: Scenario, run = 0) => (s.github.checkRuns[run]?.annotations ?? []).map((a) => `${a.start_line}-${a.end_line} ${a.annotation_level}`).sort();
const sorted = (list: string[]) => [...list].sort();

function expectAllCounted(r: RunResult): void {
  expect(r.outputs).toMatchObject({ result: 'failed', 'error-count': '6', 'warning-count': '1', 'statements-audited': '5' });
  expect(r.report?.findings).toHaveLength(7);
}

describe('report-lines', () => {
  const orders = (): ScenarioOptions => ({
    files: { 'db/orders.sql': HEAD_ORDERS },
    changed: [{ filename: 'db/orders.sql', status: 'modified', patch: ORDERS_PATCH }],
  });

  it('changed (the default) annotates only statements the patch touches; counts and the summary cover every finding', async () => {
    const s = await start(orders());
    const r = await s.run();
    expectAllCounted(r);
    expect(annotated(s)).toEqual(sorted(CHANGED_SPANS));
    expect(r.report?.findings.filter((f) => !f.onChangedLines).map((f) => f.startLine)).toEqual([2, 2, 9, 9]);
    expect(r.summary).toContain('4 findings are not annotated: the statement touches no line this change modified.');
  });

  it('all annotates every finding of the audited files', async () => {
    const s = await start(orders());
    const r = await s.run({ 'report-lines': 'all' });
    expectAllCounted(r);
    expect(annotated(s)).toEqual(sorted(ALL_SPANS));
    expect(r.report?.findings.every((f) => f.onChangedLines)).toBe(true);
    expect(r.summary).not.toContain('not annotated');
  });

  it('fail-on counts findings on lines the change did not touch', async () => {
    const s = await start({
      files: { 'db/old.sql': 'DELETE FROM t;\nSELECT id FROM t WHERE id = 2;\n' },
      changed: [{ filename: 'db/old.sql', status: 'modified', patch: '@@ -2 +2 @@\n-SELECT id FROM t WHERE id = 1;\n+SELECT id FROM t WHERE id = 2;' }],
    });
    const r = await s.run();
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({ result: 'failed', 'error-count': '2' });
    expect(s.github.checkRuns[0]?.annotations).toEqual([]);
    expect(r.summary).toContain('2 findings are not annotated');
  });
});

describe('changed lines from git when GitHub omits the patch', () => {
  const GIT_ENV = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
  };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();

  /** A repository whose base commit holds `base` and whose head commit holds `head`; `HEAD` is checked out. */
  function repository(base: Record<string, string>, head: Record<string, string>): { dir: string; baseSha: string; headSha: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqle-action-git-'));
    temporary.push(dir);
    const write = (files: Record<string, string>) => {
      for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content);
      }
      git(dir, 'add', '-A');
    };
    git(dir, 'init', '-q', '-b', 'main');
    write(base);
    git(dir, 'commit', '-q', '-m', 'base');
    const baseSha = git(dir, 'rev-parse', 'HEAD');
    write(head);
    git(dir, 'commit', '-q', '-m', 'head');
    return { dir, baseSha, headSha: git(dir, 'rev-parse', 'HEAD') };
  }

  /** A depth-1 clone of `origin`'s head, as actions/checkout makes it: the base commit is not there. */
  function shallowClone(origin: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqle-action-clone-'));
    temporary.push(dir);
    git(dir, 'clone', '-q', '--depth', '1', `file://${origin}`, 'ws');
    return path.join(dir, 'ws');
  }

  const noPatch: PrFile[] = [{ filename: 'db/orders.sql', status: 'modified' }];

  it('diffs the checkout against the base commit', async () => {
    const repo = repository({ 'db/orders.sql': BASE_ORDERS }, { 'db/orders.sql': HEAD_ORDERS });
    const s = await start({ files: {}, changed: noPatch });
    const r = await s.run({}, { workspace: repo.dir, payload: pullRequestPayload({ baseSha: repo.baseSha, headSha: repo.headSha, changedFiles: 1 }) });
    expectAllCounted(r);
    expect(annotated(s)).toEqual(sorted(CHANGED_SPANS));
    expect(r.summary).toContain('4 findings are not annotated');
    expect(r.stdout).not.toContain('every line of it counts as changed');
  });

  it('on the merge commit actions/checkout makes, counts lines where the checkout has them even when the base moved on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqle-action-git-'));
    temporary.push(dir);
    const commit = (content: string, message: string) => {
      fs.mkdirSync(path.join(dir, 'db'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'db/orders.sql'), content);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', message);
      return git(dir, 'rev-parse', 'HEAD');
    };
    git(dir, 'init', '-q', '-b', 'main');
    commit(BASE_ORDERS, 'fork point');
    git(dir, 'checkout', '-q', '-b', 'feature');
    const headSha = commit(HEAD_ORDERS, 'the pull request');
    git(dir, 'checkout', '-q', 'main');
    const baseSha = commit(`-- owner: data team\n-- reviewed\n${BASE_ORDERS}`, 'main moved on');
    git(dir, 'merge', '-q', '--no-edit', 'feature');
    // The checkout holds the merge: two lines above everything the pull request changed.
    const s = await start({ files: {}, changed: noPatch });
    const r = await s.run({}, { workspace: dir, payload: pullRequestPayload({ baseSha, headSha, changedFiles: 1 }) });
    expectAllCounted(r);
    expect(annotated(s)).toEqual(['12-12 warning', '8-9 failure', '8-9 failure']);
  });

  it('fetches the base commit into a shallow checkout', async () => {
    const repo = repository({ 'db/orders.sql': BASE_ORDERS }, { 'db/orders.sql': HEAD_ORDERS });
    const workspace = shallowClone(repo.dir);
    expect(() => git(workspace, 'cat-file', '-e', `${repo.baseSha}^{commit}`)).toThrow();
    const s = await start({ files: {}, changed: noPatch });
    const r = await s.run({}, { workspace, payload: pullRequestPayload({ baseSha: repo.baseSha, headSha: repo.headSha, changedFiles: 1 }) });
    expectAllCounted(r);
    expect(annotated(s)).toEqual(sorted(CHANGED_SPANS));
    expect(git(workspace, 'cat-file', '-t', repo.baseSha)).toBe('commit');
  });

  it('when the base cannot be fetched, every line counts as changed, with a warning', async () => {
    const repo = repository({ 'db/orders.sql': BASE_ORDERS }, { 'db/orders.sql': HEAD_ORDERS });
    const workspace = shallowClone(repo.dir);
    git(workspace, 'remote', 'set-url', 'origin', path.join(repo.dir, 'gone'));
    const s = await start({ files: {}, changed: noPatch });
    const r = await s.run({}, { workspace, payload: pullRequestPayload({ baseSha: repo.baseSha, headSha: repo.headSha, changedFiles: 1 }) });
    expectAllCounted(r);
    expect(annotated(s)).toEqual(sorted(ALL_SPANS));
    expect(r.stdout).toContain('::warning::GitHub sent no diff for db/orders.sql and git could not compute one');
  });
});

describe('placing findings whatever SQLE makes of the file', () => {
  /** SQLE before 3.2401: the same listing without sql_source_file and sql_start_line. */
  function asOldSqle(s: Scenario): void {
    s.sqle.faults = async (req, res) => {
      if (req.method !== 'GET' || !/^\/sqle\/v2\/tasks\/audits\/\d+\/sqls$/.test(req.path) || req.headers['x-test-passthrough']) return false;
      const upstream = await fetch(`${s.sqle.url}${req.url}`, {
        headers: { authorization: String(req.headers.authorization ?? ''), 'accept-language': String(req.headers['accept-language'] ?? ''), 'x-test-passthrough': '1' },
      });
      const body = (await upstream.json()) as { data?: Record<string, unknown>[] };
      for (const row of body.data ?? []) {
        delete row['sql_source_file'];
        delete row['sql_start_line'];
      }
      sendJson(res, upstream.status, body);
      return true;
    };
  }

  const MAPPER = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE mapper>',
    '<mapper namespace="com.example.OrderMapper">',
    '  <select id="all">',
    '    SELECT * FROM orders',
    '  </select>',
    '  <delete id="purge">',
    '    DELETE FROM orders',
    '  </delete>',
    '</mapper>',
    '',
  ].join('\n');
  const PROCEDURES = ['DELETE FROM a;', 'DELIMITER $$', 'CREATE PROCEDURE p()', 'BEGIN', '  SELECT 1;', 'END $$', 'DELIMITER ;', '', 'UPDATE b SET c = 1;', ''].join('\n');
  const PLAIN = ['-- plain', 'SELECT id FROM t WHERE id = 1;', '', 'SELEC broken;', ''].join('\n');

  const files = { 'src/OrderMapper.xml': MAPPER, 'db/procedures.sql': PROCEDURES, 'db/plain.sql': PLAIN };
  const EXPECTED = [
    'db/plain.sql:4-4 warn ',
    'db/procedures.sql:1-1 error all_check_where_is_invalid',
    'db/procedures.sql:1-1 error dml_check_update_or_delete_has_where',
    'db/procedures.sql:3-6 error ddl_check_create_procedure',
    'db/procedures.sql:3-6 warn ',
    'db/procedures.sql:9-9 error all_check_where_is_invalid',
    'db/procedures.sql:9-9 error dml_check_update_or_delete_has_where',
    'src/OrderMapper.xml:4-6 error all_check_where_is_invalid',
    'src/OrderMapper.xml:7-9 error all_check_where_is_invalid',
    'src/OrderMapper.xml:7-9 error dml_check_update_or_delete_has_where',
  ];
  const placedFindings = (r: RunResult) => (r.report?.findings ?? []).map((f) => `${f.file}:${f.startLine}-${f.endLine} ${f.level} ${f.rule}`).sort();
  const inputs = { files: '**/*.sql\n**/*.xml', annotations: 'off', comment: 'off' };

  it('SQLE 3.2401 and later: by file, text and DELIMITER-corrected line', async () => {
    const s = await start({ files });
    const r = await s.run(inputs);
    expect(placedFindings(r)).toEqual(EXPECTED);
  });

  it('SQLE before 3.2401 (no sql_source_file, no sql_start_line): the same places, by statement order', async () => {
    const s = await start({ files });
    asOldSqle(s);
    const r = await s.run(inputs);
    const listing = s.sqle.requests.find((q) => q.path.endsWith('/sqls') && q.headers['x-test-passthrough'] === undefined && q.status === 200);
    expect(listing).toBeDefined();
    expect(placedFindings(r)).toEqual(EXPECTED);
  });

  const FOLDED = ['DELIMITER $$', 'CREATE PROCEDURE p()', 'BEGIN', '  DELETE FROM t;', 'END$$', 'DELIMITER ;', 'DELETE FROM u;', 'SELECT id FROM u WHERE id = 1;', ''].join('\n');

  it.each([
    ['3.2401 and later', false],
    ['before 3.2401', true],
  ])('`END$$` folding the rest of the file into one SQLE statement (%s): its findings span every statement it took in', async (_, old) => {
    const s = await start({ files: { 'db/folded.sql': FOLDED, 'db/next.sql': 'DELETE FROM v;\n' } });
    if (old) asOldSqle(s);
    const r = await s.run({ annotations: 'off', comment: 'off' });
    expect(placedFindings(r)).toEqual([
      'db/folded.sql:2-8 error ddl_check_create_procedure',
      'db/folded.sql:2-8 warn ',
      'db/next.sql:1-1 error all_check_where_is_invalid',
      'db/next.sql:1-1 error dml_check_update_or_delete_has_where',
    ]);
    expect(r.report?.findings[0]?.message).toBeTruthy();
  });
});

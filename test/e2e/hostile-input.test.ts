// Issue 6, bad and hostile input end to end: what a pull request can put in the workspace and in
// its file list, and every input given a wrong value. None crashes; each gets a specific message.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrFile } from '../doubles/github/index.js';
import { pullRequestPayload, runAction, type RunResult } from './harness.js';
import { BAD_INPUT_CASES, INPUT_CASES, type BadInputCaseId, type InputCase } from './hostile-table.js';
import { testPki } from '../support/tls.js';
import { HEAD_SHA, type Scenario, withScenario, CLEAN } from './scenario.js';

const FINDING = 'SELEC broken FROM t;\n';
const SECRET = 'TOP-SECRET-0f9e8d7c6b5a';


/** A workspace the test lays out itself (symlinks, directories), inside a directory that also holds files outside it. */
function layout(build: (workspace: string, outside: string) => void): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  const workspace = path.join(base, 'workspace');
  fs.mkdirSync(path.join(workspace, 'db'), { recursive: true });
  build(workspace, base);
  return workspace;
}

const added = (...names: string[]): PrFile[] => names.map((filename) => ({ filename, status: 'added' }));
const fileError = (r: RunResult, file: string) => r.report?.files.find((f) => f.path === file)?.error;
const uploads = (s: Scenario) => s.sqle.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/sql_audit_records'));

/** The summary and comments escape untrusted text as entities and zero-width spaces; the reader sees it decoded. */
function decoded(markdown: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
  return markdown
    .replace(/&(#\d+|[a-z]+);/g, (all, name: string) => (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (named[name] ?? all)))
    .replace(/\u200B/g, '');
}

/**
 * A file was refused: named with its reason in the report, the summary and a warning, never
 * uploaded, and the run fails closed (`result: error`) so that no selected file slips past the gate.
 */
function expectRefused(r: RunResult, s: Scenario, file: string, reason: string): void {
  expect(fileError(r, file)).toBe(reason);
  expect(decoded(r.summary)).toContain(file);
  expect(r.stdout).toContain(`::warning::${file.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}: not audited: ${reason}`);
  for (const upload of uploads(s)) expect(upload.body.toString('latin1')).not.toContain(path.basename(file));
  expect(r.outputs['result']).toBe('error');
  expect(r.exitCode).toBe(1);
  expect(r.report?.errors.join('\n')).toMatch(/selected files? could not be audited/);
}

/** The other files were still audited: `db/ok.sql`'s one warning is reported. */
function expectOkFileAudited(r: RunResult): void {
  expect(r.report?.findings.filter((f) => f.file === 'db/ok.sql').map((f) => f.level)).toEqual(['warn']);
}

const CASES: Record<BadInputCaseId, () => Promise<void>> = {
  'symlink-outside': async () => {
    const workspace = layout((ws, outside) => {
      fs.writeFileSync(path.join(outside, 'secret.sql'), `SELECT '${SECRET}';\n`);
      fs.symlinkSync(path.join(outside, 'secret.sql'), path.join(ws, 'db/absolute.sql'));
      fs.symlinkSync('../../secret.sql', path.join(ws, 'db/relative.sql'));
      fs.writeFileSync(path.join(ws, 'db/ok.sql'), FINDING);
    });
    await withScenario({ files: {}, changed: added('db/absolute.sql', 'db/relative.sql', 'db/ok.sql') }, async (s) => {
      const r = await s.run({}, { workspace });
      expectOkFileAudited(r);
      for (const file of ['db/absolute.sql', 'db/relative.sql']) expectRefused(r, s, file, 'refused: a symlink pointing outside the workspace');
      expect(s.sqle.requests.some((q) => q.body.includes(SECRET))).toBe(false);
      expect(r.stdout + r.summary).not.toContain(SECRET);
    });
  },

  'symlink-git-dir': async () => {
    const workspace = layout((ws) => {
      fs.mkdirSync(path.join(ws, '.git'));
      fs.writeFileSync(path.join(ws, '.git/config'), `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`);
      fs.symlinkSync('../.git/config', path.join(ws, 'db/config.sql'));
      fs.writeFileSync(path.join(ws, 'db/ok.sql'), FINDING);
    });
    await withScenario({ files: {}, changed: added('db/config.sql', '.git/config', 'db/ok.sql') }, async (s) => {
      const r = await s.run({ files: '**/*.sql\n.git/config' }, { workspace });
      expectOkFileAudited(r);
      expectRefused(r, s, 'db/config.sql', 'refused: a symlink into .git');
      expectRefused(r, s, '.git/config', 'refused: a path inside .git');
      expect(s.sqle.requests.some((q) => q.body.includes(SECRET))).toBe(false);
    });
  },

  'symlink-unselected': async () => {
    const workspace = layout((ws) => {
      fs.writeFileSync(path.join(ws, 'gha-creds-0a1b2c.json'), JSON.stringify({ private_key: SECRET }));
      fs.symlinkSync('../gha-creds-0a1b2c.json', path.join(ws, 'db/creds.sql'));
      fs.symlinkSync('ok.sql', path.join(ws, 'db/latest.sql'));
      fs.writeFileSync(path.join(ws, 'db/ok.sql'), FINDING);
    });
    await withScenario({ files: {}, changed: added('db/creds.sql', 'db/latest.sql', 'db/ok.sql') }, async (s) => {
      const r = await s.run({}, { workspace });
      expectRefused(r, s, 'db/creds.sql', 'refused: a symlink to gha-creds-0a1b2c.json, which the "files" globs do not select');
      // A symlink to a file the globs select is audited like that file.
      expect(r.report?.findings.map((f) => f.file).sort()).toEqual(['db/latest.sql', 'db/ok.sql']);
      expect(s.sqle.requests.some((q) => q.body.includes(SECRET))).toBe(false);
    });
  },

  'symlink-broken': async () => {
    const workspace = layout((ws) => {
      fs.symlinkSync('nowhere.sql', path.join(ws, 'db/dangling.sql'));
      fs.symlinkSync('loop-b.sql', path.join(ws, 'db/loop-a.sql'));
      fs.symlinkSync('loop-a.sql', path.join(ws, 'db/loop-b.sql'));
      fs.symlinkSync('.', path.join(ws, 'db/self.sql'));
      fs.writeFileSync(path.join(ws, 'db/ok.sql'), FINDING);
    });
    await withScenario({ files: {}, changed: added('db/dangling.sql', 'db/loop-a.sql', 'db/self.sql', 'db/ok.sql') }, async (s) => {
      const r = await s.run({}, { workspace });
      expectOkFileAudited(r);
      expectRefused(r, s, 'db/dangling.sql', 'a symlink to a file that does not exist');
      expectRefused(r, s, 'db/loop-a.sql', 'refused: a symlink loop');
      expectRefused(r, s, 'db/self.sql', 'refused: a symlink to db, which the "files" globs do not select');
    });
  },

  'path-traversal': async () => {
    let absolute = '';
    const workspace = layout((ws, outside) => {
      for (const name of ['outside.sql', 'escape.sql', 'absolute.sql']) fs.writeFileSync(path.join(outside, name), `SELECT '${SECRET}';\n`);
      absolute = path.join(outside, 'absolute.sql');
      fs.writeFileSync(path.join(ws, 'db/ok.sql'), FINDING);
    });
    const hostile = ['../outside.sql', 'db/../../escape.sql', absolute];
    await withScenario({ files: {}, changed: added(...hostile, 'db/ok.sql') }, async (s) => {
      // `**` never matches `..` segments: a glob that does, so that the reader itself is tested.
      const r = await s.run({ files: '**/*.sql\n../*.sql\ndb/../../*.sql\n/**/*.sql' }, { workspace });
      expectOkFileAudited(r);
      for (const file of hostile) expectRefused(r, s, file, 'refused: the path leaves the workspace');
      expect(s.sqle.requests.some((q) => q.body.includes(SECRET))).toBe(false);
    });
  },

  'odd-names': async () => {
    const names = ['db/with space.sql', 'db/ünïcødé 表 🚀.sql', `db/quote"'.sql`, 'db/hash#1 100%.sql', 'db/-rf.sql', 'db/back\\slash.sql'];
    await withScenario({ files: Object.fromEntries(names.map((n) => [n, FINDING])) }, async (s) => {
      const r = await s.run();
      expect(r.outputs['result']).toBe('passed');
      expect(r.outputs['files-audited']).toBe(String(names.length));
      expect(r.report?.findings.map((f) => f.file).sort()).toEqual([...names].sort());
      expect(s.github.checkRuns[0]?.annotations.map((a) => a.path).sort()).toEqual([...names].sort());
      for (const name of names) expect(decoded(r.summary)).toContain(name);
    });
  },

  'newline-names': async () => {
    const forged = 'db/x.sql\n::error file=forged.sql,line=1::forged by a file name\n::stop-commands::pwned\n.sql';
    await withScenario({ files: { [forged]: FINDING, 'db/ok.sql': FINDING } }, async (s) => {
      const r = await s.run({ annotations: 'commands' });
      expect(r.outputs['result']).toBe('passed');
      expect(r.report?.findings.map((f) => f.file).sort()).toEqual(['db/ok.sql', forged].sort());
      const lines = r.stdout.split('\n');
      expect(lines.filter((l) => l.startsWith('::error file=forged.sql') || l.startsWith('::stop-commands::'))).toEqual([]);
      expect(r.annotations.map((a) => a.props['file']).sort()).toEqual(['db/ok.sql', forged].sort());
    });
  },

  'markup-in-sql': async () => {
    const name = 'db/<img src=x onerror=alert(1)> @octocat #1.sql';
    const sql = 'SELEC <script>alert(1)</script> @octocat [click](javascript:alert(1)) FROM t;\n';
    await withScenario({ files: { [name]: sql } }, async (s) => {
      const r = await s.run({ 'report-lines': 'all' });
      expect(r.outputs['warning-count']).toBe('1');
      const comment = s.github.comments[0]?.body ?? '';
      for (const markdown of [r.summary, comment]) {
        expect(decoded(markdown)).toContain(name);
        expect(markdown).not.toMatch(/<img|<script|@octocat|\]\(javascript:/);
      }
    });
  },

  'listed-not-checked-out': async () => {
    const workspace = layout((ws) => {
      fs.mkdirSync(path.join(ws, 'db/folder.sql'));
      fs.writeFileSync(path.join(ws, 'db/ok.sql'), FINDING);
    });
    await withScenario({ files: {}, changed: added('db/missing.sql', 'db/folder.sql', 'db/ok.sql') }, async (s) => {
      const r = await s.run({}, { workspace });
      expectOkFileAudited(r);
      expectRefused(r, s, 'db/missing.sql', 'not found in the checkout (is actions/checkout at the head commit?)');
      expectRefused(r, s, 'db/folder.sql', 'a directory, not a file');
    });
  },

  'binary-and-undecodable': async () => {
    const files = {
      'db/binary.sql': Buffer.from([0x53, 0x45, 0x4c, 0x00, 0x01, 0x02]),
      'db/garbage.sql': Buffer.from([0x53, 0x45, 0xff, 0xff, 0x0a]),
      'db/ok.sql': FINDING,
    };
    await withScenario({ files }, async (s) => {
      const r = await s.run();
      expectOkFileAudited(r);
      expectRefused(r, s, 'db/binary.sql', 'binary file (NUL byte at offset 3)');
      expectRefused(r, s, 'db/garbage.sql', 'not text in a supported encoding (neither valid UTF-8 nor GB18030/GBK)');
    });
  },

  'empty-and-comments': async () => {
    const files = { 'db/empty.sql': '', 'db/blank.sql': '\n \n\t\n', 'db/comments.sql': '-- only a comment\n/* and a\n   block */\n# and a hash comment\n' };
    await withScenario({ files }, async (s) => {
      const r = await s.run();
      expect(r.exitCode).toBe(0);
      expect(r.outputs).toMatchObject({ result: 'passed', 'statements-audited': '0', 'error-count': '0', 'warning-count': '0' });
      expect(r.report?.files.map((f) => [f.path, f.statements, f.error])).toEqual(Object.keys(files).map((f) => [f, 0, undefined]));
      expect(r.stderr).toBe('');
    });
  },

  'huge-file': async () => {
    const { text, statements } = hugeScript(100 * 1024 * 1024);
    const usage = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'usage-')), 'usage.json');
    await withScenario({ files: { 'db/huge.sql': text } }, async (s) => {
      const r = await s.run({ annotations: 'off', comment: 'off' }, { env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MB} --require ${usageProbe()}`, USAGE_FILE: usage }, timeoutMs: 180_000 });
      expect(r.stderr).toBe('');
      expect(r.outputs['result']).toBe('passed');
      expect(r.outputs['statements-audited']).toBe(String(statements));
      expect(s.sqle.records.length).toBeGreaterThan(1);
      for (const upload of uploads(s)) expect(upload.body.length).toBeLessThan(10_485_760);
      const { maxRSS } = JSON.parse(fs.readFileSync(usage, 'utf8')) as { maxRSS: number };
      expect(maxRSS * 1024).toBeLessThan(RSS_LIMIT_BYTES);
    });
  },

  'pull-request-target': async () => {
    // Shell in names and SQL would run in the action's working directory, the workspace.
    const run = 'touch pwned';
    const marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pwn-')), 'executed');
    let base = '';
    const workspace = layout((ws) => {
      const git = (...args: string[]) => execFileSync('git', ['-C', ws, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).trim();
      git('init', '-q');
      fs.writeFileSync(path.join(ws, 'db/V1.sql'), FINDING);
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      base = git('rev-parse', 'HEAD');
      // What actions/checkout persists, then the fork's head as checked out over the base.
      git('config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${SECRET}`);
      fs.writeFileSync(path.join(ws, 'db/V1.sql'), `${FINDING}SELEC $(${run}) \`${run}\` FROM t;\n`);
      fs.writeFileSync(path.join(ws, `db/$(${run}).sql`), FINDING);
      fs.symlinkSync('../.git/config', path.join(ws, 'db/config.sql'));
      fs.writeFileSync(path.join(ws, '.gitattributes'), '*.sql diff=pwn filter=pwn textconv=pwn\n');
      for (const pkg of ['@actions/core', 'undici', 'zod']) {
        fs.mkdirSync(path.join(ws, 'node_modules', pkg), { recursive: true });
        fs.writeFileSync(path.join(ws, 'node_modules', pkg, 'package.json'), JSON.stringify({ name: pkg, main: 'index.js' }));
        fs.writeFileSync(path.join(ws, 'node_modules', pkg, 'index.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, '');\n`);
      }
      fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ scripts: { preinstall: run, postinstall: run } }));
    });
    const changed: PrFile[] = [
      // No patch: the changed lines come from `git diff`, run on the hostile checkout.
      { filename: 'db/V1.sql', status: 'modified' },
      { filename: `db/$(${run}).sql`, status: 'added' },
      { filename: 'db/config.sql', status: 'added' },
    ];
    await withScenario({ files: {}, changed, fork: true, github: { permissions: 'fork' } }, async (s) => {
      const r = await s.run({}, { workspace, eventName: 'pull_request_target', payload: pullRequestPayload({ headSha: HEAD_SHA, baseSha: base, fork: true }) });
      expect(fs.existsSync(marker)).toBe(false);
      expect(fs.existsSync(path.join(workspace, 'pwned'))).toBe(false);
      expectRefused(r, s, 'db/config.sql', 'refused: a symlink into .git');
      // git computed the changed lines: only the head's new statement of db/V1.sql is on them.
      expect(r.report?.findings.map((f) => [f.file, f.startLine, f.onChangedLines])).toEqual([
        [`db/$(${run}).sql`, 1, true],
        ['db/V1.sql', 1, false],
        ['db/V1.sql', 2, true],
      ]);
      expect(s.sqle.requests.some((q) => q.body.includes(SECRET))).toBe(false);
      expect(r.stdout + r.summary).not.toContain(SECRET);
    });
  },

  'many-files': async () => {
    const files = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`db/m/V${String(i).padStart(4, '0')}.sql`, i === 1234 ? FINDING : CLEAN]));
    await withScenario({ files }, async (s) => {
      const r = await s.run({ comment: 'off' });
      expect(r.outputs).toMatchObject({ result: 'passed', 'files-audited': '3000', 'statements-audited': '3000', 'warning-count': '1' });
      expect(r.report?.findings.map((f) => f.file)).toEqual(['db/m/V1234.sql']);
    });
  },
};

/** Heap cap of the action under test: a 100 MB file must not need more. */
const HEAP_LIMIT_MB = 1024;
const RSS_LIMIT_BYTES = 1.5 * 1024 ** 3;
/** A script to preload into the action's process: it writes the process's resource usage (maxRSS in KiB) to USAGE_FILE on exit. */
function usageProbe(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'probe-')), 'usage-probe.cjs');
  fs.writeFileSync(file, "process.on('exit', () => require('fs').writeFileSync(process.env.USAGE_FILE, JSON.stringify(process.resourceUsage())));\n");
  return file;
}

/** `bytes` of INSERT statements, a few KiB each, the way a data seed looks; and how many there are. */
function hugeScript(bytes: number): { text: string; statements: number } {
  const rows = Array.from({ length: 40 }, (_, i) => `(${i}, 'customer ${(i * 7919) % 1000}', ${(i * 31) % 97}.${i % 10}0, '2024-0${(i % 9) + 1}-1${i % 10}')`);
  const statement = `INSERT INTO orders (id, customer, amount, created) VALUES\n${rows.join(',\n')};\n`;
  const count = Math.ceil(bytes / Buffer.byteLength(statement));
  return { text: statement.repeat(count), statements: count };
}

describe.concurrent('bad and hostile pull-request content, end to end', () => {
  // The 100 MB audit takes about 40 s on a busy two-core machine.
  it.each(Object.entries(BAD_INPUT_CASES) as [BadInputCaseId, string][])('%s: %s', async (id) => {
    await CASES[id]();
  }, 180_000);
});

describe.concurrent('every input given a wrong value', () => {
  const title = (c: InputCase) => `${c.input}: ${JSON.stringify(c.value)}`;
  for (const c of INPUT_CASES.filter((c) => c.pending)) it.todo(`${title(c)} (pending: ${c.pending})`);

  it.each(INPUT_CASES.filter((c) => !c.pending).map((c) => [title(c), c] as const))('%s', async (_name, c) => {
    const r = await runAction({
      files: { 'db/a.sql': CLEAN, 'certs/ca.pem': testPki().caCert },
      inputs: { 'sqle-url': 'http://127.0.0.1:9', 'sqle-token': 'abc.def.ghi', ...c.with, [c.input]: c.value },
      ...(c.event ? { eventName: c.event, payload: pullRequestPayload({ fork: c.fork ?? false }) } : { payload: pullRequestPayload() }),
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['result']).toBe('error');
    const error = r.stdout.split('\n').find((l) => l.startsWith('::error::'));
    expect(error).toContain(`"${c.input}"`);
    expect(error).toContain(c.says);
    expect(r.stderr).toBe('');
  });
});

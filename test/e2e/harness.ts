// Runs the bundled action as the GitHub runner does: `node dist/index.js` with INPUT_* (action.yml
// defaults included), GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and a checked-out workspace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundle under test; SQLE_ACTION_DIST points at another build (parallel work on one machine). */
export const DIST = process.env['SQLE_ACTION_DIST'] ?? path.join(root, 'dist/index.js');

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}
const actionYml = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionYml;

export interface RunOptions {
  inputs: Record<string, string>;
  /** Files of the checked-out workspace (path → content). */
  files?: Record<string, string | Uint8Array>;
  /** A workspace prepared by the test (overrides `files`). */
  workspace?: string;
  eventName?: string;
  payload?: unknown;
  githubApiUrl?: string;
  githubToken?: string;
  env?: Record<string, string>;
  /** Kill the action after this many ms (a hang is a failure). */
  timeoutMs?: number;
}

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  report: JsonReport | undefined;
  workspace: string;
  tempDir: string;
  /** Workflow-command annotations printed (::error/::warning/::notice). */
  annotations: { level: string; props: Record<string, string>; message: string }[];
  durationMs: number;
}

export interface JsonReport {
  result: string;
  findings: { file: string; startLine: number; endLine: number; level: string; rule: string; message: string; onChangedLines: boolean }[];
  files: { path: string; statements: number; error?: string }[];
  records: { id?: string; url?: string; files: string[]; error?: string }[];
  errors: string[];
  [key: string]: unknown;
}

export const TEST_GITHUB_TOKEN = 'ghs_testtoken0123456789abcdefABCDEF';

export async function runAction(opts: RunOptions): Promise<RunResult> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqle-action-e2e-'));
  const workspace = opts.workspace ?? path.join(tempDir, 'workspace');
  if (!opts.workspace) {
    fs.mkdirSync(workspace, { recursive: true });
    for (const [file, content] of Object.entries(opts.files ?? {})) {
      const full = path.join(workspace, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
  const outputFile = path.join(tempDir, 'output');
  const summaryFile = path.join(tempDir, 'summary.md');
  const eventFile = path.join(tempDir, 'event.json');
  const runnerTemp = path.join(tempDir, 'runner-temp');
  fs.mkdirSync(runnerTemp);
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(eventFile, JSON.stringify(opts.payload ?? {}));

  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? tempDir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: opts.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/db',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: opts.githubApiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SHA: 'f00dfeed00000000000000000000000000000000',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: runnerTemp,
    ...opts.env,
  };
  const githubToken = opts.githubToken ?? TEST_GITHUB_TOKEN;
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    const value = spec.default === '${{ github.token }}' ? githubToken : (spec.default ?? '');
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(opts.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const started = performance.now();
  const child = spawn(process.execPath, [DIST], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  const durationMs = performance.now() - started;

  const outputs = parseOutputFile(fs.readFileSync(outputFile, 'utf8'));
  const reportPath = outputs['report-file'];
  const report = reportPath && fs.existsSync(reportPath) ? (JSON.parse(fs.readFileSync(reportPath, 'utf8')) as JsonReport) : undefined;
  return {
    exitCode,
    stdout,
    stderr,
    outputs,
    summary: fs.readFileSync(summaryFile, 'utf8'),
    report,
    workspace,
    tempDir,
    annotations: parseAnnotations(stdout),
    durationMs,
  };
}

/** GITHUB_OUTPUT holds `name<<delimiter\nvalue\ndelimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (m) {
      const [, name, delimiter] = m;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      outputs[name as string] = value.join('\n');
    } else {
      const eq = /^([^=]+)=(.*)$/.exec(lines[i] ?? '');
      if (eq) outputs[eq[1] as string] = eq[2] ?? '';
    }
  }
  return outputs;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

export function parseAnnotations(stdout: string): RunResult['annotations'] {
  const found: RunResult['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      props[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    if (Object.keys(props).length > 0 && props['file']) found.push({ level: m[1] as string, props, message: unescapeData(m[3] ?? '') });
  }
  return found;
}

export function pullRequestPayload(opts: { number?: number; headSha?: string; baseSha?: string; fork?: boolean; changedFiles?: number } = {}): unknown {
  return {
    action: 'synchronize',
    number: opts.number ?? 7,
    pull_request: {
      number: opts.number ?? 7,
      changed_files: opts.changedFiles,
      head: { sha: opts.headSha ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', ref: 'feature', repo: { full_name: opts.fork ? 'mallory/db' : 'acme/db' } },
      base: { sha: opts.baseSha ?? '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567', ref: 'main', repo: { full_name: 'acme/db' } },
    },
    repository: { full_name: 'acme/db', name: 'db', owner: { login: 'acme' } },
  };
}

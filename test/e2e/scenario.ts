// One end-to-end scenario: the SQLE/DMS and GitHub doubles on loopback, a pull request whose files
// are in the workspace, and the bundled action run against them as the runner runs it.
import { afterEach } from 'vitest';
import { startGitHubDouble, type GitHubDouble, type GitHubDoubleOptions, type PrFile } from '../doubles/github/index.js';
import { startSqleDouble, type SqleDouble, type SqleDoubleOptions } from '../doubles/sqle/index.js';
import { pullRequestPayload, runAction, type RunOptions, type RunResult } from './harness.js';

export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const BASE_SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567';

export interface ScenarioOptions {
  /** Workspace files; those named in `changed` are the pull request's files. */
  files: Record<string, string | Uint8Array>;
  /** Pull-request files (default: every workspace file, added). */
  changed?: PrFile[];
  sqle?: SqleDoubleOptions;
  github?: Omit<GitHubDoubleOptions, 'pull'>;
  fork?: boolean;
}

export interface Scenario {
  sqle: SqleDouble;
  github: GitHubDouble;
  token: string;
  run(inputs?: Record<string, string>, extra?: Partial<RunOptions>): Promise<RunResult>;
  close(): Promise<void>;
}

export async function startScenario(opts: ScenarioOptions): Promise<Scenario> {
  const sqle = await startSqleDouble(opts.sqle);
  const changed = opts.changed ?? Object.keys(opts.files).map((filename): PrFile => ({ filename, status: 'added' }));
  const github = await startGitHubDouble({
    ...opts.github,
    pull: { number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA, files: changed, ...(opts.fork ? { headRepoFullName: 'mallory/db' } : {}) },
  });
  const token = sqle.generateAccessToken();
  return {
    sqle,
    github,
    token,
    run: (inputs = {}, extra = {}) =>
      runAction({
        files: opts.files,
        eventName: 'pull_request',
        payload: pullRequestPayload({ headSha: HEAD_SHA, baseSha: BASE_SHA, fork: opts.fork, changedFiles: changed.length }),
        githubApiUrl: github.url,
        ...extra,
        inputs: { 'sqle-url': sqle.url, 'sqle-token': token, ...inputs },
      }),
    close: async () => {
      await Promise.all([sqle.close(), github.close()]);
    },
  };
}

/** Lines 1-based of the first line containing `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split(/\r\n|\n|\r/).findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

/** Starts scenarios for the current test and closes each one after it (vitest's afterEach). */
export function scenarioPerTest(): (opts: ScenarioOptions) => Promise<Scenario> {
  const started: Scenario[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });
  return async (opts) => {
    const s = await startScenario(opts);
    started.push(s);
    return s;
  };
}

/** Runs `body` with a scenario that is closed afterwards whatever happens. */
export async function withScenario(opts: ScenarioOptions, body: (s: Scenario) => Promise<void>): Promise<void> {
  const s = await startScenario(opts);
  try {
    await body(s);
  } finally {
    await s.close();
  }
}

/** A statement that passes SQLE's default_MySQL rules. */
export const CLEAN = 'SELECT id FROM orders WHERE id = 1;\n';

/** A migration with findings at known lines: the table 2–5 (no primary key...), the DELETE 7, a syntax error 9. */
export const MIGRATION = [
  '-- V12: orders',
  'CREATE TABLE orders (',
  '  id BIGINT NOT NULL,',
  '  amount DECIMAL(12, 2)',
  ');',
  '',
  'DELETE FROM orders_import;',
  '',
  'SELEC broken FROM orders;',
  '',
].join('\n');

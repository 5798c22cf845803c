// Runs the bundled action once, as the runner does, against the SQLE/DMS and GitHub doubles of the
// test suite with an injected latency, and gathers what the benchmark reports: the doubles' request
// logs on one clock, the child's CPU time and peak RSS, and the action's outputs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGitHubDouble, type PrFile } from '../../test/doubles/github/index.js';
import type { RecordedRequest } from '../../test/doubles/http-double.js';
import { startSqleDouble } from '../../test/doubles/sqle/index.js';
import { pullRequestPayload, runAction } from '../../test/e2e/harness.js';
import type { Span } from './timeline.js';

/** The preload that reports the child's resource usage, as a URL for --import. */
export const PROBE = new URL('./usage-probe.mjs', import.meta.url).href;
const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const BASE_SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567';

export interface CaseSpec {
  /** Workspace files (path → content); every one is an added file of the pull request. */
  files: Record<string, string>;
  latencyMs: number;
  /** The real server's synchronous audit cost, modelled by the SQLE double. */
  auditDelayMs?: (statements: number) => number;
  inputs?: Record<string, string>;
  timeoutMs?: number;
}

export interface ChildUsage {
  /** Epoch ms at which the child's clock started (its process start). */
  timeOrigin: number;
  exitAtMs: number;
  userCpuMs: number;
  systemCpuMs: number;
  maxRssBytes: number;
}

export interface CaseRun {
  wallMs: number;
  exitCode: number | null;
  outputs: Record<string, string>;
  usage: ChildUsage;
  /** The child's process start on the benchmark clock. */
  childStart: number;
  /** Every request both doubles received, on the benchmark's clock (ms of performance.now()). */
  spans: Span[];
  /** The audit records the SQLE double stored, on the same clock. */
  records: { statements: number; start: number; end: number }[];
  annotations: number;
  /** Uncertainty of aligning the doubles' clocks with the benchmark's (ms). */
  clockErrorMs: number;
  stderrTail: string;
}

/** Starts a double and returns it with the bench-clock time its own clock started (its `startedAt` zero). */
async function withOrigin<T>(start: () => Promise<T>): Promise<{ double: T; origin: number; error: number }> {
  // startDouble reads its clock synchronously inside this call, before its first await.
  const before = performance.now();
  const pending = start();
  const after = performance.now();
  return { double: await pending, origin: (before + after) / 2, error: (after - before) / 2 };
}

/** GitHub leaves the patch out of a file's entry when its diff is large. */
const LARGEST_PATCH_BYTES = 1024 * 1024;

function addedPatch(text: string): string | undefined {
  if (text.length > LARGEST_PATCH_BYTES) return undefined;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
}

function writeWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqle-bench-ws-'));
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

function toSpans(requests: readonly RecordedRequest[], origin: number, service: (r: RecordedRequest) => Span['service']): Span[] {
  return requests.map((r) => ({
    service: service(r),
    method: r.method,
    path: r.path,
    start: origin + r.startedAt,
    end: origin + (r.endedAt ?? r.startedAt),
    status: r.status ?? 0,
  }));
}

export async function runCase(spec: CaseSpec): Promise<CaseRun> {
  const names = Object.keys(spec.files);
  const changed: PrFile[] = names.map((filename) => {
    const patch = addedPatch(spec.files[filename] ?? '');
    return { filename, status: 'added', ...(patch === undefined ? {} : { patch }) };
  });
  const workspace = writeWorkspace(spec.files);
  const usageFile = path.join(workspace, '..', `${path.basename(workspace)}-usage.json`);
  const sqle = await withOrigin(() => startSqleDouble({ latencyMs: spec.latencyMs, ...(spec.auditDelayMs ? { auditDelayMs: spec.auditDelayMs } : {}) }));
  const github = await withOrigin(() =>
    startGitHubDouble({ latencyMs: spec.latencyMs, pull: { number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA, files: changed } }),
  );
  try {
    const result = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload({ headSha: HEAD_SHA, baseSha: BASE_SHA, changedFiles: changed.length }),
      githubApiUrl: github.double.url,
      inputs: { 'sqle-url': sqle.double.url, 'sqle-token': sqle.double.generateAccessToken(), ...spec.inputs },
      env: { NODE_OPTIONS: `--import ${JSON.stringify(PROBE)}`, BENCH_USAGE_FILE: usageFile },
      timeoutMs: spec.timeoutMs ?? 120_000,
    });
    fs.rmSync(result.tempDir, { recursive: true, force: true });
    if (!fs.existsSync(usageFile)) throw new Error(`the action left no resource usage (exit ${result.exitCode}): ${result.stderr.slice(-2000)}`);
    const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as ChildUsage;
    const spans = [
      ...toSpans(sqle.double.requests, sqle.origin, (r) => (r.path.startsWith('/sqle/') ? 'sqle' : 'dms')),
      ...toSpans(github.double.requests, github.origin, () => 'github'),
    ].sort((a, b) => a.start - b.start);
    return {
      wallMs: result.durationMs,
      exitCode: result.exitCode,
      outputs: result.outputs,
      usage,
      childStart: usage.timeOrigin - performance.timeOrigin,
      spans,
      records: sqle.double.records.map((r) => ({ statements: r.statements, start: sqle.origin + r.startedAt, end: sqle.origin + r.endedAt })),
      annotations: github.double.checkRuns.reduce((n, run) => n + run.annotations.length, 0),
      clockErrorMs: Math.max(sqle.error, github.error),
      stderrTail: result.stderr.slice(-2000),
    };
  } finally {
    await Promise.all([sqle.double.close(), github.double.close()]);
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(usageFile, { force: true });
  }
}

// Cold start: from the process's start to the first request reaching the SQLE double, against the
// same measure of `node -e 0` (start to exit), in alternating runs so that both see the same machine.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cleanFile } from './corpus.js';
import { PROBE, runCase, type ChildUsage } from './run-case.js';

export interface ColdStart {
  /** node -e 0: ms from process start to exit, per run. */
  nodeMs: number[];
  /** The action: ms from process start to the first request at the SQLE double, per run. */
  actionMs: number[];
  /** Medians, and their difference: what the action adds to starting Node. */
  nodeMedianMs: number;
  actionMedianMs: number;
  overheadMs: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function bareNode(): Promise<number> {
  const usageFile = path.join(os.tmpdir(), `sqle-bench-node-${process.pid}-${Date.now()}.json`);
  await promisify(execFile)(process.execPath, ['--import', PROBE, '-e', '0'], { env: { PATH: process.env['PATH'] ?? '', BENCH_USAGE_FILE: usageFile } });
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as ChildUsage;
  fs.rmSync(usageFile, { force: true });
  return usage.exitAtMs;
}

async function actionToFirstSqleRequest(): Promise<number> {
  // No latency: the GitHub listing that comes first costs only loopback time.
  const run = await runCase({ files: { 'db/V1__init.sql': cleanFile(1) }, latencyMs: 0 });
  const first = Math.min(...run.spans.filter((s) => s.service !== 'github').map((s) => s.start));
  if (!Number.isFinite(first)) throw new Error(`the action sent nothing to SQLE (exit ${run.exitCode}): ${run.stderrTail}`);
  return first - run.childStart;
}

export async function measureColdStart(runs: number): Promise<ColdStart> {
  const nodeMs: number[] = [];
  const actionMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    nodeMs.push(await bareNode());
    actionMs.push(await actionToFirstSqleRequest());
  }
  const nodeMedianMs = median(nodeMs);
  const actionMedianMs = median(actionMs);
  return { nodeMs, actionMs, nodeMedianMs, actionMedianMs, overheadMs: actionMedianMs - nodeMedianMs };
}


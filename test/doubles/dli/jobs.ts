// The double's SQL jobs: scripted state transitions (by status polls or by time), failures,
// never-ending jobs and cancellation; a FINISHED DDL job changes the catalog.
import { randomUUID } from 'node:crypto';
import type { Catalog } from './catalog.js';
import type { Effects } from './spark-parse.js';

export interface JobScript {
  /** A case-insensitive substring or a pattern of the SQL. The first matching script wins. */
  match: string | RegExp;
  /** 'finish' (default; still FAILED if the catalog check fails), 'fail', or 'never' (RUNNING forever). */
  outcome?: 'finish' | 'fail' | 'never';
  /** FAILED job message for outcome 'fail'. */
  message?: string;
  /** The job ends at this status poll (default 2: RUNNING at the first poll, ended at the second). */
  pollsToEnd?: number;
  /** Or: the job ends this many ms after submission, whatever the polls (a slow job). */
  endAfterMs?: number;
  /** Reported while running, one per poll, the last one repeated (default ['RUNNING']); may hold statuses DLI does not document. */
  runningStatuses?: string[];
}

export interface JobTag {
  key: string;
  value: string;
}

export interface DoubleJob {
  id: string;
  sql: string;
  tags: JobTag[];
  conf: string[];
  queue: string;
  currentdb?: string;
  jobType: string;
  jobMode: 'sync' | 'async';
  status: string;
  message: string;
  submittedAt: number;
  endedAt?: number;
  history: { status: string; at: number }[];
  polls: number;
  effects: Effects;
  script?: JobScript;
}

export const TERMINAL = new Set(['FINISHED', 'FAILED', 'CANCELLED']);

export function newJob(init: Omit<DoubleJob, 'id' | 'status' | 'message' | 'history' | 'polls' | 'submittedAt'>, now: number): DoubleJob {
  return { ...init, id: randomUUID(), status: 'LAUNCHING', message: '', submittedAt: now, history: [{ status: 'LAUNCHING', at: now }], polls: 0 };
}

export function scriptFor(scripts: JobScript[], sql: string): JobScript | undefined {
  return scripts.find((s) => (typeof s.match === 'string' ? sql.toLowerCase().includes(s.match.toLowerCase()) : s.match.test(sql)));
}

/** Moves the job along its script; `poll` counts a status request. */
export function advance(job: DoubleJob, catalog: Catalog, now: number, poll: boolean): void {
  if (TERMINAL.has(job.status)) return;
  if (poll) job.polls += 1;
  const script: Omit<JobScript, 'match'> = job.script ?? {};
  const ended =
    script.outcome !== 'never' &&
    (script.endAfterMs !== undefined ? now - job.submittedAt >= script.endAfterMs : job.polls >= (script.pollsToEnd ?? 2));
  if (ended) {
    end(job, catalog, now);
    return;
  }
  const started = script.endAfterMs !== undefined ? job.polls > 0 || now > job.submittedAt : job.polls > 0;
  if (!started) return;
  const running = script.runningStatuses ?? ['RUNNING'];
  setStatus(job, running[Math.min(Math.max(job.polls - 1, 0), running.length - 1)] ?? 'RUNNING', now);
}

/** Runs the statement against the catalog: FINISHED (and applied) or FAILED. */
export function end(job: DoubleJob, catalog: Catalog, now: number): void {
  if (job.script?.outcome === 'fail') {
    job.message = job.script.message ?? 'the job failed';
    setStatus(job, 'FAILED', now);
    return;
  }
  const error = catalog.check(job.effects, job.currentdb);
  if (error) {
    job.message = error.message;
    setStatus(job, 'FAILED', now);
    return;
  }
  catalog.apply(job.effects, job.currentdb);
  setStatus(job, 'FINISHED', now);
}

export function cancel(job: DoubleJob, now: number): void {
  job.message = 'the job was cancelled';
  setStatus(job, 'CANCELLED', now);
}

function setStatus(job: DoubleJob, status: string, now: number): void {
  if (job.status === status) return;
  job.status = status;
  job.history.push({ status, at: now });
  if (TERMINAL.has(status)) job.endedAt = now;
}

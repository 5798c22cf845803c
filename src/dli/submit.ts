// dli-mode: submit — each DDL statement as one DLI job, in order, exactly once, within dli-timeout.
import { HttpError } from '../http/errors.js';
import type { Log } from '../log.js';
import type { DliReport, DliStatement } from '../model.js';
import type { DliClient } from './client.js';
import type { PlannedStatement } from './plan.js';
import { findPreviousJobs } from './previous-job.js';
import { waitForJob, type Backoff } from './poll.js';
import { location, reportRow } from './statements.js';
import { jobTags } from './tags.js';

/** DDL runs asynchronously: no 2-minute synchronous limit, and the same behaviour whatever DLI's default. */
export const SUBMIT_CONF = ['dli.sql.sqlasync.enabled=true'];

export interface SubmitDeps {
  client: DliClient;
  queue?: string;
  commitSha: string;
  log: Log;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  deadline: number;
  timeoutSeconds: number;
  backoff?: Backoff;
}

/** What happened to one statement; `stop` ends the run with `reason`. */
interface StepResult {
  row: DliStatement;
  submittedJobId?: string;
  stop?: string;
}

export async function submitStatements(deps: SubmitDeps, planned: PlannedStatement[]): Promise<DliReport> {
  const rows: DliStatement[] = [];
  const jobIds: string[] = [];
  let reason: string | undefined;
  for (const p of planned) {
    if (p.classification.kind !== 'ddl') rows.push(reportRow(p, 'not-submitted'));
    else if (reason !== undefined) rows.push(reportRow(p, 'not-attempted'));
    else if (deps.now() >= deps.deadline) {
      reason = timeoutReason(deps);
      rows.push(reportRow(p, 'not-attempted'));
    } else {
      const step = await runStatement(deps, p);
      rows.push(step.row);
      if (step.submittedJobId) jobIds.push(step.submittedJobId);
      reason = step.stop;
      deps.log.info(`DLI ${location(p)} ${p.classification.verb}: ${step.row.status}${step.row.jobId ? ` (job ${step.row.jobId})` : ''}${step.row.message ? ` - ${step.row.message}` : ''}`);
    }
  }
  const report: DliReport = { mode: 'submit', result: reason === undefined ? 'submitted' : 'failed', statements: rows, jobIds };
  if (reason !== undefined) report.reason = reason;
  return report;
}

/** The job that carries a statement: one this run submitted, or one of an interrupted run. */
interface StatementJob {
  id: string;
  submitted: boolean;
  /** DLI ran it synchronously: it is complete. */
  sync: boolean;
  message: string;
}

async function runStatement(deps: SubmitDeps, p: PlannedStatement): Promise<StepResult> {
  const hash = p.hash ?? '';
  const started = deps.now();
  let job: StatementJob | undefined;
  try {
    const previous = await findPreviousJobs(deps.client, hash, p.sql);
    if (previous.finished) {
      const jobId = previous.finished.jobId;
      return { row: reportRow(p, 'already-applied', { jobId, message: `already applied by job ${jobId}` }) };
    }
    if (previous.running) {
      job = { id: previous.running.jobId, submitted: false, sync: false, message: '' };
      deps.log.info(`DLI ${location(p)}: job ${job.id} for this statement is still ${previous.running.status}; waiting for it instead of submitting again`);
    } else job = await submit(deps, p, hash);
    const step = job.sync
      ? { row: reportRow(p, 'finished', { jobId: job.id, durationMs: deps.now() - started, ...(job.message ? { message: job.message } : {}) }) }
      : await settle(deps, p, job.id, started);
    return job.submitted ? { ...step, submittedJobId: job.id } : step;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const fate = job
      ? `lost track of job ${job.id}, which may still be running on DLI: ${message}`
      : err instanceof HttpError && err.method === 'POST'
        ? `${message}; if DLI got the job anyway, the next run finds it by its tags instead of submitting it again`
        : message;
    const row = reportRow(p, 'failed', { ...(job ? { jobId: job.id } : {}), durationMs: deps.now() - started, message: fate });
    const step = { row, stop: `${location(p)}: ${fate}` };
    return job?.submitted ? { ...step, submittedJobId: job.id } : step;
  }
}

async function submit(deps: SubmitDeps, p: PlannedStatement, hash: string): Promise<StatementJob> {
  const job = await deps.client.submitJob({
    sql: p.sql,
    ...(p.currentdb ? { currentdb: p.currentdb } : {}),
    ...(deps.queue ? { queueName: deps.queue } : {}),
    conf: SUBMIT_CONF,
    tags: jobTags(hash, deps.commitSha),
  });
  return { id: job.jobId, submitted: true, sync: job.jobMode?.toLowerCase() === 'sync', message: job.message };
}

/** Waits for the job's end (or the deadline, then cancels it) and reports it. */
async function settle(deps: SubmitDeps, p: PlannedStatement, jobId: string, started: number): Promise<StepResult> {
  const outcome = await waitForJob({ ...deps, onStatus: (s) => deps.log.debug(`DLI job ${jobId}: ${s}`) }, jobId);
  const durationMs = outcome.status !== 'TIMEOUT' && outcome.durationMs !== undefined ? outcome.durationMs : deps.now() - started;
  switch (outcome.status) {
    case 'FINISHED':
      return { row: reportRow(p, 'finished', { jobId, durationMs, ...(outcome.message ? { message: outcome.message } : {}) }) };
    case 'FAILED': {
      const message = outcome.message || 'the job FAILED without a message';
      return { row: reportRow(p, 'failed', { jobId, durationMs, message }), stop: `${location(p)} failed on DLI (job ${jobId}): ${message}` };
    }
    case 'CANCELLED':
      return { row: reportRow(p, 'cancelled', { jobId, durationMs, message: 'the job was cancelled on DLI' }), stop: `job ${jobId} (${location(p)}) was cancelled on DLI` };
    case 'TIMEOUT':
      return cancelOnTimeout(deps, p, jobId, durationMs);
  }
}

async function cancelOnTimeout(deps: SubmitDeps, p: PlannedStatement, jobId: string, durationMs: number): Promise<StepResult> {
  const reason = timeoutReason(deps);
  try {
    await deps.client.cancelJob(jobId);
    return { row: reportRow(p, 'cancelled', { jobId, durationMs, message: `${reason}: job cancelled` }), stop: `${reason}: job ${jobId} (${location(p)}) was cancelled` };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    // DLI refuses to cancel a job that has just ended: report how it ended instead.
    const ended = await deps.client.jobStatus(jobId).catch(() => undefined);
    const status = ended?.status.toUpperCase();
    if (status === 'FINISHED' || status === 'FAILED' || status === 'CANCELLED') {
      const row = reportRow(p, status === 'FINISHED' ? 'finished' : status === 'FAILED' ? 'failed' : 'cancelled', {
        jobId,
        durationMs,
        message: ended?.message || `ended ${status} as dli-timeout was reached`,
      });
      return { row, stop: `${reason} after job ${jobId} (${location(p)}) ended ${status}` };
    }
    return {
      row: reportRow(p, 'failed', { jobId, durationMs, message: `${reason}, and cancelling the job failed: ${why}` }),
      stop: `${reason}; job ${jobId} (${location(p)}) could not be cancelled and may still be running: ${why}`,
    };
  }
}

function timeoutReason(deps: Pick<SubmitDeps, 'timeoutSeconds'>): string {
  return `dli-timeout of ${deps.timeoutSeconds} s reached`;
}

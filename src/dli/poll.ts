// Waiting for a DLI job to reach a terminal status, polling with backoff within a deadline.
import type { DliClient } from './client.js';

export const TERMINAL_STATUSES = new Set(['FINISHED', 'FAILED', 'CANCELLED']);

export interface Backoff {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, factor: 1.5, maxMs: 10_000 };

export type JobOutcome =
  | { status: 'FINISHED' | 'FAILED' | 'CANCELLED'; message: string; durationMs?: number }
  | { status: 'TIMEOUT'; lastStatus: string };

export interface PollDeps {
  client: DliClient;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  deadline: number;
  backoff?: Backoff;
  /** Called with every non-terminal status seen. */
  onStatus?: (status: string) => void;
}

export function isTerminal(status: string): boolean {
  return TERMINAL_STATUSES.has(status.toUpperCase());
}

/** Any status DLI may add later counts as still running. */
export async function waitForJob(deps: PollDeps, jobId: string): Promise<JobOutcome> {
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  let delay = backoff.initialMs;
  let lastStatus = 'LAUNCHING';
  for (;;) {
    const remaining = deps.deadline - deps.now();
    if (remaining <= 0) return { status: 'TIMEOUT', lastStatus };
    await deps.sleep(Math.min(delay, remaining));
    delay = Math.min(delay * backoff.factor, backoff.maxMs);
    const s = await deps.client.jobStatus(jobId);
    const status = s.status.toUpperCase();
    if (status === 'FINISHED' || status === 'FAILED' || status === 'CANCELLED') {
      return s.durationMs === undefined ? { status, message: s.message } : { status, message: s.message, durationMs: s.durationMs };
    }
    lastStatus = s.status;
    deps.onStatus?.(s.status);
  }
}

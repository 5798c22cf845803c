// Whether and when to repeat a GitHub request: rate limits (any method: GitHub did not run the
// request), 5xx answers and connection failures (only for reads, unless the connection was never made).
import { isRetryableFailure, parseRetryAfter } from '../http/retry.js';
import { asRequestError, hasResponse } from './errors.js';
import { rateLimitOf } from './rate-limit.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Longest single wait; a rate limit asking for more is reported instead of waited for. */
  maxWaitMs: number;
  /** Backoff for 5xx and connection failures: base, doubled per attempt, capped. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, maxWaitMs: 60_000, baseDelayMs: 1000, maxDelayMs: 10_000 };

/** GitHub asks for at least a minute when a secondary limit names no time. */
const SECONDARY_DEFAULT_WAIT_MS = 60_000;
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; reason: string };

export interface AttemptInfo {
  method: string;
  /** Attempts made so far (1 after the first failed). */
  attempt: number;
  now?: number;
  random?: () => number;
}

function backoff(policy: RetryPolicy, attempt: number, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

export function retryDecision(err: unknown, info: AttemptInfo, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  const e = asRequestError(err);
  if (!e || info.attempt >= policy.maxAttempts) return { retry: false };
  const now = info.now ?? Date.now();
  const random = info.random ?? Math.random;
  const safe = SAFE_METHODS.has(info.method.toUpperCase());

  if (!hasResponse(e)) {
    const retryable = safe || isRetryableFailure(err, false);
    return retryable ? { retry: true, delayMs: backoff(policy, info.attempt, random), reason: `no answer (${e.message})` } : { retry: false };
  }

  const limit = rateLimitOf(e.status, e.response.headers, e.response.data, now);
  if (limit) {
    const delayMs = limit.waitMs ?? SECONDARY_DEFAULT_WAIT_MS;
    if (delayMs > policy.maxWaitMs) return { retry: false };
    return { retry: true, delayMs, reason: `${limit.kind} rate limit (${e.status})` };
  }

  if (safe && TRANSIENT_STATUSES.has(e.status)) {
    const asked = parseRetryAfter(String(e.response.headers['retry-after'] ?? '') || undefined, now);
    const delayMs = asked !== undefined ? Math.min(asked, policy.maxWaitMs) : backoff(policy, info.attempt, random);
    return { retry: true, delayMs, reason: `HTTP ${e.status}` };
  }
  return { retry: false };
}

// Recognises GitHub's rate-limit answers (403 or 429) and how long they ask the client to wait.
import { parseRetryAfter } from '../http/retry.js';

export type RateLimitKind = 'primary' | 'secondary';

export interface RateLimit {
  kind: RateLimitKind;
  /** What the headers ask for; undefined when GitHub named no time (wait at least a minute). */
  waitMs: number | undefined;
  /** When the primary limit resets, for messages. */
  resetAt?: Date;
}

type Headers = Record<string, string | number | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return v === undefined ? undefined : String(v);
}

function messageOf(data: unknown): string {
  return typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string'
    ? (data as { message: string }).message
    : '';
}

/**
 * GitHub's rules: Retry-After names the wait; x-ratelimit-remaining 0 means wait until
 * x-ratelimit-reset (epoch seconds); a secondary limit with neither means wait at least a minute.
 * A 403 with none of these signs is a permission problem, not a rate limit.
 */
export function rateLimitOf(status: number, headers: Headers, data: unknown, now = Date.now()): RateLimit | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = parseRetryAfter(header(headers, 'retry-after'), now);
  const secondaryMessage = /secondary rate limit|abuse detection/i.test(messageOf(data));
  if (retryAfter !== undefined) return { kind: 'secondary', waitMs: retryAfter };
  if (header(headers, 'x-ratelimit-remaining') === '0') {
    const reset = Number(header(headers, 'x-ratelimit-reset'));
    if (!Number.isFinite(reset)) return { kind: 'primary', waitMs: undefined };
    const resetAt = new Date(reset * 1000);
    return { kind: secondaryMessage ? 'secondary' : 'primary', waitMs: Math.max(0, resetAt.getTime() - now), resetAt };
  }
  if (secondaryMessage || status === 429) return { kind: 'secondary', waitMs: undefined };
  return undefined;
}

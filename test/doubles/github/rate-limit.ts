// x-ratelimit-* bookkeeping, and rate limits served on demand (primary: remaining 0 until reset;
// secondary: Retry-After), with the messages GitHub sends.
import type http from 'node:http';
import { sendJson } from '../http-double.js';
import type { RateLimitKind, RateLimitPlan } from './types.js';

const LIMIT = 5000;

export interface RateLimiter {
  /** The headers every answer carries. */
  headers(): Record<string, string>;
  plan(count: number, kind: RateLimitKind, opts?: Partial<Omit<RateLimitPlan, 'kind' | 'remaining'>>): void;
  /** Answers with a rate limit and returns true when one is planned for this request. */
  refuse(res: http.ServerResponse): boolean;
}

export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  let used = 0;
  const windowReset = Math.floor(now() / 1000) + 3600;
  let pending: RateLimitPlan | undefined;

  const headers = (): Record<string, string> => ({
    'x-ratelimit-limit': String(LIMIT),
    'x-ratelimit-remaining': String(Math.max(0, LIMIT - used)),
    'x-ratelimit-used': String(used),
    'x-ratelimit-reset': String(windowReset),
    'x-ratelimit-resource': 'core',
  });

  return {
    headers() {
      used += 1;
      return headers();
    },
    plan(count, kind, opts = {}) {
      pending = {
        kind,
        remaining: count,
        status: opts.status ?? 403,
        retryAfterSeconds: opts.retryAfterSeconds === undefined ? 1 : opts.retryAfterSeconds,
        resetInSeconds: opts.resetInSeconds ?? 1,
      };
    },
    refuse(res) {
      if (!pending || pending.remaining <= 0) return false;
      pending.remaining -= 1;
      const plan = pending;
      if (plan.remaining === 0) pending = undefined;
      if (plan.kind === 'primary') {
        const reset = Math.ceil(now() / 1000) + plan.resetInSeconds;
        sendJson(res, plan.status, {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
          status: String(plan.status),
        }, { ...headers(), 'x-ratelimit-remaining': '0', 'x-ratelimit-used': String(LIMIT), 'x-ratelimit-reset': String(reset) });
        return true;
      }
      const retryAfter: Record<string, string> = plan.retryAfterSeconds === null ? {} : { 'retry-after': String(plan.retryAfterSeconds) };
      sendJson(res, plan.status, {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: String(plan.status),
      }, { ...headers(), ...retryAfter });
      return true;
    },
  };
}

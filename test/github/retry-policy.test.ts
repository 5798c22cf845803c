import { describe, expect, it } from 'vitest';
import { rateLimitOf } from '../../src/github/rate-limit.js';
import { DEFAULT_RETRY_POLICY, retryDecision } from '../../src/github/retry-policy.js';

const NOW = 1_700_000_000_000;
const answer = (status: number, headers: Record<string, string> = {}, data: unknown = {}) => ({ status, message: 'x', response: { headers, data } });
const connectionRefused = () => Object.assign(new Error('connect ECONNREFUSED'), { status: 500, cause: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }) });
const socketReset = () => Object.assign(new Error('other side closed'), { status: 500, cause: { code: 'UND_ERR_SOCKET' } });

describe('rateLimitOf', () => {
  it('reads a primary limit from x-ratelimit-remaining 0 and the reset time', () => {
    expect(rateLimitOf(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 42) }, {}, NOW)).toEqual({ kind: 'primary', waitMs: 42_000, resetAt: new Date(NOW + 42_000) });
  });

  it('reads a secondary limit from Retry-After, or from its message alone', () => {
    expect(rateLimitOf(429, { 'retry-after': '30' }, {}, NOW)).toEqual({ kind: 'secondary', waitMs: 30_000 });
    expect(rateLimitOf(403, {}, { message: 'You have exceeded a secondary rate limit.' }, NOW)).toEqual({ kind: 'secondary', waitMs: undefined });
  });

  it('does not mistake a permission 403 for a rate limit', () => {
    expect(rateLimitOf(403, { 'x-ratelimit-remaining': '4000' }, { message: 'Resource not accessible by integration' }, NOW)).toBeUndefined();
    expect(rateLimitOf(404, { 'retry-after': '1' }, {}, NOW)).toBeUndefined();
  });
});

describe('retryDecision', () => {
  const info = (method: string, attempt = 1) => ({ method, attempt, now: NOW, random: () => 0.5 });

  it('waits out rate limits for any method, within the bound', () => {
    expect(retryDecision(answer(403, { 'retry-after': '5' }), info('POST'))).toMatchObject({ retry: true, delayMs: 5000 });
    expect(retryDecision(answer(403, { 'retry-after': '61' }), info('GET'))).toEqual({ retry: false });
    expect(retryDecision(answer(429), info('PATCH'))).toMatchObject({ retry: true, delayMs: 60_000 });
  });

  it('retries 5xx only for reads, honouring Retry-After', () => {
    expect(retryDecision(answer(503), info('GET', 2))).toMatchObject({ retry: true, delayMs: 1500 });
    expect(retryDecision(answer(503, { 'retry-after': '3' }), info('GET'))).toMatchObject({ retry: true, delayMs: 3000 });
    expect(retryDecision(answer(502), info('POST'))).toEqual({ retry: false });
    expect(retryDecision(answer(501), info('GET'))).toEqual({ retry: false });
  });

  it('retries a failed connection for reads, and for writes only when it was never made', () => {
    expect(retryDecision(socketReset(), info('GET'))).toMatchObject({ retry: true });
    expect(retryDecision(socketReset(), info('POST'))).toEqual({ retry: false });
    expect(retryDecision(connectionRefused(), info('POST'))).toMatchObject({ retry: true });
  });

  it('caps the backoff and the attempts', () => {
    expect(retryDecision(answer(500), info('GET', 3))).toMatchObject({ delayMs: 3000 });
    expect(retryDecision(answer(500), { ...info('GET', 2), random: () => 1 }, { ...DEFAULT_RETRY_POLICY, maxDelayMs: 1500 })).toMatchObject({ delayMs: 1500 });
    expect(retryDecision(answer(500), info('GET', DEFAULT_RETRY_POLICY.maxAttempts))).toEqual({ retry: false });
    expect(retryDecision(new Error('not an HTTP error'), info('GET'))).toEqual({ retry: false });
  });
});

// When and how long to wait before repeating a request.

export const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const TRANSIENT_FAILURES = new Set([
  ...CONNECT_FAILURES,
  'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

export const MAX_ATTEMPTS = 4;

/** The error code of a failed fetch (undici wraps the socket error in `cause`). */
export function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A connection that was never made can be retried even for a request that is not idempotent. */
export function isRetryableFailure(err: unknown, idempotent: boolean): boolean {
  const code = errorCode(err);
  if (!code) return false;
  return idempotent ? TRANSIENT_FAILURES.has(code) : CONNECT_FAILURES.has(code);
}

/** Exponential backoff with full jitter, or the server's Retry-After (seconds or HTTP date). */
export function retryDelayMs(attempt: number, retryAfter: string | undefined, random: () => number = Math.random): number {
  const fromHeader = parseRetryAfter(retryAfter);
  if (fromHeader !== undefined) return fromHeader;
  const cap = 250 * 2 ** (attempt - 1);
  return Math.round(cap / 2 + random() * (cap / 2));
}

export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

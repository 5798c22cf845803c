import { fetch, Response, type Dispatcher } from 'undici';
import type { Log } from '../log.js';
import type { HttpSettings } from '../settings/types.js';
import { createDispatcher } from './dispatcher.js';
import { HttpError, displayPath } from './errors.js';
import { createLimiter } from './limiter.js';
import { MAX_ATTEMPTS, RETRYABLE_STATUSES, errorCode, isRetryableFailure, retryDelayMs } from './retry.js';
import type { HttpRequest, HttpResponse, HttpService, PreparedRequest, ServiceName } from './types.js';

const USER_AGENT = 'sqle-dli-action';

export interface HttpServiceOptions {
  dispatcher?: Dispatcher;
  sleep?: (ms: number) => Promise<void>;
}

export function createHttpService(
  name: ServiceName,
  baseUrl: URL,
  settings: HttpSettings,
  log: Log,
  options: HttpServiceOptions = {},
): HttpService {
  const dispatcher = options.dispatcher ?? createDispatcher(settings);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const limit = sharedLimiter(name, baseUrl, settings.concurrency);
  const timeoutMs = settings.timeoutSeconds * 1000;

  async function send(req: HttpRequest): Promise<HttpResponse> {
    const url = buildUrl(baseUrl, req);
    const path = displayPath(req);
    const { chunks, contentType } = await encodeBody(req);
    const length = chunks.reduce((n, chunk) => n + chunk.byteLength, 0);
    const idempotent = req.idempotent ?? (req.method === 'GET' || req.method === 'DELETE');
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      const headers = lowerCaseKeys({
        'user-agent': USER_AGENT,
        accept: 'application/json',
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(length > 0 ? { 'content-length': String(length) } : {}),
        ...req.headers,
      });
      if (req.prepare) {
        const prepared: PreparedRequest = { method: req.method, url, headers, body: chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks) };
        Object.assign(headers, lowerCaseKeys(await req.prepare(prepared)));
      }
      const remaining = deadline - Date.now();
      let response: HttpResponse | undefined;
      let failure: unknown;
      try {
        const res = await fetch(url, {
          method: req.method,
          headers,
          // fetch copies a byte-array body (as the Fetch standard says); a stream over the same bytes is sent as it is.
          ...(length > 0 ? { body: streamOf(chunks), duplex: 'half' as const } : req.method !== 'GET' ? { body: new Uint8Array() } : {}),
          dispatcher,
          signal: AbortSignal.timeout(Math.max(1, remaining)),
        });
        response = { status: res.status, headers: Object.fromEntries(res.headers), text: await res.text(), attempts: attempt };
      } catch (err) {
        failure = err;
      }
      const timedOut = Date.now() >= deadline;
      if (response) {
        const retryable = idempotent && RETRYABLE_STATUSES.has(response.status);
        if (!retryable || attempt >= MAX_ATTEMPTS) return response;
        const wait = retryDelayMs(attempt, response.headers['retry-after']);
        if (Date.now() + wait >= deadline) return response;
        log.debug(`${name}: ${req.method} ${path} answered HTTP ${response.status}; retrying in ${wait} ms`);
        await sleep(wait);
        continue;
      }
      if (timedOut) {
        throw new HttpError(name, req.method, path, `no complete answer within the timeout of ${settings.timeoutSeconds} s`, attempt);
      }
      if (!isRetryableFailure(failure, idempotent) || attempt >= MAX_ATTEMPTS) {
        throw new HttpError(name, req.method, path, describeFailure(failure, url), attempt);
      }
      const wait = retryDelayMs(attempt, undefined);
      if (Date.now() + wait >= deadline) throw new HttpError(name, req.method, path, describeFailure(failure, url), attempt);
      log.debug(`${name}: ${req.method} ${path} failed (${errorCode(failure)}); retrying in ${wait} ms`);
      await sleep(wait);
    }
  }

  return { name, baseUrl, request: (req) => limit(() => send(req)) };
}

/**
 * `concurrency` bounds the requests in flight to one service. SQLE and DMS are one server (the DMS
 * gateway forwards /sqle/ paths), so they share one limit. DLI and IAM never do: a DLI request's
 * `prepare` may log in to IAM while holding its slot.
 */
const limiters = new Map<string, ReturnType<typeof createLimiter>>();
function sharedLimiter(name: ServiceName, baseUrl: URL, concurrency: number): ReturnType<typeof createLimiter> {
  const key = `${name === 'DMS' ? 'SQLE' : name} ${baseUrl.origin} ${concurrency}`;
  let limit = limiters.get(key);
  if (!limit) {
    limit = createLimiter(concurrency);
    limiters.set(key, limit);
  }
  return limit;
}

/** HTTP header names are case-insensitive: one spelling each, so a caller's header replaces the default instead of doubling it. */
function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) if (chunk.byteLength > 0) controller.enqueue(chunk);
      controller.close();
    },
  });
}

function buildUrl(baseUrl: URL, req: HttpRequest): URL {
  const base = baseUrl.href.endsWith('/') ? baseUrl.href.slice(0, -1) : baseUrl.href;
  const url = new URL(base + req.path);
  for (const [key, value] of Object.entries(req.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}

/** Every body becomes bytes once, so a signature can cover exactly what is sent and retries resend the same. */
async function encodeBody(req: HttpRequest): Promise<{ chunks: readonly Uint8Array[]; contentType?: string }> {
  if (req.json !== undefined) return { chunks: [new TextEncoder().encode(JSON.stringify(req.json))], contentType: 'application/json' };
  if (req.body === undefined) return { chunks: [] };
  if (typeof req.body === 'string') return { chunks: [new TextEncoder().encode(req.body)] };
  if (req.body instanceof Uint8Array) return { chunks: [req.body] };
  if (isChunks(req.body)) return { chunks: req.body };
  const multipart = new Response(req.body);
  return {
    chunks: [new Uint8Array(await multipart.arrayBuffer())],
    contentType: multipart.headers.get('content-type') ?? undefined,
  };
}

const isChunks = (body: unknown): body is readonly Uint8Array[] => Array.isArray(body);

function describeFailure(err: unknown, url: URL): string {
  const code = errorCode(err);
  const host = url.host;
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by ${host}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve the host ${url.hostname}`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return `the connection to ${host} was reset before a complete answer`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the TLS certificate of ${host} is not trusted (${code}); give its CA in the ca-cert input`;
    default: {
      const message = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      return code ? `${message} (${code})` : message;
    }
  }
}

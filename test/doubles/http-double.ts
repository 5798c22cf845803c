// Shared base of every loopback test double: a real HTTP(S) server on 127.0.0.1 that records each
// request, can add latency, tracks concurrency, and lets a test inject faults before routing.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path with query string, as received. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** ms since the double started, when the request arrived and when its response ended. */
  startedAt: number;
  endedAt?: number;
  status?: number;
  /** Requests of this double in flight when this one arrived (itself included). */
  inFlight: number;
}

export interface DoubleRequest extends RecordedRequest {
  raw: http.IncomingMessage;
}

/** Returns true when it answered (or destroyed) the request itself. */
export type FaultInjector = (req: DoubleRequest, res: http.ServerResponse) => boolean | Promise<boolean>;
export type Handler = (req: DoubleRequest, res: http.ServerResponse) => void | Promise<void>;

export interface DoubleOptions {
  /** Added before every response (ms). */
  latencyMs?: number;
  /** PEM key and certificate: serve HTTPS instead of HTTP. */
  tls?: { key: string; cert: string };
}

export interface RunningDouble {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Highest number of requests in flight at once. */
  maxInFlight: () => number;
  /** Replace or clear the fault injector at any time. */
  faults: FaultInjector | undefined;
  latencyMs: number;
  close(): Promise<void>;
}

export async function startDouble(handler: Handler, options: DoubleOptions = {}): Promise<RunningDouble> {
  const t0 = performance.now();
  let inFlight = 0;
  let max = 0;
  const double: RunningDouble = {
    url: '',
    port: 0,
    requests: [],
    maxInFlight: () => max,
    faults: undefined,
    latencyMs: options.latencyMs ?? 0,
    close: async () => {},
  };
  const listener = (raw: http.IncomingMessage, res: http.ServerResponse): void => {
    inFlight += 1;
    max = Math.max(max, inFlight);
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const url = new URL(raw.url ?? '/', 'http://double');
      const rec: DoubleRequest = {
        method: raw.method ?? 'GET',
        url: raw.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers: raw.headers,
        body: Buffer.concat(chunks),
        startedAt: performance.now() - t0,
        inFlight,
        raw,
      };
      const { raw: _raw, ...recorded } = rec;
      const entry: RecordedRequest = recorded;
      double.requests.push(entry);
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        inFlight -= 1;
        entry.endedAt = performance.now() - t0;
        entry.status = res.statusCode;
      };
      res.on('finish', finish);
      res.on('close', finish);
      const run = async (): Promise<void> => {
        if (double.latencyMs > 0) await new Promise((r) => setTimeout(r, double.latencyMs));
        if (double.faults && (await double.faults(rec, res))) return;
        await handler(rec, res);
      };
      run().catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: `double crashed: ${String(err)}` }));
        } else res.destroy();
      });
    });
  };
  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  double.port = port;
  double.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  double.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return double;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body) + '\n';
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

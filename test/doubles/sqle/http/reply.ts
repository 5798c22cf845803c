// Responses the way DMS/echo writes them: JSON with a trailing newline, charset=UTF-8,
// `Vary: Accept-Encoding`, gzip when the client accepts it.
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { DoubleRequest } from '../../http-double.js';

export function send(req: DoubleRequest, res: ServerResponse, status: number, body: Buffer, contentType: string, headers: Record<string, string> = {}): void {
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const payload = gzip ? gzipSync(body, { level: 5 }) : body;
  res.writeHead(status, {
    'content-type': contentType,
    vary: 'Accept-Encoding',
    'content-length': String(payload.length),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    ...headers,
  });
  res.end(payload);
}

export function json(req: DoubleRequest, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(req, res, status, Buffer.from(JSON.stringify(body) + '\n'), 'application/json; charset=UTF-8', headers);
}

/** Framework-level error: a non-200 status and `{"message": ...}` only. */
export function httpError(req: DoubleRequest, res: ServerResponse, status: number, message: string): void {
  json(req, res, status, { message });
}

/** Business error: HTTP 200 with `{code, message}`. */
export function codeError(req: DoubleRequest, res: ServerResponse, code: number, message: string): void {
  json(req, res, 200, { code, message });
}

import type { HttpRequest, HttpResponse, ServiceName } from './types.js';

/** A request that got no usable HTTP response (connection refused/reset, timeout, TLS). */
export class HttpError extends Error {
  constructor(
    readonly service: ServiceName,
    readonly method: string,
    readonly path: string,
    readonly reason: string,
    readonly attempts: number,
  ) {
    super(`${service}: ${method} ${path} failed: ${reason}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`);
    this.name = 'HttpError';
  }
}

/** An HTTP response the caller could not accept: names the service, request, status and what the server said. */
export class ServiceError extends Error {
  constructor(
    readonly service: ServiceName,
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly serverMessage: string,
    readonly code?: string | number,
    hint?: string,
    attempts = 1,
  ) {
    super(
      `${service}: ${method} ${path} answered HTTP ${status}` +
        (attempts > 1 ? ` (after ${attempts} attempts)` : '') +
        (code !== undefined ? ` code ${code}` : '') +
        (serverMessage ? `: ${serverMessage}` : '') +
        (hint ? `. ${hint}` : ''),
    );
    this.name = 'ServiceError';
  }
}

/** The most telling short text of a response body: a JSON message, an HTML title, or the start of the text. */
export function serverMessage(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed && typeof parsed === 'object') {
      const o = parsed as Record<string, unknown>;
      for (const key of ['message', 'error_msg', 'msg']) if (typeof o[key] === 'string' && o[key]) return clip(o[key] as string);
      const nested = o['error'];
      if (nested && typeof nested === 'object' && typeof (nested as Record<string, unknown>)['message'] === 'string')
        return clip((nested as Record<string, string>)['message'] ?? '');
    }
  } catch {
    // not JSON: fall through
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed);
  if (title?.[1]) return `an HTML page "${clip(title[1].trim())}"`;
  if (/^<(!doctype|html)/i.test(trimmed)) return 'an HTML page';
  return clip(trimmed.replace(/\s+/g, ' '));
}

function clip(s: string, max = 300): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function displayPath(req: Pick<HttpRequest, 'path'>): string {
  return req.path.split('?')[0] ?? req.path;
}

export function statusError(service: ServiceName, req: HttpRequest, res: HttpResponse, hint?: string): ServiceError {
  return new ServiceError(service, req.method, displayPath(req), res.status, serverMessage(res.text), undefined, hint, res.attempts);
}

// Huawei Cloud API Gateway request signing, algorithm SDK-HMAC-SHA256 (AK/SK).
import { createHash, createHmac } from 'node:crypto';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

/**
 * Headers signed when present, like the official Node SDK for a JSON call. `x-sdk-date` is always
 * present; `host` is taken from the URL when the request does not carry one.
 */
export const DEFAULT_SIGNED_HEADERS: readonly string[] = ['content-type', 'host', 'x-project-id', 'x-sdk-date', 'x-security-token'];

export interface SignableRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface AkSk {
  ak: string;
  sk: string;
}

export interface SignOptions {
  /** Lower-case names of the headers to sign when present (x-sdk-date is always signed). */
  signedHeaders?: readonly string[];
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Percent-encodes everything but the unreserved set `A-Z a-z 0-9 - _ . ~`, with upper-case hex. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Each path segment decoded then re-encoded; a trailing slash is always appended for the signature. */
export function canonicalUri(pathname: string): string {
  const encoded = pathname
    .split('/')
    .map((segment) => encodeRfc3986(safeDecode(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Parameters sorted by encoded key, repeated keys by encoded value, joined with `&`. */
export function canonicalQuery(params: URLSearchParams): string {
  const pairs = [...params].map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const);
  pairs.sort(([ka, va], [kb, vb]) => compare(ka, kb) || compare(va, vb));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

export interface CanonicalParts {
  canonicalRequest: string;
  signedHeaders: string;
}

/** The canonical request of §4.2 over the given header values (names matched case-insensitively). */
export function canonicalRequest(req: SignableRequest, headersToSign: Record<string, string>): CanonicalParts {
  const names = Object.keys(headersToSign).sort(compare);
  const headerLines = names.map((n) => `${n}:${(headersToSign[n] ?? '').trim()}\n`).join('');
  const signedHeaders = names.join(';');
  const payloadHash = headersToSign['x-sdk-content-sha256'] === 'UNSIGNED-PAYLOAD' ? 'UNSIGNED-PAYLOAD' : sha256Hex(req.body);
  const canonical = [
    req.method.toUpperCase(),
    canonicalUri(req.url.pathname),
    canonicalQuery(req.url.searchParams),
    headerLines,
    signedHeaders,
    payloadHash,
  ].join('\n');
  return { canonicalRequest: canonical, signedHeaders };
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

/** Returns the headers to add to the request: `X-Sdk-Date` and `Authorization`. */
export function signRequest(req: SignableRequest, cred: AkSk, date: Date, options: SignOptions = {}): Record<string, string> {
  const sdkDate = formatSdkDate(date);
  const wanted = new Set((options.signedHeaders ?? DEFAULT_SIGNED_HEADERS).map((h) => h.toLowerCase()));
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) lower[name.toLowerCase()] = value;
  lower['x-sdk-date'] = sdkDate;
  if (wanted.has('host') && lower['host'] === undefined) lower['host'] = req.url.host;
  const toSign: Record<string, string> = {};
  for (const [name, value] of Object.entries(lower)) if (wanted.has(name) || name === 'x-sdk-date') toSign[name] = value;
  const { canonicalRequest: canonical, signedHeaders } = canonicalRequest(req, toSign);
  const signature = createHmac('sha256', Buffer.from(cred.sk, 'utf8')).update(stringToSign(sdkDate, canonical)).digest('hex');
  return {
    'X-Sdk-Date': sdkDate,
    Authorization: `${SIGNING_ALGORITHM} Access=${cred.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

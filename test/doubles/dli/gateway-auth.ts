// The API gateway's checks, written independently of src/dli/signer.ts: the AK/SK signature is
// recomputed from the request as received (method, raw path and query, listed headers, body bytes).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { DoubleRequest } from '../http-double.js';

export interface GatewayCredential {
  ak: string;
  sk: string;
  /** Temporary credentials: requests must carry (and sign) this X-Security-Token. */
  securityToken?: string;
}

const PREFIX = 'Incorrect IAM authentication information: ';
const MAX_SKEW_MS = 15 * 60_000;
const LOCK_AFTER_FAILURES = 5;
const LOCK_MS = 5 * 60_000;

export class AkSkGateway {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly credentials: () => GatewayCredential[]) {}

  /** An APIGW.0301 message when the request is refused, else undefined. */
  verify(req: DoubleRequest, serverNow: number): string | undefined {
    const header = single(req.headers['authorization']);
    const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(header ?? '');
    if (!m) return `${PREFIX}Authorization format incorrect`;
    const [, ak = '', signedList = '', signature = ''] = m;
    const cred = this.credentials().find((c) => c.ak === ak);
    if (!cred) return `${PREFIX}Get secretKey failed,ak:${ak},err:ak not exist`;
    const state = this.failures.get(ak) ?? { count: 0, lockedUntil: 0 };
    if (state.lockedUntil > serverNow) return `${PREFIX}AK access failed to reach the limit,forbidden`;
    const failure = this.check(req, cred, signedList, signature, serverNow);
    if (failure) {
      state.count += 1;
      if (state.count >= LOCK_AFTER_FAILURES) state.lockedUntil = serverNow + LOCK_MS;
      this.failures.set(ak, state);
      return failure;
    }
    this.failures.delete(ak);
    return undefined;
  }

  private check(req: DoubleRequest, cred: GatewayCredential, signedList: string, signature: string, serverNow: number): string | undefined {
    const signed = signedList.split(';');
    if (!signed.includes('x-sdk-date')) return `${PREFIX}verify aksk signature fail, x-sdk-date is not signed`;
    const sdkDate = single(req.headers['x-sdk-date']) ?? '';
    const signedAt = parseSdkDate(sdkDate);
    if (signedAt === undefined) return `${PREFIX}verify aksk signature fail, invalid x-sdk-date ${sdkDate}`;
    if (Math.abs(serverNow - signedAt) > MAX_SKEW_MS) {
      return `${PREFIX}signature expired, signature time:${sdkDate},server time:${sdkDateOf(serverNow)}`;
    }
    if (cred.securityToken !== undefined) {
      if (single(req.headers['x-security-token']) !== cred.securityToken || !signed.includes('x-security-token')) {
        return `${PREFIX}verify security token fail`;
      }
    }
    const canonical = [
      req.method,
      canonicalPath(req.url),
      canonicalQueryOf(req.url),
      signed.map((h) => `${h}:${(single(req.headers[h]) ?? '').trim()}\n`).join(''),
      signedList,
      createHash('sha256').update(req.body).digest('hex'),
    ].join('\n');
    const toSign = `SDK-HMAC-SHA256\n${sdkDate}\n${createHash('sha256').update(canonical).digest('hex')}`;
    const expected = createHmac('sha256', cred.sk).update(toSign).digest();
    const given = Buffer.from(signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return `${PREFIX}verify aksk signature fail, error: the signature does not match`;
    }
    return undefined;
  }
}

export function sdkDateOf(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0, h ?? 0, mi ?? 0, s ?? 0);
}

function canonicalPath(rawUrl: string): string {
  const path = rawUrl.split('?')[0] ?? '/';
  const encoded = path.split('/').map((seg) => percent(decodeURIComponent(seg))).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function canonicalQueryOf(rawUrl: string): string {
  const q = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '';
  if (!q) return '';
  const pairs = q.split('&').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    return [percent(formDecode(k)), percent(formDecode(v))] as const;
  });
  pairs.sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : va > vb ? 1 : 0) : ka < kb ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function formDecode(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

/** Byte-wise: unreserved ASCII as is, everything else %XX. */
function percent(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

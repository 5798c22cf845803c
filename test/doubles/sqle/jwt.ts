// HS256 JWTs as DMS issues them: header {"alg":"HS256","typ":"JWT"}, claims with sorted keys
// (Go marshals maps that way), times in integer seconds.
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export type Claims = Record<string, string | number>;

export function signJwt(claims: Claims, secret: string): string {
  const sorted = Object.fromEntries(Object.entries(claims).sort(([a], [b]) => (a < b ? -1 : 1)));
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(sorted))}`;
  return `${head}.${b64url(createHmac('sha256', secret).update(head).digest())}`;
}

/** The claims of a token with a valid HS256 signature whose exp/nbf admit `nowSeconds`; undefined otherwise. */
export function verifyJwt(token: string, secret: string, nowSeconds: number): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: unknown };
    if (header.alg !== 'HS256') return undefined;
    const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
    const given = Buffer.from(s, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Claims;
    if (typeof claims !== 'object' || claims === null) return undefined;
    const time = (k: string): number | undefined => (typeof claims[k] === 'number' ? (claims[k] as number) : undefined);
    const exp = time('exp');
    const nbf = time('nbf');
    if (exp !== undefined && nowSeconds > exp) return undefined;
    if (nbf !== undefined && nowSeconds < nbf) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

// Reads the time claims of a DMS token without verifying it (only DMS knows the key).

export interface TokenClaims {
  exp?: number;
  nbf?: number;
  uid?: string;
  loginType?: string;
}

export function decodeClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (!json || typeof json !== 'object') return undefined;
    const c = json as Record<string, unknown>;
    return {
      exp: typeof c['exp'] === 'number' ? c['exp'] : undefined,
      nbf: typeof c['nbf'] === 'number' ? c['nbf'] : undefined,
      uid: typeof c['uid'] === 'string' ? c['uid'] : undefined,
      loginType: typeof c['loginType'] === 'string' ? c['loginType'] : undefined,
    };
  } catch {
    return undefined;
  }
}

export type TokenVerdict =
  | { ok: true; expiresAt?: Date; expiresSoon: boolean }
  | { ok: false; problem: string };

const SOON_MS = 3 * 24 * 3600 * 1000;

/** Whether the token is valid now by its own claims; `what` names it in the message. */
export function checkTokenTimes(token: string, what: string, now = Date.now()): TokenVerdict {
  const claims = decodeClaims(token);
  if (!claims) return { ok: false, problem: `${what} is not a JWT (three base64url parts); copy the whole access token SQLE generated` };
  if (claims.nbf !== undefined && claims.nbf * 1000 > now) {
    return { ok: false, problem: `${what} is not valid before ${new Date(claims.nbf * 1000).toISOString()}` };
  }
  if (claims.exp === undefined) return { ok: true, expiresSoon: false };
  const expiresAt = new Date(claims.exp * 1000);
  if (expiresAt.getTime() <= now) return { ok: false, problem: `${what} expired at ${expiresAt.toISOString()}` };
  return { ok: true, expiresAt, expiresSoon: expiresAt.getTime() - now < SOON_MS };
}

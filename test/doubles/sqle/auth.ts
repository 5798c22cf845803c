// The two authentication ladders: SQLE's (echo 4.6.1 JWT middleware behind DMS: cookie checked
// before the header, first one present wins) and DMS's own (echo-jwt: every candidate tried).
import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from './context.js';
import { verifyJwt } from './jwt.js';
import type { User } from './state.js';

export type AuthOutcome = { user: User } | { status: number; message: string } | { code: number; message: string };

export const ACCESS_TOKEN_LOGIN = 'access_token_login';

function cookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of String(headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The token in an Authorization header after DMS's "add Bearer when missing" adapter, if any. */
function headerToken(value: string): string | undefined {
  const v = value.startsWith('Bearer') ? value : `Bearer ${value}`;
  return v.length > 7 ? v.slice(7) : undefined;
}

type TokenCheck = { user: User } | 'invalid' | 'not-latest' | 'login-type';

function checkToken(ctx: Context, token: string): TokenCheck {
  const claims = verifyJwt(token, ctx.options.secret, ctx.nowSeconds());
  const user = claims && typeof claims.uid === 'string' ? ctx.state.users.get(claims.uid) : undefined;
  if (!claims || !user) return 'invalid';
  if (claims.loginType !== undefined) {
    if (claims.loginType !== ACCESS_TOKEN_LOGIN) return 'login-type';
    if (user.accessToken !== token) return 'not-latest';
  }
  return { user };
}

function outcome(check: TokenCheck): AuthOutcome {
  if (check === 'invalid') return { status: 401, message: 'invalid or expired jwt' };
  if (check === 'not-latest') return { status: 401, message: 'access token is not latest' };
  if (check === 'login-type') return { status: 401, message: 'access token login type is error' };
  return check;
}

export function sqleAuth(ctx: Context, headers: IncomingHttpHeaders): AuthOutcome {
  const fromCookie = cookie(headers, 'dms-token');
  const authorization = headers.authorization;
  if (fromCookie === undefined && !authorization) return { status: 401, message: 'can not find dms-token' };
  const token = fromCookie ?? headerToken(authorization ?? '');
  if (token === undefined) return { status: 400, message: 'missing or malformed jwt' };
  const result = outcome(checkToken(ctx, token));
  if ('user' in result && result.user.disabled) return { code: 4005, message: 'current user status is 被禁用' };
  return result;
}

export function dmsAuth(ctx: Context, headers: IncomingHttpHeaders): AuthOutcome {
  const candidates = [cookie(headers, 'dms-token'), headers.authorization ? headerToken(headers.authorization) : undefined].filter((t): t is string => t !== undefined);
  if (candidates.length === 0) return { status: 401, message: 'missing or malformed jwt' };
  const checks = candidates.map((t) => checkToken(ctx, t));
  const good = checks.find((c) => typeof c === 'object');
  return outcome(good ?? checks.find((c) => c !== 'invalid') ?? 'invalid');
}

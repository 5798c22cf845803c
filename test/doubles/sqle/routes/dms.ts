// DMS's own API under /v1: login, who-am-I, access tokens, projects, basic info.
import type { ServerResponse } from 'node:http';
import type { DoubleRequest } from '../../http-double.js';
import { ACCESS_TOKEN_LOGIN, dmsAuth } from '../auth.js';
import type { Context } from '../context.js';
import { echoSyntaxError, echoTypeError, goJsonSyntaxError } from '../http/go-json.js';
import { codeError, httpError, json } from '../http/reply.js';
import { signJwt } from '../jwt.js';
import type { User } from '../state.js';

export const DMS_VERSION = '3.2412.1-ce c94f1ead5867cd28e527e9d053b04f6ebed84378';
export const SQLE_VERSION = '3.2412.1-ce 9230797b79647d9fc4f7f94d3ae656919e4a3174';
const ISSUER = 'actiontech dms';

function ok(req: DoubleRequest, res: ServerResponse, data: unknown, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  json(req, res, 200, { data, ...extra, code: 0, message: '' }, headers);
}

function validationError(struct: string, field: string): string {
  return `failed to validate request: Key: '${struct}.${field}' Error:Field validation for '${field.split('.').pop()}' failed on the 'required' tag`;
}

/** Parses a JSON body as echo would for DMS; sends the 7001 bind error and returns undefined when it cannot. */
function bindJson(req: DoubleRequest, res: ServerResponse, stringFields: string[], struct: string): Record<string, unknown> | undefined {
  const text = req.body.toString('utf8');
  if (text.trim() === '') return {};
  const syntax = goJsonSyntaxError(text);
  if (syntax) return void codeError(req, res, 7001, `failed to bind request: ${echoSyntaxError(syntax)}`);
  const body = JSON.parse(text) as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return void codeError(req, res, 7001, `failed to bind request: code=400, message=Unmarshal type error: expected=${struct}, got=${Array.isArray(body) ? 'array' : typeof body}, field=, offset=${Buffer.byteLength(text)}`);
  const typeError = echoTypeError(text, body as Record<string, unknown>, stringFields, struct);
  if (typeError) return void codeError(req, res, 7001, `failed to bind request: ${typeError}`);
  return body as Record<string, unknown>;
}

export function loginToken(ctx: Context, user: User): { token: string; exp: number } {
  const exp = ctx.nowSeconds() + ctx.options.loginTokenTtlSeconds;
  return { token: signJwt({ exp, iss: ISSUER, uid: user.uid }, ctx.options.secret), exp };
}

/** gen_token: the new token becomes the user's only valid access token. */
export function issueAccessToken(ctx: Context, user: User, days: number): { token: string; exp: number } {
  const exp = ctx.nowSeconds() + days * 86_400;
  const token = signJwt({ exp, iss: ISSUER, loginType: ACCESS_TOKEN_LOGIN, uid: user.uid }, ctx.options.secret);
  user.accessToken = token;
  user.accessTokenExpiresAt = exp;
  return { token, exp };
}

function timestamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function login(ctx: Context, req: DoubleRequest, res: ServerResponse): void {
  const body = bindJson(req, res, [], 'AddSessionReq');
  if (!body) return;
  const session = body.session as Record<string, unknown> | undefined;
  if (typeof session !== 'object' || session === null) return codeError(req, res, 7001, validationError('AddSessionReq', 'Session'));
  const fields: [string, string][] = [['username', 'UserName'], ['password', 'Password']];
  const missing = fields.filter(([json]) => typeof session[json] !== 'string' || session[json] === '');
  if (missing.length > 0) return codeError(req, res, 7001, missing.map(([, go]) => validationError('AddSessionReq', `Session.${go}`)).join('\n'));
  const username = session.username as string;
  const user = ctx.state.userByName(username);
  if (!user) return codeError(req, res, 7001, 'get user login verifier failed: the user login type is unsupported');
  if (user.disabled) return codeError(req, res, 7001, `verify user login failed: user ${username} not exist or can not login`);
  if (user.password !== session.password) return codeError(req, res, 7001, `verify user login failed: user ${username} password not match`);
  const { token, exp } = loginToken(ctx, user);
  ok(req, res, { token }, {}, { 'set-cookie': `dms-token=${token}; Path=/; Expires=${new Date(exp * 1000).toUTCString()}` });
}

function logout(req: DoubleRequest, res: ServerResponse): void {
  if (!/(?:^|;\s*)dms-token=/.test(String(req.headers.cookie ?? ''))) return codeError(req, res, 7006, 'http: named cookie not present');
  ok(req, res, { location: '' }, {}, { 'set-cookie': 'dms-token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT' });
}

function genToken(ctx: Context, req: DoubleRequest, res: ServerResponse, user: User): void {
  const body = bindJson(req, res, ['expiration_days'], 'GenAccessToken');
  if (!body) return;
  const days = body.expiration_days;
  if (typeof days !== 'string' || days === '') return codeError(req, res, 7001, validationError('GenAccessToken', 'ExpirationDays'));
  if (!/^\d+$/.test(days)) return codeError(req, res, 7001, `strconv.ParseUint: parsing ${JSON.stringify(days)}: invalid syntax`);
  const { token, exp } = issueAccessToken(ctx, user, Number(days));
  ok(req, res, { access_token: token, token_expired_timestamp: timestamp(exp), is_expired: false });
}

function userInfo(ctx: Context, req: DoubleRequest, res: ServerResponse, uid: string): void {
  const user = ctx.state.users.get(uid);
  if (!user) return codeError(req, res, 7006, 'user not exist');
  const exp = user.accessTokenExpiresAt ?? 0;
  ok(req, res, {
    uid: user.uid,
    name: user.name,
    email: '',
    phone: '',
    wxid: '',
    stat: user.disabled ? '被禁用' : '正常',
    authentication_type: 'dms',
    access_token_info: { access_token: user.accessToken ?? '', token_expired_timestamp: user.accessToken ? timestamp(exp) : '', is_expired: user.accessToken ? exp < ctx.nowSeconds() : false },
  });
}

function projects(ctx: Context, req: DoubleRequest, res: ServerResponse): void {
  const pageSize = Number(req.query.get('page_size') ?? 0);
  if (!Number.isInteger(pageSize) || pageSize <= 0) return codeError(req, res, 7001, validationError('ListProjectReq', 'PageSize'));
  const pageIndex = Math.max(1, Number(req.query.get('page_index') ?? 1) || 1);
  const name = req.query.get('filter_by_name');
  const matching = ctx.state.projects.filter((p) => !name || p.name === name);
  const page = matching.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
  const creator = (uid: string | undefined): string => (uid && ctx.state.users.get(uid)?.name) || 'admin';
  ok(
    req,
    res,
    page.map((p) => ({ uid: p.uid, name: p.name, archived: p.archived, desc: `${p.name} project`, is_fixed_business: false, business: null, create_user: { uid: p.uid, name: creator(p.members[0]) }, create_time: p.createTime, project_priority: 'medium' })),
    { total_nums: matching.length },
  );
}

function basicInfo(req: DoubleRequest, res: ServerResponse): void {
  ok(req, res, { logo_url: '', title: '', components: [{ name: 'dms', version: DMS_VERSION }, { name: 'sqle', version: SQLE_VERSION }] });
}

/** Everything under /v1 on the DMS port. */
export function handleDms(ctx: Context, req: DoubleRequest, res: ServerResponse): void {
  const { method, path } = req;
  // DMS's JWT skipper: RequestURI ending in /dms/sessions, any method but DELETE.
  if (req.url.endsWith('/dms/sessions') && method !== 'DELETE') {
    return method === 'POST' && path === '/v1/dms/sessions' ? login(ctx, req, res) : httpError(req, res, 405, 'Method Not Allowed');
  }
  const auth = dmsAuth(ctx, req.headers);
  if ('status' in auth) return httpError(req, res, auth.status, auth.message);
  if ('code' in auth) return codeError(req, res, auth.code, auth.message);
  const user = auth.user;
  const routes: [string, RegExp, () => void][] = [
    ['DELETE', /^\/v1\/dms\/sessions$/, () => logout(req, res)],
    ['GET', /^\/v1\/dms\/sessions\/user$/, () => ok(req, res, { user_uid: user.uid, name: user.name })],
    ['POST', /^\/v1\/dms\/users\/gen_token$/, () => genToken(ctx, req, res, user)],
    ['GET', /^\/v1\/dms\/users\/([^/]+)$/, () => userInfo(ctx, req, res, decodeURIComponent(/([^/]+)$/.exec(path)?.[1] ?? ''))],
    ['GET', /^\/v1\/dms\/projects$/, () => projects(ctx, req, res)],
    ['GET', /^\/v1\/dms\/basic_info$/, () => basicInfo(req, res)],
  ];
  const matching = routes.filter(([, pattern]) => pattern.test(path));
  const route = matching.find(([m]) => m === method);
  if (route) return route[2]();
  httpError(req, res, matching.length > 0 ? 405 : 404, matching.length > 0 ? 'Method Not Allowed' : 'Not Found');
}

// A loopback double of DMS + SQLE 3.2412.1 (community edition) as a CI client sees them through
// the DMS port: real HS256 JWTs, both auth ladders, the {code,message,data} envelope with HTTP 200
// business errors, synchronous audit records from multipart/JSON uploads, SQLE's splitter and
// MyBatis quirks, a default_MySQL rule subset, paging, the statement and upload caps.
// Facts: ../../../../shared/reference/sqle-dms-api.md and sqle-real/ (the contract test replays it).
import type { ServerResponse } from 'node:http';
import { type DoubleRequest, type FaultInjector, type RecordedRequest, startDouble } from '../http-double.js';
import type { ReadFile } from './audit/inputs.js';
import { type Context, type ResolvedOptions, ruleLevelsFor } from './context.js';
import { httpError, json } from './http/reply.js';
import { signJwt } from './jwt.js';
import { COULD_NOT_FORWARD } from './routes/direct.js';
import { handleDms, issueAccessToken } from './routes/dms.js';
import { handleSqle } from './routes/sqle.js';
import { DoubleState, type User } from './state.js';

export interface SqleDoubleOptions {
  /** HS256 key, default 'secret'. */
  secret?: string;
  /** Default 24 h. */
  loginTokenTtlSeconds?: number;
  /** Default admin/admin with uid 700200. */
  users?: { uid: string; name: string; password: string; disabled?: boolean }[];
  /** Default 'default' (uid 700300) with admin as member. Membership is strict: no global admin bypass. */
  projects?: { uid: string; name: string; members: string[]; archived?: boolean }[];
  /** Data sources for online audits (instance_name); none by default. */
  instances?: { name: string; dbType: string; project: string }[];
  /** Default ['MySQL']; other db types answer 'open plugin failed: plugin not found'. */
  drivers?: string[];
  /** Default ['default_MySQL']; each holds default_MySQL's rules. */
  ruleTemplates?: string[];
  /** Per template, rule levels that differ from default_MySQL's (e.g. a team template with notices). */
  ruleLevelOverrides?: Record<string, Record<string, 'normal' | 'notice' | 'warn' | 'error'>>;
  /** Default 3120: more statements in one record fail with "too many placeholders". */
  statementCap?: number;
  /** Default 10_485_760: a larger input_zip_file is refused. */
  zipSizeCap?: number;
  /** Extra time the synchronous audit POST takes (default none). */
  auditDelayMs?: (statements: number) => number;
  latencyMs?: number;
  tls?: { key: string; cert: string };
  /** Every /sqle/v... request answers 502 could-not-forward, as DMS does when SQLE is down. */
  sqleDown?: boolean;
}

export interface SqleRecord {
  id: string;
  taskId: number;
  project: string;
  files: ReadFile[];
  statements: number;
  /** ms since the double started. */
  startedAt: number;
  endedAt: number;
}

export interface SqleDouble {
  url: string;
  port: number;
  requests: RecordedRequest[];
  maxInFlight(): number;
  faults: FaultInjector | undefined;
  latencyMs: number;
  close(): Promise<void>;
  /** Sign a token as DMS would: a login token, or an access token (loginType access_token_login, which becomes the user's current one). */
  mintToken(opts?: { uid?: string; expiresInSeconds?: number; notBeforeSeconds?: number; access?: boolean; secret?: string }): string;
  /** gen_token equivalent: the new access token becomes the user's only valid one. */
  generateAccessToken(uid?: string, days?: number): string;
  /** Successful audit records, in creation order. */
  records: SqleRecord[];
  /** Togglable at runtime. */
  sqleDown: boolean;
}

const ADMIN_UID = '700200';

function resolveOptions(o: SqleDoubleOptions): ResolvedOptions {
  return {
    secret: o.secret ?? 'secret',
    loginTokenTtlSeconds: o.loginTokenTtlSeconds ?? 86_400,
    drivers: o.drivers ?? ['MySQL'],
    ruleTemplates: o.ruleTemplates ?? ['default_MySQL'],
    statementCap: o.statementCap ?? 3120,
    zipSizeCap: o.zipSizeCap ?? 10_485_760,
    auditDelayMs: o.auditDelayMs ?? (() => 0),
  };
}

function buildState(o: SqleDoubleOptions): DoubleState {
  const state = new DoubleState();
  for (const u of o.users ?? [{ uid: ADMIN_UID, name: 'admin', password: 'admin' }]) state.users.set(u.uid, { ...u, disabled: u.disabled ?? false });
  const created = new Date().toISOString();
  for (const p of o.projects ?? [{ uid: '700300', name: 'default', members: [ADMIN_UID] }]) state.projects.push({ ...p, archived: p.archived ?? false, createTime: created });
  state.instances.push(...(o.instances ?? []));
  return state;
}

export async function startSqleDouble(options: SqleDoubleOptions = {}): Promise<SqleDouble> {
  const t0 = performance.now();
  const state = buildState(options);
  const resolved = resolveOptions(options);
  const ctx: Context = {
    state,
    options: resolved,
    nowSeconds: () => Math.floor(Date.now() / 1000),
    elapsedMs: () => performance.now() - t0,
    ruleLevels: ruleLevelsFor(resolved.ruleTemplates, options.ruleLevelOverrides),
  };
  const control = { sqleDown: options.sqleDown ?? false };
  const handler = async (req: DoubleRequest, res: ServerResponse): Promise<void> => {
    const { path } = req;
    if (path.startsWith('/sqle/v')) {
      if (control.sqleDown) return json(req, res, 502, { message: COULD_NOT_FORWARD });
      return handleSqle(ctx, req, res, path.slice('/sqle'.length));
    }
    if (path === '/v1' || path.startsWith('/v1/')) return handleDms(ctx, req, res);
    // Anything else is DMS's static UI with HTML5 fallback; without a UI bundle it fails like this.
    httpError(req, res, 500, 'Internal Server Error');
  };
  const running = await startDouble(handler, { latencyMs: options.latencyMs ?? 0, ...(options.tls ? { tls: options.tls } : {}) });
  const userOf = (uid: string): User => {
    const user = state.users.get(uid);
    if (!user) throw new Error(`no user ${uid} in the SQLE double`);
    return user;
  };
  const double: SqleDouble = {
    url: running.url,
    port: running.port,
    requests: running.requests,
    maxInFlight: running.maxInFlight,
    get faults() {
      return running.faults;
    },
    set faults(f) {
      running.faults = f;
    },
    get latencyMs() {
      return running.latencyMs;
    },
    set latencyMs(ms) {
      running.latencyMs = ms;
    },
    close: running.close,
    mintToken: ({ uid = ADMIN_UID, expiresInSeconds, notBeforeSeconds, access = false, secret } = {}) => {
      const now = ctx.nowSeconds();
      const claims: Record<string, string | number> = { exp: now + (expiresInSeconds ?? (access ? 30 * 86_400 : resolved.loginTokenTtlSeconds)), iss: 'actiontech dms', uid };
      if (notBeforeSeconds !== undefined) claims.nbf = now + notBeforeSeconds;
      if (access) claims.loginType = 'access_token_login';
      const token = signJwt(claims, secret ?? resolved.secret);
      if (access && secret === undefined) {
        const user = userOf(uid);
        user.accessToken = token;
        user.accessTokenExpiresAt = claims.exp as number;
      }
      return token;
    },
    generateAccessToken: (uid = ADMIN_UID, days = 30) => issueAccessToken(ctx, userOf(uid), days).token,
    records: state.records,
    get sqleDown() {
      return control.sqleDown;
    },
    set sqleDown(down) {
      control.sqleDown = down;
    },
  };
  return double;
}

// SQLE's router as seen through DMS's /sqle/ proxy: the v1/v2/v3 groups carry the JWT
// middleware (so even unknown paths answer 401 first), project routes carry the project
// middleware (unknown project -> code -1, non-member -> 403), then 404/405 for unknown routes.
import type { ServerResponse } from 'node:http';
import type { DoubleRequest } from '../../http-double.js';
import { sqleAuth } from '../auth.js';
import type { Context } from '../context.js';
import { codeError, httpError } from '../http/reply.js';
import type { Project, User } from '../state.js';
import { auditFilesV2, sqlAuditV1, sqlAuditV2 } from './direct.js';
import { drivers, ruleTemplate, ruleTemplates, systemVariables } from './misc.js';
import { createRecord, listRecords, recordDetail } from './records.js';
import { taskFiles, taskSqlReport, taskSqlsV1, taskSqlsV2, taskSummary } from './tasks.js';

type Handler = (ctx: Context, req: DoubleRequest, res: ServerResponse, user: User, params: string[]) => void | Promise<void>;
type ProjectHandler = (ctx: Context, req: DoubleRequest, res: ServerResponse, user: User, project: Project, params: string[]) => void | Promise<void>;

const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/v1\/tasks\/audits\/([^/]+)\/$/, (c, q, s, _u, p) => taskSummary(c, q, s, p[0] ?? '')],
  ['GET', /^\/v1\/tasks\/audits\/([^/]+)\/sqls$/, (c, q, s, _u, p) => taskSqlsV1(c, q, s, p[0] ?? '')],
  ['GET', /^\/v1\/tasks\/audits\/([^/]+)\/sql_report$/, (c, q, s, _u, p) => taskSqlReport(c, q, s, p[0] ?? '')],
  ['GET', /^\/v2\/tasks\/audits\/([^/]+)\/sqls$/, (c, q, s, _u, p) => taskSqlsV2(c, q, s, p[0] ?? '')],
  ['GET', /^\/v2\/tasks\/audits\/([^/]+)\/files$/, (c, q, s, _u, p) => taskFiles(c, q, s, p[0] ?? '')],
  ['GET', /^\/v1\/rule_templates$/, (c, q, s) => ruleTemplates(c, q, s)],
  ['GET', /^\/v1\/rule_templates\/([^/]+)\/$/, (c, q, s, _u, p) => ruleTemplate(c, q, s, p[0] ?? '')],
  ['GET', /^\/v1\/configurations\/system_variables$/, (_c, q, s) => systemVariables(q, s)],
  ['GET', /^\/v2\/configurations\/drivers$/, (c, q, s) => drivers(c, q, s)],
  ['POST', /^\/v2\/sql_audit$/, (c, q, s) => sqlAuditV2(c, q, s)],
  ['POST', /^\/v2\/audit_files$/, (c, q, s, u) => auditFilesV2(c, q, s, u)],
  ['POST', /^\/v1\/sql_audit$/, (c, q, s) => sqlAuditV1(c, q, s)],
];

const PROJECT_ROUTES: [string, RegExp, ProjectHandler][] = [
  ['POST', /^\/sql_audit_records$/, (c, q, s, u, p) => createRecord(c, q, s, u, p)],
  ['GET', /^\/sql_audit_records$/, (c, q, s, _u, p) => listRecords(c, q, s, p)],
  ['GET', /^\/sql_audit_records\/([^/]+)\/$/, (c, q, s, _u, p, m) => recordDetail(c, q, s, p, m[0] ?? '')],
];

function dispatch<H>(routes: [string, RegExp, H][], method: string, path: string): { handler: H; params: string[] } | 404 | 405 {
  const matching = routes.map(([m, re, h]) => ({ m, h, match: re.exec(path) })).filter((r) => r.match);
  const route = matching.find((r) => r.m === method);
  if (route?.match) return { handler: route.h, params: route.match.slice(1).map(decodeURIComponent) };
  return matching.length > 0 ? 405 : 404;
}

function routeError(req: DoubleRequest, res: ServerResponse, status: 404 | 405): void {
  httpError(req, res, status, status === 404 ? 'Not Found' : 'Method Not Allowed');
}

/** `path` is the SQLE path (the /sqle prefix removed). */
export async function handleSqle(ctx: Context, req: DoubleRequest, res: ServerResponse, path: string): Promise<void> {
  if (!/^\/v[123](?:\/|$)/.test(path)) return httpError(req, res, 404, 'Not Found');
  const auth = sqleAuth(ctx, req.headers);
  if ('status' in auth) return httpError(req, res, auth.status, auth.message);
  if ('code' in auth) return codeError(req, res, auth.code, auth.message);
  const projectPath = /^\/v[123]\/projects\/([^/]+)(\/.*)?$/.exec(path);
  if (projectPath) {
    const name = decodeURIComponent(projectPath[1] ?? '');
    const project = ctx.state.projectByName(name);
    if (!project) return codeError(req, res, -1, `project ${name} not found`);
    if (!project.members.includes(auth.user.uid)) return httpError(req, res, 403, 'Forbidden');
    const found = path.startsWith('/v1/') ? dispatch(PROJECT_ROUTES, req.method, projectPath[2] ?? '') : 404;
    return typeof found === 'number' ? routeError(req, res, found) : found.handler(ctx, req, res, auth.user, project, found.params);
  }
  const found = dispatch(ROUTES, req.method, path);
  return typeof found === 'number' ? routeError(req, res, found) : found.handler(ctx, req, res, auth.user, found.params);
}

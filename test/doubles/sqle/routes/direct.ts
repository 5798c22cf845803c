// Direct ("IDE") audits: nothing is stored, but a task id is used up as in SQLE.
import type { ServerResponse } from 'node:http';
import type { DoubleRequest } from '../../http-double.js';
import { type AuditedStatement, auditStatement, expandStatements, type RuleLevels, type SourceStatement } from '../audit/engine.js';
import { fromMapper, fromText } from '../audit/inputs.js';
import { summarize } from '../audit/score.js';
import type { Context } from '../context.js';
import { bindRequest } from '../http/bind.js';
import { type Lang, requestLang } from '../http/lang.js';
import { codeError, json } from '../http/reply.js';
import type { User } from '../state.js';
import { joinedMessages, resultView } from '../views.js';

export const COULD_NOT_FORWARD = 'remote sqle(http://127.0.0.1:10001) unreachable, could not forward: EOF';
const AUDIT_FAILED = 'audit failed, please confirm whether the type of audit plugin supports static audit, please check the log for details';

function required(req: DoubleRequest, res: ServerResponse, struct: string, fields: Record<string, string>, names: string[]): boolean {
  const missing = names.filter((n) => !fields[n]);
  if (missing.length > 0) codeError(req, res, 4013, missing.map((n) => `${struct}.${n} is required`).join('; '));
  return missing.length === 0;
}

function runAudit(ctx: Context, dbType: string, statements: SourceStatement[], levels: RuleLevels | undefined): AuditedStatement[] | undefined {
  ctx.state.nextTaskId();
  if (!ctx.options.drivers.includes(dbType)) return undefined;
  return expandStatements(statements).map((s) => auditStatement(s, levels ?? (() => undefined)));
}

function reply(req: DoubleRequest, res: ServerResponse, audited: AuditedStatement[], result: (s: AuditedStatement) => unknown): void {
  const summary = summarize(audited.map((a) => a.level));
  const sql_results = audited.map((s, i) => ({ number: i + 1, exec_sql: s.sql, audit_result: result(s), audit_level: s.level }));
  json(req, res, 200, { code: 0, message: '', data: { audit_level: summary.auditLevel, score: summary.score, pass_rate: summary.passRate, sql_results } });
}

const v2Results = (lang: Lang) => (s: AuditedStatement) => s.results.map((r) => resultView(r, lang, ''));

function statementsOf(sqlType: string, contents: string[]): SourceStatement[] {
  return sqlType === 'mybatis' ? contents.flatMap((c) => fromMapper(c, '')) : fromText(contents[0] ?? '', '');
}

/** POST /v2/sql_audit: project by uid, template required; an unknown template just means no rules. */
export function sqlAuditV2(ctx: Context, req: DoubleRequest, res: ServerResponse): void {
  const bound = bindRequest(req, res, 'DirectAuditReqV2', ['instance_type', 'sql_content', 'sql_type', 'project_id', 'rule_template_name']);
  if (!bound || !required(req, res, 'DirectAuditReqV2', bound.fields, ['instance_type', 'sql_content', 'project_id', 'rule_template_name'])) return;
  const f = bound.fields;
  const audited = runAudit(ctx, f.instance_type ?? '', statementsOf(f.sql_type ?? '', [f.sql_content ?? '']), ctx.ruleLevels(f.rule_template_name ?? ''));
  if (!audited) return codeError(req, res, 9999, AUDIT_FAILED);
  reply(req, res, audited, v2Results(requestLang(req.headers)));
}

/** POST /v2/audit_files: only file_contents[0] is audited for sql_type "sql". */
export function auditFilesV2(ctx: Context, req: DoubleRequest, res: ServerResponse, user: User): void {
  const bound = bindRequest(req, res, 'AuditFileReqV2', ['instance_type', 'sql_type', 'project_name', 'instance_name', 'schema_name']);
  if (!bound || !required(req, res, 'AuditFileReqV2', bound.fields, ['instance_type', 'project_name'])) return;
  const f = bound.fields;
  const project = ctx.state.projectByName(f.project_name ?? '');
  if (!project) return codeError(req, res, -1, `project ${f.project_name} not found`);
  if (!project.members.includes(user.uid)) return codeError(req, res, 3001, 'you are not the project member');
  const contents = Array.isArray(bound.json.file_contents) ? bound.json.file_contents.filter((c): c is string => typeof c === 'string') : [];
  if (contents.length === 0) return codeError(req, res, -1, 'file_contents is required');
  const type = f.instance_type ?? '';
  const audited = runAudit(ctx, type, statementsOf(f.sql_type ?? '', contents), ctx.ruleLevels(`default_${type}`));
  if (!audited) return codeError(req, res, 9999, AUDIT_FAILED);
  reply(req, res, audited, v2Results(requestLang(req.headers)));
}

/** POST /v1/sql_audit (deprecated): without project_name the handler panics and DMS answers 502. */
export function sqlAuditV1(ctx: Context, req: DoubleRequest, res: ServerResponse): void {
  const bound = bindRequest(req, res, 'DirectAuditReqV1', ['instance_type', 'sql_content', 'sql_type', 'project_name', 'instance_name', 'schema_name']);
  if (!bound) return;
  const f = bound.fields;
  if (!f.project_name) return json(req, res, 502, { message: COULD_NOT_FORWARD });
  if (!required(req, res, 'DirectAuditReqV1', f, ['instance_type', 'sql_content'])) return;
  if (!ctx.state.projectByName(f.project_name)) return codeError(req, res, -1, `project ${f.project_name} not found`);
  const type = f.instance_type ?? '';
  const audited = runAudit(ctx, type, statementsOf(f.sql_type ?? '', [f.sql_content ?? '']), ctx.ruleLevels(`default_${type}`));
  if (!audited) return codeError(req, res, 9999, AUDIT_FAILED);
  const lang = requestLang(req.headers);
  reply(req, res, audited, (s) => joinedMessages(s, lang));
}

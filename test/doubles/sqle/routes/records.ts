// /v1/projects/{project}/sql_audit_records: create (synchronous audit), list, detail.
import type { ServerResponse } from 'node:http';
import type { DoubleRequest } from '../../http-double.js';
import { auditStatement, expandStatements } from '../audit/engine.js';
import { fromMapperFile, fromSqlFile, fromText, fromZip, type ReadInput, type SqlSource, ZipError } from '../audit/inputs.js';
import { summarize } from '../audit/score.js';
import type { Context } from '../context.js';
import { bindRequest, requiredUints } from '../http/bind.js';
import { codeError, json } from '../http/reply.js';
import type { Project, Task, User } from '../state.js';
import { recordView, taskView } from '../views.js';

const FIELDS = ['db_type', 'instance_name', 'instance_schema', 'rule_template_name', 'sqls', 'git_http_url', 'git_user_name', 'git_user_password'] as const;

type Input = { input: ReadInput; source: SqlSource } | { code: number; message: string };

function readInput(ctx: Context, sqls: string, bound: NonNullable<ReturnType<typeof bindRequest>>): Input {
  if (sqls !== '') return { input: { statements: fromText(sqls, ''), files: [] }, source: 'form_data' };
  if (!bound.multipart) return { code: 5003, message: "request Content-Type isn't multipart/form-data" };
  const sqlFile = bound.files.get('input_sql_file');
  if (sqlFile) return { input: fromSqlFile(sqlFile.data, sqlFile.filename ?? ''), source: 'sql_file' };
  const xmlFile = bound.files.get('input_mybatis_xml_file');
  if (xmlFile) return { input: fromMapperFile(xmlFile.data, xmlFile.filename ?? ''), source: 'mybatis_xml_file' };
  const zip = bound.files.get('input_zip_file');
  if (zip) {
    if (zip.data.length > ctx.options.zipSizeCap) return { code: -1, message: "file can't be bigger than 10M" };
    try {
      return { input: fromZip(zip.data), source: 'zip_file' };
    } catch (err) {
      if (err instanceof ZipError) return { code: -1, message: err.message };
      throw err;
    }
  }
  if (bound.fields.git_http_url) return { code: -1, message: 'git clone is not available in the SQLE test double' };
  return { code: 4013, message: 'url is not a git url' };
}

export async function createRecord(ctx: Context, req: DoubleRequest, res: ServerResponse, user: User, project: Project): Promise<void> {
  const startedAt = ctx.elapsedMs();
  const bound = bindRequest(req, res, 'CreateSQLAuditRecordReqV1', FIELDS);
  if (!bound) return;
  const f = bound.fields as Record<(typeof FIELDS)[number], string>;
  if (f.db_type === '' && f.instance_name === '') return codeError(req, res, 4013, "db_type and instance_name can't both be empty");
  if (project.archived) return codeError(req, res, -1, 'project is archived');
  if (f.rule_template_name !== '' && !ctx.options.ruleTemplates.includes(f.rule_template_name)) return codeError(req, res, 4011, `rule template ${f.rule_template_name} not exist`);
  const instance = f.instance_name === '' ? undefined : ctx.state.instances.find((i) => i.name === f.instance_name && i.project === project.name);
  if (f.instance_name !== '' && !instance) return codeError(req, res, 4011, "instance is not exist or you can't access it");
  const read = readInput(ctx, f.sqls, bound);
  if ('code' in read) return codeError(req, res, read.code, read.message);
  const dbType = instance?.dbType ?? f.db_type;
  if (!ctx.options.drivers.includes(dbType)) return codeError(req, res, -1, 'open plugin failed: plugin not found');
  const statements = expandStatements(read.input.statements);
  const taskId = ctx.state.nextTaskId();
  if (statements.length > ctx.options.statementCap) {
    return codeError(req, res, -1, 'save sql audit record failed: Error 1390 (HY000): Prepared statement contains too many placeholders');
  }
  const levels = ctx.ruleLevels(f.rule_template_name || `default_${dbType}`) ?? (() => undefined);
  const rows = statements.map((s, i) => ({ ...auditStatement(s, levels), execSqlId: ctx.state.nextExecSqlId(), number: i + 1 }));
  const task: Task = { id: taskId, instanceName: instance?.name ?? '', dbType, schema: instance ? f.instance_schema : '', sqlSource: read.source, summary: summarize(rows.map((r) => r.level)), rows };
  ctx.state.tasks.set(taskId, task);
  const delay = ctx.options.auditDelayMs(statements.length);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  const id = ctx.state.nextRecordId();
  ctx.state.records.push({ id, taskId, project: project.name, creator: user.name, createdAt: new Date().toISOString(), files: read.input.files, statements: statements.length, startedAt, endedAt: ctx.elapsedMs() });
  json(req, res, 200, { code: 0, message: 'ok', data: { sql_audit_record_id: id, task: taskView(task) } });
}

export function listRecords(ctx: Context, req: DoubleRequest, res: ServerResponse, project: Project): void {
  const paging = requiredUints(req, res, 'GetSQLAuditRecordsReqV1', ['page_index', 'page_size']);
  if (!paging) return;
  const [index, size] = paging as [number, number];
  const ids = req.query.get('filter_sql_audit_record_ids')?.split(',').filter(Boolean);
  const status = req.query.get('filter_sql_audit_status');
  const matching = ctx.state.records
    .filter((r) => r.project === project.name && (!ids || ids.includes(r.id)) && (!status || status === 'successfully'))
    .slice()
    .reverse();
  const page = matching.slice((index - 1) * size, index * size);
  json(req, res, 200, { code: 0, message: 'ok', data: page.map((r) => recordView(r, ctx.state.tasks.get(r.taskId) as Task, true)), total_nums: matching.length });
}

export function recordDetail(ctx: Context, req: DoubleRequest, res: ServerResponse, project: Project, id: string): void {
  const record = ctx.state.records.find((r) => r.id === id && r.project === project.name);
  if (!record) return codeError(req, res, 4011, 'can not find record');
  json(req, res, 200, { code: 0, message: 'ok', data: recordView(record, ctx.state.tasks.get(record.taskId) as Task, false) });
}

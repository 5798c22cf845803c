// Task routes (not project-scoped; offline tasks are readable by any authenticated user).
import type { ServerResponse } from 'node:http';
import type { DoubleRequest } from '../../http-double.js';
import type { Context } from '../context.js';
import { requiredUints } from '../http/bind.js';
import { requestLang } from '../http/lang.js';
import { codeError, json, send } from '../http/reply.js';
import type { Task } from '../state.js';
import { rowV1, rowV2, sqlReportCsv, taskView } from '../views.js';

function findTask(ctx: Context, req: DoubleRequest, res: ServerResponse, id: string): Task | undefined {
  const task = /^\d+$/.test(id) ? ctx.state.tasks.get(Number(id)) : undefined;
  if (!task) codeError(req, res, 4011, "task is not exist or you can't access it");
  return task;
}

function page<T>(rows: T[], index: number, size: number): T[] {
  return rows.slice((index - 1) * size, index * size);
}

function filteredRows(task: Task, req: DoubleRequest): Task['rows'] {
  const level = req.query.get('filter_audit_level');
  return level ? task.rows.filter((r) => r.level === level) : task.rows;
}

/** The v1 and v2 listings differ only in their request name and in how a row is shown. */
function taskSqls(version: 'V1' | 'V2', ctx: Context, req: DoubleRequest, res: ServerResponse, id: string): void {
  const paging = requiredUints(req, res, `GetAuditTaskSQLsReq${version}`, ['page_index', 'page_size']);
  if (!paging) return;
  const task = findTask(ctx, req, res, id);
  if (!task) return;
  const [index, size] = paging as [number, number];
  const rows = filteredRows(task, req);
  const lang = requestLang(req.headers);
  const show = version === 'V2' ? (r: Task['rows'][number]) => rowV2(r, lang, task.dbType) : (r: Task['rows'][number]) => rowV1(r, lang);
  json(req, res, 200, { code: 0, message: 'ok', data: page(rows, index, size).map(show), total_nums: rows.length });
}

export function taskSqlsV2(ctx: Context, req: DoubleRequest, res: ServerResponse, id: string): void {
  taskSqls('V2', ctx, req, res, id);
}

export function taskSqlsV1(ctx: Context, req: DoubleRequest, res: ServerResponse, id: string): void {
  taskSqls('V1', ctx, req, res, id);
}

export function taskSummary(ctx: Context, req: DoubleRequest, res: ServerResponse, id: string): void {
  const task = findTask(ctx, req, res, id);
  if (task) json(req, res, 200, { code: 0, message: 'ok', data: taskView(task, true) });
}

/** Audit records keep no per-file rows, so the file list of their tasks is empty (162). */
export function taskFiles(ctx: Context, req: DoubleRequest, res: ServerResponse, id: string): void {
  if (!requiredUints(req, res, 'GetAuditFileListReqV2', ['page_index', 'page_size'])) return;
  if (findTask(ctx, req, res, id)) json(req, res, 200, { code: 0, message: 'ok', data: [], total_nums: 0 });
}

export function taskSqlReport(ctx: Context, req: DoubleRequest, res: ServerResponse, id: string): void {
  const task = findTask(ctx, req, res, id);
  if (task) send(req, res, 200, Buffer.from(sqlReportCsv(task)), 'text/csv', { 'content-disposition': `attachment; filename=SQL_audit_report__${task.id}.csv` });
}

// Read-only SQLE routes: rule templates, system variables, drivers.
import type { ServerResponse } from 'node:http';
import type { DoubleRequest } from '../../http-double.js';
import { type Context, defaultMySqlRules } from '../context.js';
import { requiredUints } from '../http/bind.js';
import { codeError, json } from '../http/reply.js';

function templateDbType(name: string): string {
  return name.startsWith('default_') ? name.slice('default_'.length) : 'MySQL';
}

export function ruleTemplates(ctx: Context, req: DoubleRequest, res: ServerResponse): void {
  const paging = requiredUints(req, res, 'GetRuleTemplatesReqV1', ['page_index', 'page_size']);
  if (!paging) return;
  const [index, size] = paging as [number, number];
  const dbType = req.query.get('filter_db_type');
  const all = ctx.options.ruleTemplates.filter((t) => !dbType || templateDbType(t) === dbType);
  const data = all.slice((index - 1) * size, index * size).map((t) => ({ rule_template_name: t, desc: t.startsWith('default_') ? '默认规则模板' : '', db_type: templateDbType(t) }));
  json(req, res, 200, { code: 0, message: 'ok', data, total_nums: all.length });
}

export function ruleTemplate(ctx: Context, req: DoubleRequest, res: ServerResponse, name: string): void {
  if (!ctx.options.ruleTemplates.includes(name)) return codeError(req, res, 4011, 'rule template is not exist');
  json(req, res, 200, { code: 0, message: 'ok', data: { rule_template_name: name, desc: '', db_type: templateDbType(name), rule_list: defaultMySqlRules } });
}

export function systemVariables(req: DoubleRequest, res: ServerResponse): void {
  json(req, res, 200, { code: 0, message: 'ok', data: { url: '', operation_record_expired_hours: 2160, cb_operation_logs_expired_hours: 2160 } });
}

export function drivers(ctx: Context, req: DoubleRequest, res: ServerResponse): void {
  json(req, res, 200, { code: 0, message: 'ok', data: ctx.options.drivers.map((d) => ({ driver_name: d, logo_path: '', default_port: d === 'MySQL' ? 3306 : 0 })) });
}

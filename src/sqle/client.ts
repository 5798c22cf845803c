import { FormData } from 'undici';
import type { z } from 'zod';
import type { HttpRequest, HttpService } from '../http/types.js';
import type { Language } from '../model.js';
import { acceptReply } from './reply.js';
import { auditRecordReply, projectsReply, taskSqlsReply, type TaskSql } from './schemas.js';
import type { SqleSession } from './session.js';

export interface AuditTarget {
  dbType: string;
  instanceName?: string;
  instanceSchema?: string;
  ruleTemplate?: string;
}

export interface CreatedRecord {
  recordId: string;
  taskId: number;
  score?: number;
  passRate?: number;
}

export interface SqleClient {
  projectUid(): Promise<string | undefined>;
  createAuditRecord(zip: Uint8Array, target: AuditTarget): Promise<CreatedRecord>;
  taskSqls(taskId: number, pageIndex: number, pageSize: number): Promise<{ rows: TaskSql[]; total: number }>;
}

export function createSqleClient(deps: { sqle: HttpService; dms: HttpService; session: SqleSession; project: string; language: Language }): SqleClient {
  const { sqle, dms, session, project } = deps;
  const acceptLanguage = deps.language === 'zh' ? 'zh-CN' : 'en-US';

  async function call<S extends z.ZodType>(service: HttpService, req: HttpRequest, schema: S): Promise<z.infer<S>> {
    const send = (token: string) =>
      service.request({ ...req, headers: { ...req.headers, authorization: `Bearer ${token}`, 'accept-language': acceptLanguage } });
    const token = session.token();
    let res = await send(token);
    if (res.status === 401 && (await session.renew(token))) res = await send(session.token());
    return acceptReply(req, res, schema, { login: session.kind, project });
  }

  return {
    async projectUid() {
      const reply = await call(
        dms,
        { method: 'GET', path: '/v1/dms/projects', query: { page_size: 10, page_index: 1, filter_by_name: project } },
        projectsReply,
      );
      return reply.data?.find((p) => p.name === project)?.uid;
    },

    async createAuditRecord(zip, target) {
      const form = new FormData();
      if (target.instanceName) {
        form.set('instance_name', target.instanceName);
        if (target.instanceSchema) form.set('instance_schema', target.instanceSchema);
      } else {
        form.set('db_type', target.dbType);
      }
      if (target.ruleTemplate) form.set('rule_template_name', target.ruleTemplate);
      form.set('input_zip_file', new Blob([zip], { type: 'application/zip' }), 'sql.zip');
      const reply = await call(
        sqle,
        { method: 'POST', path: `/sqle/v1/projects/${encodeURIComponent(project)}/sql_audit_records`, body: form },
        auditRecordReply,
      );
      const task = reply.data.task;
      return { recordId: reply.data.sql_audit_record_id, taskId: task.task_id, score: task.score, passRate: task.pass_rate };
    },

    async taskSqls(taskId, pageIndex, pageSize) {
      const reply = await call(
        sqle,
        { method: 'GET', path: `/sqle/v2/tasks/audits/${taskId}/sqls`, query: { page_index: pageIndex, page_size: pageSize } },
        taskSqlsReply,
      );
      return { rows: reply.data ?? [], total: reply.total_nums };
    },
  };
}

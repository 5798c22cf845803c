import type { z } from 'zod';
import { encodeMultipart } from '../http/multipart.js';
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
  /** `zip`: the zip file, whole or as the chunks it is made of. */
  createAuditRecord(zip: Uint8Array | readonly Uint8Array[], target: AuditTarget): Promise<CreatedRecord>;
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

  async function postAuditRecord(body: Uint8Array[], contentType: string): Promise<CreatedRecord> {
    const reply = await call(
      sqle,
      { method: 'POST', path: `/sqle/v1/projects/${encodeURIComponent(project)}/sql_audit_records`, headers: { 'content-type': contentType }, body },
      auditRecordReply,
    );
    const task = reply.data.task;
    return { recordId: reply.data.sql_audit_record_id, taskId: task.task_id, score: task.score, passRate: task.pass_rate };
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

    // Not async: the caller's zip is copied into the body here and not kept for the request's length.
    createAuditRecord(zip, target) {
      const { body, contentType } = encodeMultipart(
        {
          ...(target.instanceName
            ? { instance_name: target.instanceName, instance_schema: target.instanceSchema || undefined }
            : { db_type: target.dbType }),
          rule_template_name: target.ruleTemplate || undefined,
        },
        { name: 'input_zip_file', filename: 'sql.zip', type: 'application/zip', bytes: zip },
      );
      return postAuditRecord(body, contentType);
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

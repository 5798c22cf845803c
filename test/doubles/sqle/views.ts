// The JSON shapes SQLE 3.2412.1 answers with (recordings 30, 31, 33, 34, 52, 60, 89, 161).
import type { AuditResult, AuditedStatement } from './audit/engine.js';
import type { Lang } from './http/lang.js';
import type { AuditRecord, Task, TaskRow } from './state.js';

export function taskView(task: Task, withExecMode = false): Record<string, unknown> {
  return {
    task_id: task.id,
    instance_name: task.instanceName,
    instance_db_type: task.dbType,
    instance_schema: task.schema,
    audit_level: task.summary.auditLevel,
    score: task.summary.score,
    pass_rate: task.summary.passRate,
    status: 'audited',
    sql_source: task.sqlSource,
    ...(withExecMode ? { exec_mode: 'sqls' } : {}),
    enable_backup: false,
    backup_conflict_with_instance: false,
  };
}

/** One rule result; `db_type` is "MySQL" in task listings and "" in direct audits. */
export function resultView(r: AuditResult, lang: Lang, dbType: string): Record<string, unknown> {
  return {
    level: r.level,
    message: r.message[lang],
    rule_name: r.rule,
    db_type: dbType,
    i18n_audit_result_info: { en: { Message: r.message.en }, zh: { Message: r.message.zh } },
  };
}

export function joinedMessages(s: AuditedStatement, lang: Lang): string {
  return s.results.map((r) => r.message[lang]).join('\n');
}

export function rowV2(row: TaskRow, lang: Lang, dbType: string): Record<string, unknown> {
  return {
    exec_sql_id: row.execSqlId,
    number: row.number,
    exec_sql: row.sql,
    sql_source_file: row.file,
    sql_start_line: row.line,
    audit_result: row.results.length > 0 ? row.results.map((r) => resultView(r, lang, dbType)) : null,
    audit_level: row.level,
    audit_status: 'finished',
    exec_result: '',
    exec_status: 'initialized',
    description: '',
    sql_type: row.sqlType,
    backup_strategy: '',
    backup_strategy_tip: '',
    backup_status: '',
    backup_result: '',
    associated_rollback_workflows: null,
  };
}

export function rowV1(row: TaskRow, lang: Lang): Record<string, unknown> {
  return { number: row.number, exec_sql: row.sql, audit_result: joinedMessages(row, lang), audit_level: row.level, audit_status: 'finished', exec_result: '', exec_status: 'initialized', description: '' };
}

export function recordView(record: AuditRecord, task: Task, inList: boolean): Record<string, unknown> {
  return {
    // The detail route answers creator "" while the list shows the user (161 vs 89).
    creator: inList ? record.creator : '',
    sql_audit_record_id: record.id,
    sql_audit_status: 'successfully',
    tags: null,
    task: taskView(task),
    ...(inList ? { created_at: record.createdAt } : {}),
  };
}

function csvField(field: string): string {
  const needsQuotes = field !== '' && (/[",\r\n]/.test(field) || /^\s/u.test(field));
  return needsQuotes ? `"${field.replace(/"/g, '""')}"` : field;
}

/** GET /v1/tasks/audits/{id}/sql_report: a UTF-8 BOM, Chinese headers, one row per SQL (163). */
export function sqlReportCsv(task: Task): string {
  const header = ['序号', 'SQL', 'SQL审核状态', 'SQL审核结果', 'SQL执行状态', 'SQL执行结果', 'SQL对应的回滚语句', 'SQL描述'];
  const rows = task.rows.map((r) => [String(r.number), r.sql, '审核完成', r.results.length > 0 ? joinedMessages(r, 'zh') : '审核通过', '准备执行', '', '', '']);
  return '\ufeff' + [header, ...rows].map((cols) => cols.map(csvField).join(',')).join('\n') + '\n';
}

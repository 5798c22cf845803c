// Report rows for planned statements.
import type { DliStatement, DliStatementStatus } from '../model.js';
import type { PlannedStatement } from './plan.js';

export function reportRow(
  planned: PlannedStatement,
  status: DliStatementStatus,
  extra: Pick<DliStatement, 'jobId' | 'durationMs' | 'message'> = {},
): DliStatement {
  const row: DliStatement = {
    file: planned.file,
    startLine: planned.startLine,
    endLine: planned.endLine,
    sql: planned.sql,
    kind: planned.classification.kind,
    verb: planned.classification.verb,
    status,
  };
  if (extra.jobId !== undefined) row.jobId = extra.jobId;
  if (extra.durationMs !== undefined) row.durationMs = extra.durationMs;
  const message = extra.message ?? planned.note;
  if (message !== undefined) row.message = message;
  return row;
}

/** Non-DDL statements are listed as not submitted; DDL ones get `ddlStatus`. */
export function untouchedRows(planned: PlannedStatement[], ddlStatus: DliStatementStatus): DliStatement[] {
  return planned.map((p) => reportRow(p, p.classification.kind === 'ddl' ? ddlStatus : 'not-submitted'));
}

export function location(p: Pick<PlannedStatement, 'file' | 'startLine'>): string {
  return `${p.file}:${p.startLine}`;
}

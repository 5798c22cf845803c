import type { Log } from '../log.js';
import type { AuditRecord, Language } from '../model.js';
import type { AuditTarget, SqleClient } from '../sqle/client.js';
import type { TaskSql } from '../sqle/schemas.js';
import { placeRows, type PlacedStatement } from './place.js';
import { planRecords, type PlannedRecord } from './plan.js';
import type { SourceFile } from './sources.js';
import { buildZip, entryNames } from './zip.js';

export interface AuditOutcome {
  placed: PlacedStatement[];
  records: AuditRecord[];
  /** One line per record that could not be completed. */
  errors: string[];
}

export interface AuditDeps {
  client: SqleClient;
  sources: readonly SourceFile[];
  target: AuditTarget;
  language: Language;
  /** Builds the web link of a record once the project uid is known. */
  recordUrl: (recordId: string) => Promise<string | undefined>;
  log: Log;
}

/**
 * Audits the files in as many records as SQLE's caps require, all posted at once (the HTTP layer
 * keeps them within `concurrency`); a failed record is reported and the others still count.
 */
export async function runAudit(deps: AuditDeps): Promise<AuditOutcome> {
  const plan = planRecords(deps.sources);
  if (plan.length > 1) deps.log.info(`Auditing ${deps.sources.length} files in ${plan.length} SQLE audit records (SQLE stores at most 3,120 statements and 10 MiB per record).`);
  const outcomes = await Promise.all(plan.map((record, i) => auditRecord(deps, record, i + 1, plan.length)));
  return {
    placed: outcomes.flatMap((o) => o.placed),
    records: outcomes.map((o) => o.record),
    errors: outcomes.flatMap((o) => (o.record.error ? [o.record.error] : [])),
  };
}

async function auditRecord(deps: AuditDeps, planned: PlannedRecord, index: number, of: number): Promise<{ record: AuditRecord; placed: PlacedStatement[] }> {
  const files = [...new Set(planned.units.map((u) => u.source.path))];
  const record: AuditRecord = { files, statements: planned.statements };
  const label = of > 1 ? `audit record ${index} of ${of}` : 'the audit record';
  try {
    const names = entryNames(planned.units);
    const zip = buildZip(planned.units, names);
    const created = await deps.client.createAuditRecord(zip, deps.target);
    record.id = created.recordId;
    record.taskId = created.taskId;
    record.score = created.score;
    record.passRate = created.passRate;
    const [url, rows] = await Promise.all([deps.recordUrl(created.recordId), allTaskSqls(deps.client, created.taskId, planned.statements)]);
    record.url = url;
    record.statements = rows.length;
    deps.log.debug(`SQLE audited ${label}: record ${created.recordId}, task ${created.taskId}, ${rows.length} statements.`);
    return { record, placed: placeRows(rows, planned.units, names, deps.language) };
  } catch (err) {
    record.error = `SQLE could not complete ${label} (${describeFiles(files)}): ${(err as Error).message}`;
    return { record, placed: [] };
  }
}

/** The first page sized to hold the whole record; any further pages fetched in parallel. */
async function allTaskSqls(client: SqleClient, taskId: number, expected: number): Promise<TaskSql[]> {
  const pageSize = Math.min(5000, Math.max(100, expected + 100));
  const first = await client.taskSqls(taskId, 1, pageSize);
  const pages = Math.ceil(first.total / pageSize);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => client.taskSqls(taskId, i + 2, pageSize)));
  return [first, ...rest].flatMap((page) => page.rows);
}

function describeFiles(files: readonly string[]): string {
  const shown = files.slice(0, 5).join(', ');
  return files.length > 5 ? `${shown} and ${files.length - 5} more files` : shown;
}

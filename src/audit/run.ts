import type { Log } from '../log.js';
import type { AuditRecord, Language } from '../model.js';
import type { AuditTarget, CreatedRecord, SqleClient } from '../sqle/client.js';
import type { TaskSql } from '../sqle/schemas.js';
import { createByteBudget } from './budget.js';
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
  const budgets = { posting: createByteBudget(POSTING_BYTES), results: createByteBudget(RESULT_BYTES) };
  const outcomes = await Promise.all(plan.map((record, i) => auditRecord(deps, budgets, record, i + 1, plan.length)));
  return {
    placed: outcomes.flatMap((o) => o.placed),
    records: outcomes.map((o) => o.record),
    errors: outcomes.flatMap((o) => (o.record.error ? [o.record.error] : [])),
  };
}

/**
 * Memory, not round trips, bounds huge audits: zips being posted, and records whose results are
 * being fetched and placed (SQLE returns every statement's text), are each held to a byte budget.
 * A pull request of ordinary files fits in one go, so its records still all go at once.
 */
const POSTING_BYTES = 24 * 1024 * 1024;
const RESULT_BYTES = 12 * 1024 * 1024;

interface Budgets {
  posting: ReturnType<typeof createByteBudget>;
  results: ReturnType<typeof createByteBudget>;
}

async function auditRecord(
  deps: AuditDeps,
  budgets: Budgets,
  planned: PlannedRecord,
  index: number,
  of: number,
): Promise<{ record: AuditRecord; placed: PlacedStatement[] }> {
  const files = [...new Set(planned.units.map((u) => u.source.path))];
  const record: AuditRecord = { files, statements: planned.statements };
  const label = of > 1 ? `audit record ${index} of ${of}` : 'the audit record';
  try {
    const names = entryNames(planned.units);
    const created = await budgets.posting(planned.compressedBytes, () => postRecord(deps, planned, names));
    record.id = created.recordId;
    record.taskId = created.taskId;
    record.score = created.score;
    record.passRate = created.passRate;
    const [url, placed] = await Promise.all([
      deps.recordUrl(created.recordId),
      budgets.results(textBytes(planned), async () => {
        const rows = await allTaskSqls(deps.client, created.taskId, planned.statements);
        record.statements = rows.length;
        deps.log.debug(`SQLE audited ${label}: record ${created.recordId}, task ${created.taskId}, ${rows.length} statements.`);
        return placeRows(rows, planned.units, names, deps.language);
      }),
    ]);
    record.url = url;
    return { record, placed };
  } catch (err) {
    record.error = `SQLE could not complete ${label} (${describeFiles(files)}): ${(err as Error).message}`;
    return { record, placed: [] };
  }
}

/** The text of the statements a record carries: about what SQLE sends back for it. */
function textBytes(planned: PlannedRecord): number {
  return planned.units.reduce((sum, unit) => sum + (unit.source.xml ? unit.source.text.length : unit.statements.reduce((n, s) => n + s.end - s.start, 0)), 0);
}

/** Zipped here rather than in the caller, so no zip outlives the building of its request body. */
function postRecord(deps: AuditDeps, planned: PlannedRecord, names: readonly string[]): Promise<CreatedRecord> {
  return deps.client.createAuditRecord(buildZip(planned.units, names), deps.target);
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

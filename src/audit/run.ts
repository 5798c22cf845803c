import type { Log } from '../log.js';
import type { AuditRecord, Language } from '../model.js';
import type { AuditTarget, CreatedRecord, SqleClient } from '../sqle/client.js';
import type { TaskSql } from '../sqle/schemas.js';
import { createByteBudget } from './budget.js';
import { createPlacer, type PlacedStatement } from './place.js';
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
  const plan = await planRecords(deps.sources);
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
/** A page of results holds at most about this much statement text... */
const PAGE_BYTES = 2 * 1024 * 1024;
/** ...and two records' pages are placed at a time. */
const RESULT_BYTES = 2 * PAGE_BYTES;

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
    const text = textBytes(planned);
    const [url, placed] = await Promise.all([
      deps.recordUrl(created.recordId),
      budgets.results(Math.min(text, PAGE_BYTES), async () => {
        const placer = createPlacer(planned.units, names, deps.language);
        const rows = await eachTaskSqlPage(deps.client, created.taskId, pageSizeFor(planned, text), (page) => placer.add(page));
        record.statements = rows;
        deps.log.debug(`SQLE audited ${label}: record ${created.recordId}, task ${created.taskId}, ${rows} statements.`);
        return placer.placed();
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
  return planned.units.reduce((sum, unit) => sum + (unit.source.xml ? unit.source.content.length : unit.statements.reduce((n, s) => n + s.endByte - s.startByte, 0)), 0);
}

/** Zipped here rather than in the caller, so no zip outlives the building of its request body. */
async function postRecord(deps: AuditDeps, planned: PlannedRecord, names: readonly string[]): Promise<CreatedRecord> {
  return deps.client.createAuditRecord(await buildZip(planned.units, names), deps.target);
}

/**
 * Rows per page of a record's results: enough for the whole record in one page, unless its
 * statements are so large (SQLE returns each one's text) that a page would pass PAGE_BYTES.
 */
function pageSizeFor(planned: PlannedRecord, textBytes: number): number {
  const perStatement = textBytes / Math.max(1, planned.statements);
  return Math.max(1, Math.min(5000, planned.statements + 100, Math.floor(PAGE_BYTES / Math.max(1, perStatement))));
}

/**
 * Feeds a record's results to `place` page by page, in order, each page asked for once the one
 * before is placed, so that a huge record is never held whole. (Pages fetched ahead wait parsed,
 * survive V8's young collections, and V8 then grows its young generation to 128 MB: the 100 MB
 * file peaked 60–90 MB higher.) A record of ordinary statements is one page. Returns how many
 * rows SQLE listed.
 */
async function eachTaskSqlPage(client: SqleClient, taskId: number, pageSize: number, place: (rows: readonly TaskSql[]) => void): Promise<number> {
  let count = 0;
  for (let page = 1, pages = 1; page <= pages; page++) {
    const { rows, total } = await client.taskSqls(taskId, page, pageSize);
    place(rows);
    count += rows.length;
    pages = Math.ceil(total / pageSize);
  }
  return count;
}

function describeFiles(files: readonly string[]): string {
  const shown = files.slice(0, 5).join(', ');
  return files.length > 5 ? `${shown} and ${files.length - 5} more files` : shown;
}

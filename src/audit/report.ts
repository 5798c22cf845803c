import type { ChangedLines } from '../files/targets.js';
import { LEVEL_RANK, type AuditedFile, type FailOn, type Finding, type Report, type Result } from '../model.js';
import type { PlacedStatement } from './place.js';
import { countLevels, sqleScore } from './score.js';
import type { AuditOutcome } from './run.js';

export interface ReportContext {
  failOn: FailOn;
  reportLines: 'changed' | 'all';
  changedLines: ReadonlyMap<string, ChangedLines>;
  files: AuditedFile[];
  errors: string[];
  notes: string[];
}

/** Turns what SQLE found into the one report every reporter reads; counts cover every finding, annotated or not. */
export function buildAuditReport(outcome: AuditOutcome, ctx: ReportContext, base: Pick<Report, 'language' | 'serverUrl' | 'repository' | 'headSha' | 'runUrl'>): Report {
  const findings: Finding[] = outcome.placed.flatMap((statement) => {
    const onChangedLines = ctx.reportLines === 'all' || touches(ctx.changedLines.get(statement.path) ?? 'all', statement);
    return statement.findings.map((f) => ({ ...f, onChangedLines }));
  });
  const statementsByFile = new Map<string, number>();
  for (const s of outcome.placed) statementsByFile.set(s.path, (statementsByFile.get(s.path) ?? 0) + 1);
  const failed = new Set(outcome.records.filter((r) => r.error).flatMap((r) => r.files));
  const files = ctx.files.map((file) => ({
    ...file,
    statements: statementsByFile.get(file.path) ?? (failed.has(file.path) ? file.statements : 0),
    ...(failed.has(file.path) && !file.error ? { error: 'its SQLE audit record failed' } : {}),
  }));
  const single = outcome.records.length === 1 && !outcome.records[0]?.error ? outcome.records[0] : undefined;
  const computed = sqleScore(outcome.placed.map((s) => s.level));
  const errors = [...ctx.errors, ...outcome.errors];
  const counts = countLevels(findings.map((f) => f.level));
  return {
    ...base,
    result: decideResult(errors, findings, ctx.failOn),
    failOn: ctx.failOn,
    files,
    findings,
    records: outcome.records,
    statements: outcome.placed.length,
    score: single?.score ?? computed.score,
    passRate: single?.passRate ?? computed.passRate,
    counts,
    errors,
    notes: ctx.notes,
  };
}

export function decideResult(errors: readonly string[], findings: readonly Pick<Finding, 'level'>[], failOn: FailOn): Result {
  if (errors.length > 0) return 'error';
  if (failOn === 'never') return 'passed';
  const threshold = LEVEL_RANK[failOn];
  return findings.some((f) => LEVEL_RANK[f.level] >= threshold) ? 'failed' : 'passed';
}

function touches(changed: ChangedLines, statement: Pick<PlacedStatement, 'startLine' | 'endLine'>): boolean {
  if (changed === 'all') return true;
  if (changed === 'none') return false;
  for (let line = statement.startLine; line <= statement.endLine; line++) if (changed.has(line)) return true;
  return false;
}

// dli-mode: check — every DDL statement through check-sql, nothing run.
import type { Log } from '../log.js';
import type { DliReport, DliStatement } from '../model.js';
import type { DliClient } from './client.js';
import { dependency, touchedNames } from './dependencies.js';
import type { PlannedStatement } from './plan.js';
import { location, reportRow } from './statements.js';

export interface CheckDeps {
  client: DliClient;
  log: Log;
  now: () => number;
  /** Epoch ms after which no further statement is checked. */
  deadline: number;
  timeoutSeconds: number;
}

/** Syntax errors can never be blamed on DDL that has not run yet. */
const SYNTAX_ERROR = 'DLI.0004';

export async function checkStatements(deps: CheckDeps, planned: PlannedStatement[]): Promise<DliReport> {
  const rows: DliStatement[] = [];
  const touched = new Set<string>();
  let reason: string | undefined;
  let failed = false;
  for (const p of planned) {
    if (p.classification.kind !== 'ddl') {
      rows.push(reportRow(p, 'not-submitted'));
      continue;
    }
    if (reason !== undefined) {
      rows.push(reportRow(p, 'not-attempted'));
      continue;
    }
    if (deps.now() >= deps.deadline) {
      reason = `dli-timeout of ${deps.timeoutSeconds} s reached before every statement was checked`;
      rows.push(reportRow(p, 'not-attempted'));
      continue;
    }
    const started = deps.now();
    try {
      const check = await deps.client.checkSql(p.sql, p.currentdb);
      const durationMs = deps.now() - started;
      const dependsOn = check.ok || check.code === SYNTAX_ERROR ? undefined : dependency(p.sql, p.currentdb, touched);
      if (check.ok) rows.push(reportRow(p, 'check-ok', { durationMs }));
      else if (dependsOn) {
        const message = `Not verifiable before apply: depends on "${dependsOn}", changed by an earlier statement of this change (DLI said: ${check.message})`;
        rows.push(reportRow(p, 'not-verifiable', { durationMs, message }));
      } else {
        failed = true;
        rows.push(reportRow(p, 'check-failed', { durationMs, message: check.message }));
      }
      deps.log.info(`DLI check ${location(p)} ${p.classification.verb}: ${rows.at(-1)?.status}${check.ok ? '' : ` - ${check.message}`}`);
    } catch (err) {
      reason = err instanceof Error ? err.message : String(err);
      rows.push(reportRow(p, 'not-attempted', { message: reason }));
    }
    for (const name of touchedNames(p.classification, p.currentdb)) touched.add(name);
  }
  const report: DliReport = { mode: 'check', result: failed || reason !== undefined ? 'failed' : 'checked', statements: rows, jobIds: [] };
  if (reason !== undefined) report.reason = reason;
  else if (failed) report.reason = 'DLI rejected at least one DDL statement';
  return report;
}

// The JSON report behind the `report-file` output: every finding and every count, for machines.

import type { Report } from '../model.js';
import { sortFindings } from './findings.js';
import { ruleId } from './rule-id.js';

/** Bumped when a field changes meaning or disappears. */
export const JSON_REPORT_VERSION = 1;

/** Every finding (normal ones included), the files, records, totals, errors, notes and DLI. */
export function buildJsonReport(report: Report): object {
  return {
    version: JSON_REPORT_VERSION,
    result: report.result,
    failOn: report.failOn,
    language: report.language,
    repository: report.repository,
    headSha: report.headSha,
    counts: { ...report.counts },
    score: report.score,
    passRate: report.passRate,
    filesAudited: report.files.length,
    statementsAudited: report.statements,
    files: report.files.map((f) => ({ ...f })),
    records: report.records.map((r) => ({ ...r, files: [...r.files] })),
    findings: sortFindings(report.findings).map((f) => ({
      file: f.file,
      startLine: f.startLine,
      endLine: f.endLine,
      level: f.level,
      rule: f.rule,
      ruleId: ruleId(f),
      message: f.message,
      onChangedLines: f.onChangedLines,
    })),
    errors: [...report.errors],
    notes: [...report.notes],
    dli: report.dli === undefined ? null : structuredClone(report.dli),
  };
}

import type { Report } from '../model.js';

/** The step outputs of the contract, from the report. */
export function reportOutputs(report: Report, paths: { reportFile?: string; sarifFile?: string }): Record<string, string> {
  const firstUrl = report.records.find((r) => r.url)?.url ?? '';
  return {
    result: report.result,
    'error-count': String(report.counts.error),
    'warning-count': String(report.counts.warn),
    'notice-count': String(report.counts.notice),
    'files-audited': String(report.files.filter((f) => !f.error).length),
    'statements-audited': String(report.statements),
    score: String(report.score),
    'pass-rate': String(report.passRate),
    'audit-url': firstUrl,
    'report-file': paths.reportFile ?? '',
    'sarif-file': paths.sarifFile ?? '',
    'dli-job-ids': JSON.stringify(report.dli?.jobIds ?? []),
    'dli-result': report.dli?.result ?? 'skipped',
  };
}

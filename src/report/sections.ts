// Markdown pieces shared by the job summary, the pull-request comment and the check-run output.
// Every untrusted value goes through escapeInline; links through lineUrl/markdownLink.

import type { AuditRecord, Finding, Language, Level, Report } from '../model.js';
import { Budget, fitItems } from './budget.js';
import { escapeInline } from './escape.js';
import { type FileFindings } from './findings.js';
import { LEVEL_ICON, formatNumber, lineRange, percent, tableHead, tableRow } from './format.js';
import { text } from './i18n.js';
import { lineUrl, markdownLink } from './links.js';
import { syntheticKind } from './rule-id.js';

const LEVELS: readonly Level[] = ['error', 'warn', 'notice', 'normal'];
const RESULT_ICON = { passed: '✅', failed: '❌', error: '⚠️' } as const;
/** Files named per failed record before "… and N more". */
const RECORD_FILES_SHOWN = 10;

export function resultBanner(report: Report): string {
  const { language: lang } = report;
  const label =
    report.result === 'passed'
      ? text(lang, 'resultPassed')
      : report.result === 'failed'
        ? text(lang, 'resultFailed', report.failOn)
        : text(lang, 'resultError');
  return `${RESULT_ICON[report.result]} ${label}`;
}

function failOnLabel(report: Report): string {
  return report.failOn === 'never' ? text(report.language, 'failOnNever') : text(report.language, 'level', report.failOn);
}

/** Totals by level, score, pass rate and sizes as a one-row table. */
export function totalsTable(report: Report): string[] {
  const lang = report.language;
  const headers = [
    ...LEVELS.map((level) => `${LEVEL_ICON[level]} ${text(lang, 'levelPlural', level)}`),
    text(lang, 'score'),
    text(lang, 'passRate'),
    text(lang, 'filesAudited'),
    text(lang, 'statementsAudited'),
    text(lang, 'failOn'),
  ];
  const values = [
    ...LEVELS.map((level) => formatNumber(report.counts[level])),
    formatNumber(report.score),
    percent(report.passRate),
    formatNumber(report.files.length),
    formatNumber(report.statements),
    failOnLabel(report),
  ];
  return [...tableHead(headers, headers.map(() => 'right')), tableRow(values)];
}

/** The same totals on one line, for compact reports. */
export function totalsLine(report: Report): string {
  const lang = report.language;
  const levels = LEVELS.map((level) => `${LEVEL_ICON[level]} ${text(lang, 'levelPlural', level)} **${formatNumber(report.counts[level])}**`);
  return [
    ...levels,
    `${text(lang, 'score')} **${formatNumber(report.score)}**`,
    `${text(lang, 'passRate')} **${percent(report.passRate)}**`,
    `${text(lang, 'filesAudited')} **${formatNumber(report.files.length)}**`,
    `${text(lang, 'statementsAudited')} **${formatNumber(report.statements)}**`,
  ].join(' · ');
}

function fileList(files: readonly string[], lang: Language): string {
  const shown = files.slice(0, RECORD_FILES_SHOWN).map((f) => `<code>${escapeInline(f, 300)}</code>`);
  const rest = files.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} ${text(lang, 'moreItems', rest)}` : shown.join(', ');
}

function recordLine(record: AuditRecord, index: number, lang: Language): string {
  const id = record.id ?? (record.taskId !== undefined ? String(record.taskId) : String(index + 1));
  const label = escapeInline(text(lang, 'recordLabel', id), 200);
  const link = record.url !== undefined ? markdownLink(label, record.url) : `${label} (${text(lang, 'recordNoLink')})`;
  if (record.error !== undefined) {
    return `❌ ${link}: ${text(lang, 'recordFailed', fileList(record.files, lang), escapeInline(record.error, 1000))}`;
  }
  return record.files.length > 0 ? `${link}: ${fileList(record.files, lang)}` : link;
}

/** The SQLE audit record link(s); failed records name their files and the error. */
export function recordLines(report: Report): string[] {
  const lang = report.language;
  const [only, ...more] = report.records;
  if (only === undefined) return [];
  if (more.length === 0) return [`**${text(lang, 'auditRecord')}:** ${recordLine(only, 0, lang)}`];
  return [`**${text(lang, 'auditRecords')}:**`, '', ...report.records.map((r, i) => `- ${recordLine(r, i, lang)}`)];
}

/** A bulleted list of untrusted strings (errors, notes) that fits `limit`. */
export function bulletList(items: readonly string[], budget: Budget, lang: Language, maxLength = 2000): string[] {
  return fitItems(items, (item) => [`- ${escapeInline(item, maxLength)}`], budget, (n) => `- ${text(lang, 'rowsCut', n)}`);
}

/** The rule column: `<code>rule_name</code>`, or a label for SQLE's rule-less results. */
export function ruleLabel(finding: Finding, lang: Language): string {
  if (finding.rule !== '') return `<code>${escapeInline(finding.rule, 200)}</code>`;
  return `<i>${text(lang, 'synthetic', syntheticKind(finding.message))}</i>`;
}

export interface FindingLineOptions {
  messageLength: number;
  /** Mark findings whose statement touches no changed line. */
  markUnchanged: boolean;
}

/** `- 🔴 error [L4–L6](link) <code>rule</code> message` */
export function findingLine(report: Report, finding: Finding, options: FindingLineOptions): string {
  const lang = report.language;
  const lines = lineRange(finding.startLine, finding.endLine);
  const where = markdownLink(lines, lineUrl(report, finding.file, finding.startLine, finding.endLine));
  const unchanged = options.markUnchanged && !finding.onChangedLines ? ` <sub>(${text(lang, 'notChanged')})</sub>` : '';
  return (
    `- ${LEVEL_ICON[finding.level]} ${text(lang, 'level', finding.level)} ${where} ${ruleLabel(finding, lang)} ` +
    `${escapeInline(finding.message, options.messageLength)}${unchanged}`
  );
}

export interface GroupsRendering {
  lines: string[];
  shown: number;
  omitted: number;
}

/**
 * Findings grouped by file within `budget`, keeping `reserve` free for the caller's closing note.
 * A file's heading is printed only together with at least one of its findings.
 */
export function findingGroups(
  report: Report,
  groups: readonly FileFindings[],
  budget: Budget,
  reserve: number,
  heading: (file: string, count: number) => string[],
  options: FindingLineOptions,
): GroupsRendering {
  const lines: string[] = [];
  const total = groups.reduce((sum, g) => sum + g.findings.length, 0);
  let shown = 0;
  let full = false;
  for (const group of groups) {
    if (full) break;
    let headed = false;
    for (const finding of group.findings) {
      const line = findingLine(report, finding, options);
      const chunk = headed ? [line] : [...heading(group.file, group.findings.length), line];
      if (!budget.take(chunk, reserve)) {
        full = true;
        break;
      }
      lines.push(...chunk);
      headed = true;
      shown += 1;
    }
    if (headed) {
      budget.force(['']);
      lines.push('');
    }
  }
  return { lines, shown, omitted: total - shown };
}

// The DLI part of the job summary: what each DDL statement became, and what was not sent.

import type { DliReport, DliStatement, DliStatementStatus, Language, Report } from '../model.js';
import { Budget, fitItems } from './budget.js';
import { codeBlock, escapeInline, truncate } from './escape.js';
import { duration, tableHead, tableRow } from './format.js';
import { text } from './i18n.js';
import { lineUrl, markdownLink } from './links.js';

const STATUS_ICON: Record<DliStatementStatus, string> = {
  finished: '✅',
  'already-applied': '☑️',
  failed: '❌',
  cancelled: '⛔',
  'not-attempted': '⏭️',
  'check-ok': '✅',
  'check-failed': '❌',
  'not-verifiable': '❔',
  'not-submitted': '➖',
};
const FAILED: ReadonlySet<DliStatementStatus> = new Set(['failed', 'check-failed', 'cancelled']);
/** Failed statements whose SQL is shown in full (within the budget). */
const FAILED_SQL_SHOWN = 20;
const FAILED_SQL_LENGTH = 4000;

function firstLine(sql: string): string {
  return sql.split(/\r\n|[\r\n]/).find((line) => line.trim() !== '')?.trim() ?? '';
}

function where(report: Report, s: DliStatement): string {
  const label = `<code>${escapeInline(`${s.file}:${s.startLine}`, 300)}</code>`;
  return markdownLink(label, lineUrl(report, s.file, s.startLine, s.endLine));
}

function statementRow(report: Report, s: DliStatement, lang: Language): string[] {
  return [
    tableRow([
      `${where(report, s)} <code>${escapeInline(firstLine(s.sql), 120)}</code>`,
      s.jobId !== undefined ? `<code>${escapeInline(s.jobId, 100)}</code>` : '–',
      `${STATUS_ICON[s.status]} ${text(lang, 'dliStatus', s.status)}`,
      duration(s.durationMs),
      s.message !== undefined ? escapeInline(s.message, 1000) : '',
    ]),
  ];
}

function failedSql(report: Report, s: DliStatement, lang: Language): string[] {
  const label = escapeInline(`${s.file}:${s.startLine}`, 300);
  return [
    `<details><summary>${text(lang, 'dliFailedSql', label)}</summary>`,
    '',
    codeBlock(truncate(s.sql, FAILED_SQL_LENGTH), 'sql'),
    '',
    '</details>',
    '',
  ];
}

function overview(dli: DliReport, lang: Language): string {
  const parts = [
    `${text(lang, 'dliModeLabel')}: **${text(lang, 'dliMode', dli.mode)}**`,
    `${text(lang, 'dliResultLabel')}: **${text(lang, 'dliResult', dli.result)}**`,
    `${text(lang, 'dliJobsLabel')}: **${dli.jobIds.length}**`,
  ];
  return parts.join(' · ');
}

/** The DLI section within `budget`. */
export function dliSection(report: Report, dli: DliReport, budget: Budget): string[] {
  const lang = report.language;
  const cut = (n: number): string => text(lang, 'rowsCut', n);
  const head = [`### ${text(lang, 'dliHeading')}`, '', overview(dli, lang), ''];
  if (dli.reason !== undefined) head.push(`> **${text(lang, 'dliReason')}:** ${escapeInline(dli.reason, 2000)}`, '');
  const lines = [...head];
  budget.force(head);

  const ddl = dli.statements.filter((s) => s.kind === 'ddl');
  const other = dli.statements.filter((s) => s.kind !== 'ddl');
  if (ddl.length === 0 && other.length === 0) {
    lines.push(text(lang, 'dliNoStatements'), '');
    budget.force([text(lang, 'dliNoStatements'), '']);
    return lines;
  }
  if (ddl.length > 0) {
    const columns = ['dliStatementColumn', 'dliJobColumn', 'dliStatusColumn', 'dliDurationColumn', 'dliMessageColumn'] as const;
    const tableTop = tableHead(columns.map((c) => text(lang, c)));
    budget.force([...tableTop, '']);
    lines.push(...tableTop, ...fitItems(ddl, (s) => statementRow(report, s, lang), budget, (n) => tableRow([cut(n), '', '', '', ''])), '');
    const failed = ddl.filter((s) => FAILED.has(s.status)).slice(0, FAILED_SQL_SHOWN);
    lines.push(...fitItems(failed, (s) => failedSql(report, s, lang), budget, (n) => `${cut(n)}\n`));
  }
  if (other.length > 0) {
    const title = [`**${text(lang, 'dliNotSubmitted')}:**`, ''];
    budget.force([...title, '']);
    const item = (s: DliStatement): string[] => [`- ${where(report, s)} ${escapeInline(s.verb, 60)}`];
    lines.push(...title, ...fitItems(other, item, budget, (n) => `- ${cut(n)}`), '');
  }
  return lines;
}

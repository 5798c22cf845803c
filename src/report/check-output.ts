// The check run's output: title, summary and text, each within GitHub's 65,535 characters.

import type { Report } from '../model.js';
import { Budget, fitItems, utf16Units } from './budget.js';
import { groupByFile, notAnnotatedCount, problems } from './findings.js';
import { escapeInline } from './escape.js';
import { text } from './i18n.js';
import { bulletList, findingGroups, recordLines, resultBanner, totalsTable } from './sections.js';

/** GitHub's limit for each of output.summary and output.text. */
export const CHECK_OUTPUT_LIMIT = 65_535;
const TARGET = CHECK_OUTPUT_LIMIT - 1_535;
const ERRORS_LIMIT = 16_000;
const RECORDS_LIMIT = 8_000;
const MESSAGE_LENGTH = 1000;

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

function title(report: Report): string {
  const lang = report.language;
  const { error, warn, notice } = report.counts;
  const counts = (['error', 'warn', 'notice'] as const)
    .filter((level) => report.counts[level] > 0)
    .map((level) => `${text(lang, 'levelPlural', level)}: ${report.counts[level]}`)
    .join(', ');
  const dli = report.dli?.result === 'failed' ? ` · ${text(lang, 'dliHeading')}: ${text(lang, 'dliResult', 'failed')}` : '';
  if (report.result === 'error') return (counts === '' ? text(lang, 'checkTitleError') : `${text(lang, 'checkTitleError')} · ${counts}`) + dli;
  return (error + warn + notice === 0 ? text(lang, 'checkTitleClean') : counts) + dli;
}

function summary(report: Report): string {
  const lang = report.language;
  const budget = new Budget(TARGET, utf16Units);
  const lines = [`## ${resultBanner(report)}`, '', ...totalsTable(report), ''];
  const notAnnotated = notAnnotatedCount(report.findings);
  if (notAnnotated > 0) lines.push(`> ℹ️ ${text(lang, 'notAnnotated', notAnnotated)}`, '');
  lines.push(...fitItems(recordLines(report), (l) => [l], new Budget(RECORDS_LIMIT, utf16Units), (n) => `- ${text(lang, 'rowsCut', n)}`), '');
  if (report.errors.length > 0) {
    lines.push(`### ⚠️ ${text(lang, 'errorsHeading')}`, '', ...bulletList(report.errors, new Budget(ERRORS_LIMIT, utf16Units), lang, 1000), '');
  }
  budget.force(lines);
  if (report.notes.length > 0) {
    const heading = [`### ${text(lang, 'notesHeading')}`, ''];
    budget.force(heading);
    lines.push(...heading, ...bulletList(report.notes, new Budget(Math.max(0, budget.left), utf16Units), lang, 1000));
  }
  return lines.join('\n');
}

function details(report: Report): string | undefined {
  const lang = report.language;
  const shown = problems(report.findings);
  if (shown.length === 0) return undefined;
  const budget = new Budget(TARGET, utf16Units);
  const cutNote = (n: number): string => `> ✂️ ${text(lang, 'findingsCut', n)}`;
  const rendered = findingGroups(
    report,
    groupByFile(shown),
    budget,
    budget.sizeOf(['', cutNote(shown.length)]) + 16,
    (file, count) => [`### <code>${escapeInline(file, 300)}</code> (${count})`, ''],
    { messageLength: MESSAGE_LENGTH, markUnchanged: true },
  );
  const lines = [...rendered.lines];
  if (rendered.omitted > 0) lines.push('', cutNote(rendered.omitted));
  return lines.join('\n');
}

/** Output for the check run: a title, the overview as summary, the findings as text. */
export function checkRunOutput(report: Report): CheckRunOutput {
  const output: CheckRunOutput = { title: title(report), summary: summary(report) };
  const findings = details(report);
  if (findings !== undefined) output.text = findings;
  return output;
}

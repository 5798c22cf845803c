// The job summary: the whole picture of a run, kept under GitHub's 1 MiB limit.

import type { AuditedFile, Language, Report } from '../model.js';
import type { AnnotationOutcome } from './annotation-outcome.js';
import { Budget, fitItems, utf8Bytes } from './budget.js';
import { escapeInline } from './escape.js';
import { markdownLink } from './links.js';
import { countsByFile, groupByFile, notAnnotatedCount } from './findings.js';
import { formatNumber, tableHead, tableRow, LEVEL_ICON } from './format.js';
import { text } from './i18n.js';
import { dliSection } from './dli-section.js';
import { bulletList, findingGroups, recordLines, resultBanner, totalsTable } from './sections.js';

/** GitHub's limit for one step's summary, in UTF-8 bytes. */
export const SUMMARY_LIMIT = 1_048_576;
/** Left free for the newlines that join sections and rounding in the notes. */
const MARGIN = 8_192;
/** Most of the limit a section other than the findings may use, as a share of the whole. */
const SHARE = { errors: 0.1, notes: 0.05, records: 0.05, files: 0.25, dli: 0.25 } as const;
const MESSAGE_LENGTH = 2000;

function section(parent: Budget, share: number, render: (budget: Budget) => string[]): string[] {
  const budget = new Budget(Math.min(Math.floor(SUMMARY_LIMIT * share), parent.left), parent.measure);
  const lines = render(budget);
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  parent.force(lines);
  return lines;
}

function filesTable(report: Report, budget: Budget): string[] {
  const lang = report.language;
  const counts = countsByFile(report.findings);
  const top = [
    `### ${text(lang, 'filesHeading')}`,
    '',
    ...tableHead(
      [text(lang, 'fileColumn'), text(lang, 'statementsAudited'), LEVEL_ICON.error, LEVEL_ICON.warn, LEVEL_ICON.notice, text(lang, 'problemColumn')],
      ['left', 'right', 'right', 'right', 'right', 'left'],
    ),
  ];
  budget.force([...top, '']);
  const files = [...report.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const row = (file: AuditedFile): string[] => {
    const c = counts.get(file.path) ?? { error: 0, warn: 0, notice: 0 };
    const problem = file.error !== undefined ? `⚠️ ${escapeInline(file.error, 500)}` : '';
    return [tableRow([`<code>${escapeInline(file.path, 300)}</code>`, formatNumber(file.statements), String(c.error), String(c.warn), String(c.notice), problem])];
  };
  return [...top, ...fitItems(files, row, budget, (n) => tableRow([text(lang, 'rowsCut', n), '', '', '', '', ''])), ''];
}

function findingsSection(report: Report, budget: Budget): string[] {
  const lang = report.language;
  const head = [`### ${text(lang, 'findingsHeading')}`, ''];
  budget.force(head);
  if (report.findings.length === 0) {
    budget.force([text(lang, 'noFindings')]);
    return [...head, text(lang, 'noFindings'), ''];
  }
  const cutNote = (n: number): string => `> ✂️ ${text(lang, 'findingsCut', n)}`;
  const reserve = budget.sizeOf(['', cutNote(report.findings.length)]) + 16;
  const rendered = findingGroups(
    report,
    groupByFile(report.findings),
    budget,
    reserve,
    (file, count) => [`#### <code>${escapeInline(file, 300)}</code> (${count})`, ''],
    { messageLength: MESSAGE_LENGTH, markUnchanged: true },
  );
  const lines = [...head, ...rendered.lines];
  if (rendered.omitted > 0) lines.push('', cutNote(rendered.omitted), '');
  return lines;
}

/** Where the annotations went and how many of them GitHub will not display. */
function annotationNotes(outcome: AnnotationOutcome | undefined, lang: Language): string[] {
  if (outcome === undefined || outcome.via === 'off') return [];
  if (outcome.via === 'commands') {
    if (outcome.written === 0) return [];
    return outcome.hidden > 0
      ? [`> ⚠️ ${text(lang, 'annotationsHidden', outcome.hidden, outcome.written)}`, '']
      : [`> ℹ️ ${text(lang, 'annotationsAsCommands', outcome.written)}`, ''];
  }
  if (outcome.written + outcome.refused === 0) return [];
  const checkRun = markdownLink(`<code>${escapeInline(outcome.name, 200)}</code>`, outcome.url);
  const lines = [`> ℹ️ ${text(lang, 'annotationsInCheckRun', outcome.written, checkRun)}`, ''];
  if (outcome.refused > 0) lines.push(`> ⚠️ ${text(lang, 'annotationsRefused', outcome.refused)}`, '');
  return lines;
}

export interface SummaryOptions {
  /** How the findings were annotated, when known. */
  annotations?: AnnotationOutcome;
}

/** The job summary's markdown: always smaller than SUMMARY_LIMIT bytes of UTF-8. */
export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const lang = report.language;
  const budget = new Budget(SUMMARY_LIMIT - MARGIN, utf8Bytes);
  const head = [`## ${resultBanner(report)}`, '', ...totalsTable(report), ''];
  const notAnnotated = notAnnotatedCount(report.findings);
  if (notAnnotated > 0) head.push(`> ℹ️ ${text(lang, 'notAnnotated', notAnnotated)}`, '');
  head.push(...annotationNotes(options.annotations, lang));
  budget.force(head);

  const parts: string[][] = [head];
  parts.push(section(budget, SHARE.records, (b) => fitItems(recordLines(report), (l) => [l], b, (n) => `- ${text(lang, 'rowsCut', n)}`)));
  if (report.errors.length > 0) {
    parts.push(section(budget, SHARE.errors, (b) => [`### ⚠️ ${text(lang, 'errorsHeading')}`, '', ...bulletList(report.errors, b, lang), '']));
  }
  if (report.notes.length > 0) {
    parts.push(section(budget, SHARE.notes, (b) => [`### ${text(lang, 'notesHeading')}`, '', ...bulletList(report.notes, b, lang), '']));
  }
  if (report.files.length > 0) parts.push(section(budget, SHARE.files, (b) => filesTable(report, b)));
  if (report.dli !== undefined) {
    const dli = report.dli;
    parts.push(section(budget, SHARE.dli, (b) => dliSection(report, dli, b)));
  }
  parts.push(findingsSection(report, budget));
  return parts.flat().join('\n');
}

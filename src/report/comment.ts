// The pull-request comment: one per pull request and key, edited in place on every run.

import type { Finding, Report } from '../model.js';
import { Budget, fitItems, utf16Units } from './budget.js';
import { escapeInline, safeUrl } from './escape.js';
import { groupByFile, problems } from './findings.js';
import { text } from './i18n.js';
import { markdownLink } from './links.js';
import { bulletList, findingGroups, recordLines, resultBanner, totalsLine } from './sections.js';

/** GitHub refuses a comment body longer than this (JavaScript string length). */
export const COMMENT_LIMIT = 65_536;
/** What this renderer aims below the limit. */
const TARGET = COMMENT_LIMIT - 1_536;
const ERRORS_LIMIT = 8_000;
const RECORDS_LIMIT = 4_000;
const MESSAGE_LENGTH = 500;

/**
 * The hidden marker that finds the comment again. Keyed (e.g. by check name and SQLE project) so
 * that several jobs of one pull request keep one comment each. The key is %-encoded, `-` included,
 * so that it can never end the HTML comment.
 */
export function commentMarker(key: string): string {
  const encoded = encodeURIComponent(key).replace(/[-!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `<!-- sqle-audit-comment key=${encoded} -->`;
}

function footerLine(report: Report, summaryUrl: string | undefined): string {
  const commit = escapeInline(text(report.language, 'resultsFor', report.headSha.slice(0, 12)));
  const summary = safeUrl(summaryUrl);
  return summary === undefined ? `<sub>${commit}</sub>` : `<sub>${commit} · ${markdownLink(text(report.language, 'seeSummary'), summary)}</sub>`;
}

function heading(file: string, count: number): string[] {
  return [`**<code>${escapeInline(file, 300)}</code>** (${count})`, ''];
}

function findingsPart(report: Report, shown: readonly Finding[], budget: Budget, summaryUrl: string | undefined): string[] {
  const lang = report.language;
  const link = markdownLink(text(lang, 'seeSummary'), summaryUrl);
  const cutNote = (n: number): string => `> ✂️ ${text(lang, 'commentCut', n)} ${link}`;
  const reserve = budget.sizeOf(['', cutNote(shown.length), '</details>', '']) + 16;
  const options = { messageLength: MESSAGE_LENGTH, markUnchanged: false };

  const changed = findingGroups(report, groupByFile(shown.filter((f) => f.onChangedLines)), budget, reserve, heading, options);
  const lines = [...changed.lines];
  let omitted = changed.omitted;

  const unchanged = shown.filter((f) => !f.onChangedLines);
  if (unchanged.length > 0) {
    const open = [`<details><summary>${text(lang, 'unchangedHeading', unchanged.length)}</summary>`, ''];
    const close = ['</details>', ''];
    if (omitted === 0 && budget.take([...open, ...close], reserve)) {
      const rest = findingGroups(report, groupByFile(unchanged), budget, reserve, heading, options);
      lines.push(...open, ...rest.lines, ...close);
      omitted += rest.omitted;
    } else {
      omitted += unchanged.length;
    }
  }
  if (omitted > 0) lines.push(cutNote(omitted), '');
  return lines;
}

/** The comment's markdown, starting with `marker`; always shorter than COMMENT_LIMIT characters. */
export function renderComment(report: Report, marker: string, summaryUrl?: string): string {
  const lang = report.language;
  const budget = new Budget(TARGET, utf16Units);
  const head = [marker, `### ${resultBanner(report)}`, '', totalsLine(report), ''];
  budget.force(head);
  const parts = [...head];

  const records = fitItems(recordLines(report), (l) => [l], new Budget(RECORDS_LIMIT, utf16Units), (n) => `- ${text(lang, 'rowsCut', n)}`);
  if (records.length > 0) {
    budget.force([...records, '']);
    parts.push(...records, '');
  }
  if (report.errors.length > 0) {
    const errors = [`**⚠️ ${text(lang, 'errorsHeading')}**`, '', ...bulletList(report.errors, new Budget(ERRORS_LIMIT, utf16Units), lang, 1000), ''];
    budget.force(errors);
    parts.push(...errors);
  }

  const summaryLink = summaryUrl ?? report.runUrl;
  const footer = ['', '---', footerLine(report, summaryLink)];
  budget.force(footer);

  const shown = problems(report.findings);
  if (shown.length === 0) {
    if (report.result !== 'error') parts.push(`✅ ${text(lang, 'noFindings')}`, '');
  } else {
    parts.push(...findingsPart(report, shown, budget, summaryLink));
  }
  if (parts[parts.length - 1] === '') parts.pop();
  return [...parts, ...footer].join('\n') + '\n';
}

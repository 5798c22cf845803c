// Ordering and grouping of findings, shared by every renderer so that they all read the same way.

import { LEVEL_RANK, type Finding } from '../model.js';

export interface FileFindings {
  file: string;
  findings: Finding[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By file path, then line, then highest level first, then rule: the same order on every run. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.startLine - b.startLine ||
    a.endLine - b.endLine ||
    LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Findings grouped per file, files and findings in `compareFindings` order. */
export function groupByFile(findings: readonly Finding[]): FileFindings[] {
  const groups: FileFindings[] = [];
  for (const finding of sortFindings(findings)) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.file === finding.file) last.findings.push(finding);
    else groups.push({ file: finding.file, findings: [finding] });
  }
  return groups;
}

/** Findings a reader must act on: SQLE's `normal` level means "fine" (e.g. whitelisted SQL). */
export function problems(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.level !== 'normal');
}

/** Problems that were not annotated because their statement touches no changed line. */
export function notAnnotatedCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.level !== 'normal' && !f.onChangedLines).length;
}

/** Errors, warnings and notices found in each file (normal findings are not counted). */
export function countsByFile(findings: readonly Finding[]): Map<string, { error: number; warn: number; notice: number }> {
  const counts = new Map<string, { error: number; warn: number; notice: number }>();
  for (const f of findings) {
    if (f.level === 'normal') continue;
    const entry = counts.get(f.file) ?? { error: 0, warn: 0, notice: 0 };
    entry[f.level] += 1;
    counts.set(f.file, entry);
  }
  return counts;
}

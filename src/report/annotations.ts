// Findings as GitHub annotations: Checks API objects, or workflow commands when checks can't be written.

import type { Finding, Language, Level } from '../model.js';
import { truncateBytes } from './budget.js';
import { escapeData, escapeProperty, truncate } from './escape.js';
import { text } from './i18n.js';
import { syntheticKind } from './rule-id.js';

export type AnnotationLevel = 'notice' | 'warning' | 'failure';

/** One annotation as the Checks API takes it (`output.annotations[]`). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
  raw_details?: string;
}

/** GitHub's limits: 64 KB for message and raw_details, 255 characters for the title. */
const MESSAGE_BYTES = 64 * 1024 - 1;
const TITLE_LENGTH = 255;

const CHECK_LEVEL: Record<Exclude<Level, 'normal'>, AnnotationLevel> = { error: 'failure', warn: 'warning', notice: 'notice' };
const COMMAND: Record<Exclude<Level, 'normal'>, string> = { error: 'error', warn: 'warning', notice: 'notice' };

type Annotated = Finding & { level: Exclude<Level, 'normal'> };

function annotated(findings: readonly Finding[]): Annotated[] {
  return findings.filter((f): f is Annotated => f.level !== 'normal');
}

/** The rule name, or what SQLE's rule-less result is (syntax error, whitelisted SQL). */
export function annotationTitle(finding: Finding, language: Language = 'en'): string {
  const title = finding.rule !== '' ? finding.rule : `SQLE: ${text(language, 'synthetic', syntheticKind(finding.message))}`;
  return truncate(title, TITLE_LENGTH);
}

function lines(finding: Finding): { start: number; end: number } {
  const start = Math.max(1, Math.trunc(finding.startLine));
  return { start, end: Math.max(start, Math.trunc(finding.endLine)) };
}

/** One Checks API annotation per finding; `normal` findings are not annotated. */
export function toCheckAnnotations(findings: readonly Finding[], language: Language = 'en'): CheckAnnotation[] {
  return annotated(findings).map((finding) => {
    const { start, end } = lines(finding);
    const annotation: CheckAnnotation = {
      path: finding.file,
      start_line: start,
      end_line: end,
      annotation_level: CHECK_LEVEL[finding.level],
      message: truncateBytes(finding.message === '' ? annotationTitle(finding, language) : finding.message, MESSAGE_BYTES),
      title: annotationTitle(finding, language),
    };
    if (finding.sql !== '') annotation.raw_details = truncateBytes(finding.sql, MESSAGE_BYTES);
    return annotation;
  });
}

/**
 * One `::error file=…,line=…,endLine=…,title=…::message` line per finding (warning/notice
 * accordingly), escaped as @actions/core escapes them so that no value can end the command or
 * start another one.
 */
export function toWorkflowCommands(findings: readonly Finding[], language: Language = 'en'): string[] {
  return annotated(findings).map((finding) => {
    const { start, end } = lines(finding);
    const properties = [
      `file=${escapeProperty(finding.file)}`,
      `line=${start}`,
      `endLine=${end}`,
      `title=${escapeProperty(annotationTitle(finding, language))}`,
    ].join(',');
    return `::${COMMAND[finding.level]} ${properties}::${escapeData(truncateBytes(finding.message, MESSAGE_BYTES))}`;
  });
}

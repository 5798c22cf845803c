// Every finding as one line of the CI log, as users asked ("print all audit results").

import type { Report } from '../model.js';
import { sortFindings } from './findings.js';
import { singleLine, stripControls } from './escape.js';
import { ruleId } from './rule-id.js';

/**
 * A runner reads a log line that starts with `::` (or the older `##[`) as a workflow command;
 * a path that would start one is written as `./path` instead.
 */
function logPath(path: string): string {
  const safe = singleLine(stripControls(path));
  return /^\s*(::|##\[)/.test(safe) ? `./${safe}` : safe;
}

/** `path:start-end level rule: message`, one line per finding, in file and line order. */
export function findingLogLines(report: Report): string[] {
  return sortFindings(report.findings).map((f) => {
    const message = singleLine(stripControls(f.message));
    return `${logPath(f.file)}:${f.startLine}-${f.endLine} ${f.level} ${singleLine(stripControls(ruleId(f)))}: ${message}`;
  });
}

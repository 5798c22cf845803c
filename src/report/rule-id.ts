// Stable identifiers for findings, including SQLE's synthetic results that carry no rule name.

import { createHash } from 'node:crypto';
import type { Finding } from '../model.js';

export type SyntheticKind = 'syntax-error' | 'whitelisted' | 'unnamed';

// SQLE's fixed texts for its two synthetic results (see the reference, "One rule result").
const SYNTAX_ERROR_MARKERS = ['Syntax error or parser does not support', '语法错误或者解析器不支持'];
const WHITELIST_MARKERS = ['Audit SQL exceptions', '审核SQL例外'];

/** What a rule-less result is, told apart by SQLE's message in either language. */
export function syntheticKind(message: string): SyntheticKind {
  if (SYNTAX_ERROR_MARKERS.some((m) => message.includes(m))) return 'syntax-error';
  if (WHITELIST_MARKERS.some((m) => message.includes(m))) return 'whitelisted';
  return 'unnamed';
}

/**
 * The rule id used in SARIF and annotation titles: SQLE's `rule_name`, or `sqle/<kind>` for
 * synthetic results. Unknown synthetic messages get a short hash so that each keeps its own id.
 */
export function ruleId(finding: Pick<Finding, 'rule' | 'message'>): string {
  if (finding.rule !== '') return finding.rule;
  const kind = syntheticKind(finding.message);
  if (kind !== 'unnamed') return `sqle/${kind}`;
  const digest = createHash('sha256').update(finding.message.trim()).digest('hex').slice(0, 12);
  return `sqle/unnamed-${digest}`;
}

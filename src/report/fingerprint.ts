// Fingerprints that follow a finding across commits: they hash what the finding is about
// (rule, file, statement text), never where it currently sits (line numbers).

import { createHash } from 'node:crypto';
import type { Finding } from '../model.js';
import { ruleId } from './rule-id.js';

/** Whitespace-insensitive statement text: reformatting or moving a statement keeps its identity. */
export function normaliseSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().replace(/[;\s]+$/, '');
}

/**
 * One fingerprint per finding, in input order. Identical statements with the same rule in one file
 * are told apart by their order of appearance, so each keeps its own fingerprint.
 */
export function findingFingerprints(findings: readonly Finding[]): string[] {
  const keys = findings.map((f) => [ruleId(f), f.file, normaliseSql(f.sql)].join('\u0000'));
  const order = findings
    .map((f, index) => ({ index, line: f.startLine }))
    .sort((a, b) => a.line - b.line || a.index - b.index);
  const seen = new Map<string, number>();
  const occurrence = new Array<number>(findings.length).fill(0);
  for (const { index } of order) {
    const key = keys[index] ?? '';
    const n = seen.get(key) ?? 0;
    occurrence[index] = n;
    seen.set(key, n + 1);
  }
  return keys.map((key, index) =>
    createHash('sha256').update(`${key}\u0000${occurrence[index] ?? 0}`).digest('hex').slice(0, 32),
  );
}

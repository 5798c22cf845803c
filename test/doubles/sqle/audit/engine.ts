// Audits located statements: parse check, rules, result ordering, statement level.
import type { Token } from './lexer.js';
import { type RuleMessage, SYNTAX_ERROR } from './messages.js';
import { checkRules } from './rules.js';
import { type AuditLevel, compareLevelsDesc, highestLevel, type RuleLevel } from './score.js';
import { analyze, type SqlType } from './statement.js';

/** A statement as split from its source. */
export interface SourceStatement {
  sql: string;
  /** '' for the `sqls` text field. */
  file: string;
  line: number;
}

export interface AuditResult {
  level: RuleLevel;
  /** '' for the synthetic syntax-error result. */
  rule: string;
  message: RuleMessage;
}

export interface AuditedStatement extends SourceStatement {
  results: AuditResult[];
  level: AuditLevel;
  sqlType: SqlType;
}

/** Level of each rule in the template (default_MySQL: everything is error). */
export type RuleLevels = (rule: string) => RuleLevel | undefined;

/** A piece holding several `;`-separated statements that all parse is several statements (custom delimiters). */
function explode(s: SourceStatement): SourceStatement[] {
  const tokens = analyze(s.sql).tokens;
  const cuts = tokens.filter((t: Token) => t.text === ';').map((t) => t.end);
  if (cuts.length === 0) return [s];
  const bounds = [0, ...cuts, s.sql.length];
  const parts = bounds.slice(1).map((end, i) => s.sql.slice(bounds[i], end).trim()).filter((p) => p !== '' && p !== ';');
  return parts.length > 1 && parts.every((p) => analyze(p).parsed) ? parts.map((sql) => ({ ...s, sql })) : [s];
}

/** Expands multi-statement pieces; the count the server stores. */
export function expandStatements(statements: SourceStatement[]): SourceStatement[] {
  return statements.flatMap(explode);
}

export function auditStatement(s: SourceStatement, levels: RuleLevels): AuditedStatement {
  const analysis = analyze(s.sql);
  const results: AuditResult[] = [];
  for (const h of checkRules(analysis)) {
    const level = levels(h.rule);
    if (level) results.push({ level, rule: h.rule, message: h.message });
  }
  if (!analysis.parsed) results.push({ level: 'warn', rule: '', message: SYNTAX_ERROR });
  results.sort((a, b) => compareLevelsDesc(a.level, b.level) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { ...s, results, level: highestLevel(results.map((r) => r.level)), sqlType: analysis.sqlType };
}

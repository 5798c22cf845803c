// What every route handler gets: the state, the resolved options and the clock.
import rules from './data/default-mysql-rules.json' with { type: 'json' };
import type { RuleLevels } from './audit/engine.js';
import type { RuleLevel } from './audit/score.js';
import type { DoubleState } from './state.js';

export interface ResolvedOptions {
  secret: string;
  loginTokenTtlSeconds: number;
  drivers: string[];
  ruleTemplates: string[];
  statementCap: number;
  zipSizeCap: number;
  auditDelayMs: (statements: number) => number;
}

export interface Context {
  state: DoubleState;
  options: ResolvedOptions;
  /** Unix seconds. */
  nowSeconds(): number;
  /** ms since the double started. */
  elapsedMs(): number;
  /** Levels of the rules of a template, or undefined when the template does not exist. */
  ruleLevels(template: string): RuleLevels | undefined;
}

const templateLevels = new Map((rules as { rule_name: string; level: string }[]).map((r) => [r.rule_name, r.level as RuleLevel]));

/** Every template of the double holds default_MySQL's rules at default_MySQL's levels, unless overridden. */
export function ruleLevelsFor(templates: string[], overrides: Record<string, Record<string, RuleLevel>> = {}): (template: string) => RuleLevels | undefined {
  return (template) => (templates.includes(template) ? (rule) => overrides[template]?.[rule] ?? templateLevels.get(rule) : undefined);
}

export { rules as defaultMySqlRules };

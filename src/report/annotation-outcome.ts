// How many of the annotations a run wrote GitHub actually displays. A check run shows every one;
// annotations from workflow commands are capped: 10 errors, 10 warnings and 10 notices per step,
// and 50 per job over all its steps (actions/toolkit, docs/problem-matchers.md, "Limitations").

import type { Finding, Level } from '../model.js';

export const COMMANDS_SHOWN_PER_LEVEL = 10;
export const COMMANDS_SHOWN_PER_JOB = 50;

export type AnnotationOutcome =
  | { via: 'off' }
  /** `refused`: annotations GitHub refused in a batch (they are only in the reports). */
  | { via: 'checks'; name: string; written: number; refused: number; url?: string }
  /** `hidden`: at least this many are not displayed because of GitHub's caps. */
  | { via: 'commands'; written: number; hidden: number };

/**
 * What workflow-command annotations of `findings` GitHub displays at best. A lower bound of what
 * is hidden: the step's other warnings and the job's other steps use the same allowance.
 */
export function commandsOutcome(findings: readonly Pick<Finding, 'level'>[]): AnnotationOutcome {
  const perLevel = new Map<Level, number>();
  for (const { level } of findings) if (level !== 'normal') perLevel.set(level, (perLevel.get(level) ?? 0) + 1);
  const written = [...perLevel.values()].reduce((sum, n) => sum + n, 0);
  const shownPerStep = [...perLevel.values()].reduce((sum, n) => sum + Math.min(n, COMMANDS_SHOWN_PER_LEVEL), 0);
  return { via: 'commands', written, hidden: written - Math.min(shownPerStep, COMMANDS_SHOWN_PER_JOB) };
}

import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/model.js';
import { commandsOutcome } from '../../src/report/annotation-outcome.js';

const levels = (counts: Partial<Record<Level, number>>): { level: Level }[] =>
  Object.entries(counts).flatMap(([level, n]) => Array.from({ length: n }, () => ({ level: level as Level })));

describe('commandsOutcome', () => {
  it('hides nothing while every level stays within 10', () => {
    expect(commandsOutcome(levels({ error: 10, warn: 10, notice: 10 }))).toEqual({ via: 'commands', written: 30, hidden: 0 });
  });

  it('hides what is past the first 10 of each level in the step', () => {
    expect(commandsOutcome(levels({ error: 60, warn: 12 }))).toEqual({ via: 'commands', written: 72, hidden: 52 });
    expect(commandsOutcome(levels({ notice: 11 }))).toEqual({ via: 'commands', written: 11, hidden: 1 });
  });

  it('does not count normal findings, which are never annotated', () => {
    expect(commandsOutcome(levels({ normal: 40, error: 1 }))).toEqual({ via: 'commands', written: 1, hidden: 0 });
  });
});

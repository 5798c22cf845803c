import { describe, expect, it } from 'vitest';
import { sqleScore } from '../src/audit/score.js';

describe('sqleScore', () => {
  // The reference's own checks (sqle-dms-api.md §5.3) and real tasks from sqle-real/.
  it.each([
    [['', '', ''], 1, 100],
    [['error', 'normal'], 0.5, 30],
    [['notice', 'normal', 'normal', 'normal'], 0.75, 84],
    [['warn', 'normal', 'normal'], 0.6667, 65],
    [['error'], 0, 0],
    [[], 0, 0],
  ])('%j → pass rate %d, score %d', (levels, passRate, score) => {
    expect(sqleScore(levels)).toEqual({ passRate, score });
  });

  it('matches the recorded verdicts task (131: 5 of 12 clean, score 26)', () => {
    const levels = ['error', '', 'error', 'error', 'error', '', 'error', '', 'error', '', '', 'warn'];
    expect(sqleScore(levels)).toEqual({ passRate: 0.4167, score: 26 });
  });
});

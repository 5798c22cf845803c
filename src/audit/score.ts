import { LEVEL_RANK, type Level, type LevelCounts } from '../model.js';

/**
 * SQLE's pass rate and score over statement levels (sqle/model: pass rate rounded half-to-even to
 * 4 decimals; score floored), so that an audit split into several records reads as one.
 */
export function sqleScore(statementLevels: readonly string[]): { score: number; passRate: number } {
  const n = statementLevels.length;
  if (n === 0) return { score: 0, passRate: 0 };
  let clean = 0;
  let e = 0;
  let w = 0;
  let notice = 0;
  for (const level of statementLevels) {
    const rank = LEVEL_RANK[level as Level] ?? -1;
    if (rank <= 0) clean += 1;
    if (rank >= 3) e += 1;
    if (rank >= 2) w += 1;
    if (rank >= 1) notice += 1;
  }
  const passRate = roundHalfEven(clean / n, 4);
  const er = e / n;
  const wr = w / n;
  const nr = notice / n;
  let score = 30 * passRate + 15 * (1 - er) + 10 * (1 - wr) + 5 * (1 - nr);
  if (er === 0) score += 15;
  if (wr === 0) score += 10;
  if (nr === 0) score += 5;
  if (er < 0.1) score += 5;
  if (wr < 0.1) score += 3;
  if (nr < 0.1) score += 2;
  return { score: Math.floor(score + 1e-9), passRate };
}

function roundHalfEven(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = value * factor;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  const epsilon = 1e-9;
  let rounded: number;
  if (diff > 0.5 + epsilon) rounded = floor + 1;
  else if (diff < 0.5 - epsilon) rounded = floor;
  else rounded = floor % 2 === 0 ? floor : floor + 1;
  return rounded / factor;
}

export function countLevels(levels: Iterable<Level>): LevelCounts {
  const counts: LevelCounts = { error: 0, warn: 0, notice: 0, normal: 0 };
  for (const level of levels) counts[level] += 1;
  return counts;
}

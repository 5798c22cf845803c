// Level aggregation, pass rate and score of a task (SQLE's formula, reference §5.1/§5.3).

export type RuleLevel = 'normal' | 'notice' | 'warn' | 'error';
export type AuditLevel = RuleLevel | '';

const RANK: Record<AuditLevel, number> = { '': -1, normal: 0, notice: 1, warn: 2, error: 3 };

export function highestLevel(levels: AuditLevel[]): AuditLevel {
  return levels.reduce<AuditLevel>((best, l) => (RANK[l] > RANK[best] ? l : best), '');
}

export function compareLevelsDesc(a: AuditLevel, b: AuditLevel): number {
  return RANK[b] - RANK[a];
}

/** Round half to even at 4 decimals. */
function round4(v: number): number {
  const scaled = v * 1e4;
  const floor = Math.floor(scaled);
  const frac = scaled - floor;
  const r = Math.abs(frac - 0.5) < 1e-9 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
  return r / 1e4;
}

export interface TaskSummary {
  auditLevel: AuditLevel;
  passRate: number;
  score: number;
}

export function summarize(levels: AuditLevel[]): TaskSummary {
  const n = levels.length;
  if (n === 0) return { auditLevel: '', passRate: 0, score: 0 };
  const count = (...ls: AuditLevel[]): number => levels.filter((l) => ls.includes(l)).length;
  const passRate = round4(count('', 'normal') / n);
  const er = count('error') / n;
  const wr = count('error', 'warn') / n;
  const nr = count('error', 'warn', 'notice') / n;
  let score = 30 * passRate + 15 * (1 - er) + 10 * (1 - wr) + 5 * (1 - nr);
  if (er === 0) score += 15;
  if (wr === 0) score += 10;
  if (nr === 0) score += 5;
  if (er < 0.1) score += 5;
  if (wr < 0.1) score += 3;
  if (nr < 0.1) score += 2;
  return { auditLevel: highestLevel(levels), passRate, score: Math.floor(score + 1e-9) };
}

// Prints the benchmark's figures as Markdown tables (the same ones docs/performance.md shows) and
// decides each target.
import type { CaseFigures } from './analyse.js';
import type { ColdStart } from './cold-start.js';
import type { MemoryBreakdown } from './memory-stages.js';

export const TARGETS = {
  ratioAt500Files: 1.3,
  coldStartOverheadMs: 150,
  bundleBytes: 2 * 1024 * 1024,
  peakRssBytes: 300 * 1024 * 1024,
};

export interface MeasuredCase {
  name: string;
  prFiles: number;
  kind: 'size' | 'findings' | 'memory';
  /** Every run of the case; `figures` is the run with the median wall time. */
  walls: number[];
  figures: CaseFigures;
  missed: string[];
}

export interface Results {
  date: string;
  node: string;
  bundle: { path: string; bytes: number };
  latencyMs: number;
  auditModel: string;
  concurrency: number;
  runs: number;
  coldStart: ColdStart;
  cases: MeasuredCase[];
  memoryBreakdown?: MemoryBreakdown;
}

export interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
}

const MB = 1024 * 1024;
const ms = (n: number): string => `${Math.round(n).toLocaleString('en-US')} ms`;
const mb = (n: number): string => `${(n / MB).toFixed(0)} MB`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function casesTable(r: Results): string {
  const rows = r.cases.map((c) => {
    const f = c.figures;
    const rt = f.roundTrips;
    return [
      c.name,
      f.outputs['statements-audited'] ?? '?',
      String(f.recordPosts.count),
      f.annotations.toLocaleString('en-US'),
      c.walls.length > 1 ? `${ms(f.wallMs)} (${c.walls.map((w) => Math.round(w)).join(', ')})` : ms(f.wallMs),
      ms(f.cpuMs),
      `${f.requests.github} / ${f.requests.sqle} / ${f.requests.dms}`,
      `${rt.measured} / ${rt.minimal.total} / ${rt.beyondConcurrency}`,
      ms(f.auditServerMs),
      ms(f.limitMs),
      f.ratio.toFixed(2),
      mb(f.peakRssBytes),
    ];
  });
  return table(
    ['pull request', 'statements', 'records', 'annotations', 'wall (runs)', 'CPU', 'requests GitHub / SQLE / DMS', 'round trips measured / minimal / beyond cap', 'SQLE audit', 'limit', 'wall / limit', 'peak RSS'],
    rows,
  );
}

export function chainsTable(r: Results): string {
  return table(
    ['pull request', 'critical path (requests that waited one for another)'],
    r.cases.map((c) => [c.name, c.figures.roundTrips.chain]),
  );
}

export function recordPostsTable(c: MeasuredCase): string {
  return table(
    ['record POST', 'statements', 'sent (ms after the first)', 'answered (ms)'],
    c.figures.recordPosts.spans.map((s, i) => [String(i + 1), s.statements.toLocaleString('en-US'), ms(s.startMs), ms(s.endMs)]),
  );
}

export function memoryTable(m: MemoryBreakdown): string {
  return table(
    ['stage', 'peak RSS', 'RSS after', 'live heap after', 'live buffers after', 'time'],
    [
      ['(start: Node, tsx and the modules)', '', mb(m.baselineBytes), '', '', ''],
      ...m.stages.map((s) => [s.stage, mb(s.peakBytes), mb(s.afterBytes), mb(s.liveHeapBytes), mb(s.liveExternalBytes), ms(s.ms)]),
    ],
  );
}

export function verdicts(r: Results): Verdict[] {
  const byName = new Map(r.cases.map((c) => [c.name, c]));
  const sizes = r.cases.filter((c) => c.kind === 'size');
  const out: Verdict[] = [];
  for (const c of r.cases) {
    out.push({ target: `${c.name}: the run audits and reports everything`, measured: c.missed.length ? c.missed.join('; ') : 'as expected', pass: c.missed.length === 0 });
  }
  const beyond = sizes.map((c) => c.figures.roundTrips.beyondConcurrency);
  out.push({
    target: 'sequential round trips do not grow with the pull request (beyond the waves `concurrency` imposes)',
    measured: sizes.map((c) => `${c.name}: ${c.figures.roundTrips.beyondConcurrency} (${c.figures.roundTrips.measured} measured)`).join(', '),
    pass: beyond.length > 0 && beyond.every((b) => b === beyond[0]),
  });
  const at500 = byName.get('500 files');
  out.push({
    target: `wall / limit ≤ ${TARGETS.ratioAt500Files} at 500 files`,
    measured: at500 ? at500.figures.ratio.toFixed(2) : 'not run',
    pass: !!at500 && at500.figures.ratio <= TARGETS.ratioAt500Files,
  });
  const big = byName.get('3,000 files');
  if (big) {
    const posts = big.figures.recordPosts;
    out.push({
      target: '3,000 files: the records are posted concurrently',
      measured: `${posts.count} records, ${posts.maxInFlight} in flight at once`,
      pass: posts.count > 1 && posts.maxInFlight === posts.count,
    });
    const one = at500?.figures.roundTrips.sqle;
    out.push({
      target: 'SQLE round trips do not grow with the number of records',
      measured: `${big.figures.roundTrips.sqle} for ${posts.count} records, ${one ?? '?'} for ${at500?.figures.recordPosts.count ?? '?'}`,
      pass: one !== undefined && big.figures.roundTrips.sqle === one,
    });
  }
  out.push({
    target: `cold start: first SQLE request − node -e 0 ≤ ${TARGETS.coldStartOverheadMs} ms`,
    measured: `${ms(r.coldStart.overheadMs)} (${ms(r.coldStart.actionMedianMs)} − ${ms(r.coldStart.nodeMedianMs)})`,
    pass: r.coldStart.overheadMs <= TARGETS.coldStartOverheadMs,
  });
  out.push({ target: 'dist/index.js ≤ 2 MB', measured: `${(r.bundle.bytes / MB).toFixed(2)} MB`, pass: r.bundle.bytes <= TARGETS.bundleBytes });
  for (const name of ['3,000 files', '100 MB file']) {
    const c = byName.get(name);
    out.push({ target: `${name}: peak RSS ≤ 300 MB`, measured: c ? mb(c.figures.peakRssBytes) : 'not run', pass: !!c && c.figures.peakRssBytes <= TARGETS.peakRssBytes });
  }
  return out;
}

export function verdictsTable(vs: Verdict[]): string {
  return table(['target', 'measured', 'result'], vs.map((v) => [v.target, v.measured, v.pass ? 'PASS' : 'FAIL']));
}

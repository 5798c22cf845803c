// `npm run bench`: runs the bundled action (`node dist/index.js`, or SQLE_ACTION_DIST) as the runner
// does, against the SQLE/DMS and GitHub doubles with 50 ms of latency per request, for pull requests
// of 1 to 3,000 files, one with 10,000 findings and one 100 MB file; prints wall time, requests per
// service, round trips on the critical path, the ratio of wall time to the critical-path limit, cold
// start, bundle size and peak RSS, each against its target. Writes bench-results/bench.json; exits 1
// when a target is missed. How each figure is defined: docs/performance.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from './bench/analyse.js';
import { FINDINGS_CASE, largeFileCase, missedExpectations, SIZE_CASES, type BenchCase } from './bench/cases.js';
import { measureColdStart } from './bench/cold-start.js';
import { memoryBreakdown } from './bench/memory-stages.js';
import { casesTable, chainsTable, memoryTable, recordPostsTable, TARGETS, verdicts, verdictsTable, type MeasuredCase, type Results } from './bench/report.js';
import { runCase } from './bench/run-case.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = path.resolve(process.env['SQLE_ACTION_DIST'] ?? path.join(root, 'dist/index.js'));
// The e2e harness runs the same bundle.
process.env['SQLE_ACTION_DIST'] = bundlePath;

const LATENCY_MS = 50;
const CONCURRENCY = 8;
/** sqle-real 140–149: about 0.05 s fixed plus 0.4–0.7 ms per statement for the synchronous audit POST. */
const auditDelayMs = (statements: number): number => 50 + 0.5 * statements;
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));
const COLD_START_RUNS = 7;

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function measure(c: BenchCase, runs: number): Promise<MeasuredCase> {
  const files = c.files();
  const all = [];
  for (let i = 0; i < runs; i++) {
    log(`${c.name}: run ${i + 1} of ${runs}…`);
    const run = await runCase({ files, latencyMs: LATENCY_MS, auditDelayMs, timeoutMs: 240_000 });
    all.push({ run, figures: analyse(run, { prFiles: c.prFiles, latencyMs: LATENCY_MS, concurrency: CONCURRENCY }) });
  }
  all.sort((a, b) => a.figures.wallMs - b.figures.wallMs);
  const median = all[(all.length - 1) >> 1] as (typeof all)[number];
  return {
    name: c.name,
    prFiles: c.prFiles,
    kind: c.kind,
    walls: all.map((a) => a.figures.wallMs),
    figures: median.figures,
    missed: missedExpectations(c, median.figures.outputs, median.figures.annotations),
  };
}

if (!fs.existsSync(bundlePath)) throw new Error(`No bundle at ${bundlePath}: run npm run build, or set SQLE_ACTION_DIST.`);
const started = performance.now();
log(`bundle ${bundlePath}; cold start (${COLD_START_RUNS} runs, alternating with node -e 0)…`);
const coldStart = await measureColdStart(COLD_START_RUNS);
const cases: MeasuredCase[] = [];
for (const c of [...SIZE_CASES, FINDINGS_CASE]) cases.push(await measure(c, RUNS));
log('generating the 100 MB file…');
const large = largeFileCase();
const largeRun = await measure(large, 1);
cases.push(largeRun);
// Over the target: where does the memory go? The same file through the action's modules, stage by stage.
let breakdown;
if (largeRun.figures.peakRssBytes > TARGETS.peakRssBytes) {
  log('100 MB file over the memory target: measuring each stage…');
  breakdown = await memoryBreakdown(Object.values(large.files())[0] ?? '');
}

const results: Results = {
  date: new Date().toISOString(),
  node: process.version,
  bundle: { path: path.relative(root, bundlePath) || bundlePath, bytes: fs.statSync(bundlePath).size },
  latencyMs: LATENCY_MS,
  auditModel: '50 ms + 0.5 ms per statement for each audit POST (sqle-real 140–149)',
  concurrency: CONCURRENCY,
  runs: RUNS,
  coldStart,
  cases,
  ...(breakdown ? { memoryBreakdown: breakdown } : {}),
};
const vs = verdicts(results);

console.log(`\nAction benchmark — Node ${results.node}, ${results.latencyMs} ms per request, SQLE audit modelled as ${results.auditModel}, concurrency ${CONCURRENCY}, median of ${RUNS} runs\n`);
console.log(casesTable(results));
console.log(`\n${chainsTable(results)}`);
const big = cases.find((c) => c.name === '3,000 files');
if (big) console.log(`\nRecord POSTs of the 3,000-file pull request (${big.figures.recordPosts.maxInFlight} in flight at once):\n\n${recordPostsTable(big)}`);
console.log(
  `\nCold start (median of ${COLD_START_RUNS}): node -e 0 ${coldStart.nodeMedianMs.toFixed(0)} ms; action to its first SQLE request ${coldStart.actionMedianMs.toFixed(0)} ms; overhead ${coldStart.overheadMs.toFixed(0)} ms. Bundle ${results.bundle.path}: ${(results.bundle.bytes / 1024 / 1024).toFixed(2)} MB.`,
);
if (breakdown) console.log(`\nPeak RSS of the 100 MB file stage by stage (the action's modules run one stage at a time under tsx, SQLE double in another process):\n\n${memoryTable(breakdown)}`);
console.log(`\n${verdictsTable(vs)}`);

fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'bench.json'), `${JSON.stringify({ ...results, verdicts: vs }, null, 2)}\n`);
console.log(`\nsaved bench-results/bench.json (${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = vs.every((v) => v.pass) ? 0 : 1;

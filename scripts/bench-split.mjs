// `npm run bench:split`: our SQL splitter against dbgate-query-splitter on the same generated
// corpus, side by side in one run: throughput ratio, boundary agreement, linearity, peak memory.
// Writes bench-results/split.json; exits 1 when a target is missed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dbgate from 'dbgate-query-splitter';
import { compareBoundaries } from './bench-split/agreement.mjs';
import { bundleSplitter } from './bench-split/bundle.mjs';
import { generateScript } from './bench-split/corpus.mjs';
import { mbPerSecond, timeRuns } from './bench-split/measure.mjs';

const MB = 1 << 20;
const TARGETS = { throughputRatio: 3, agreementPercent: 99.9, linearityRatio: 11, memoryRatio: 3 };
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const DBGATE_OPTIONS = {
  mysql: { ...dbgate.mysqlSplitterOptions, returnRichInfo: true },
  postgresql: { ...dbgate.postgreSplitterOptions, returnRichInfo: true },
};

const log = (line) => process.stderr.write(`${line}\n`);
const fmt = (n, digits = 1) => n.toFixed(digits);

const bundle = await bundleSplitter(repoRoot);
try {
  const { splitSql } = await import(bundle.path);
  const dialects = ['mysql', 'postgresql'];

  log('generating ~50 MB of MySQL and ~50 MB of PostgreSQL…');
  const corpus = Object.fromEntries(dialects.map((d) => [d, generateScript(d, 50 * MB, { seed: 11 })]));

  const throughput = {};
  for (const d of dialects) {
    const text = corpus[d];
    const bytes = Buffer.byteLength(text);
    log(`throughput ${d}: ours…`);
    const ours = timeRuns(() => splitSql(text, d), 3);
    log(`throughput ${d}: dbgate-query-splitter…`);
    const theirs = timeRuns(() => dbgate.splitQuery(text, DBGATE_OPTIONS[d]), 1);
    throughput[d] = {
      bytes,
      statements: splitSql(text, d).length,
      oursMs: ours.median,
      dbgateMs: theirs.median,
      oursMBps: mbPerSecond(bytes, ours.median),
      dbgateMBps: mbPerSecond(bytes, theirs.median),
      ratio: theirs.median / ours.median,
    };
  }

  const agreement = {};
  for (const d of dialects) {
    log(`boundary agreement ${d}…`);
    const text = generateScript(d, 5 * MB, { seed: 23, portable: true });
    agreement[d] = compareBoundaries(splitSql(text, d), dbgate.splitQuery(text, DBGATE_OPTIONS[d]));
  }

  const linearity = {};
  for (const d of dialects) {
    log(`linearity ${d}…`);
    const small = generateScript(d, 5 * MB, { seed: 37 });
    const large = small.repeat(10);
    const t1 = timeRuns(() => splitSql(small, d), 7).min;
    const t10 = timeRuns(() => splitSql(large, d), 3).min;
    linearity[d] = { smallBytes: Buffer.byteLength(small), oneXMs: t1, tenXMs: t10, ratio: t10 / t1 };
  }

  log('peak memory for a 100 MB file (child process)…');
  const memory = measureMemory(bundle.path, generateScript('mysql', 100 * MB, { seed: 53 }));

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    targets: TARGETS,
    throughput,
    agreement,
    linearity,
    memory,
  };
  const verdicts = report(results);
  mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench-results', 'split.json'), `${JSON.stringify({ ...results, verdicts }, null, 2)}\n`);
  console.log('\nsaved bench-results/split.json');
  process.exitCode = Object.values(verdicts).every(Boolean) ? 0 : 1;
} finally {
  bundle.cleanup();
}

function measureMemory(bundlePath, text) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-split-mem-'));
  try {
    const file = join(dir, 'big.sql');
    writeFileSync(file, text);
    const child = fileURLToPath(new URL('./bench-split/memory-child.mjs', import.meta.url));
    const out = execFileSync(process.execPath, ['--expose-gc', child, bundlePath, file, 'mysql'], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(r) {
  const pass = (ok) => (ok ? 'PASS' : 'FAIL');
  const verdicts = {};
  const rows = [];
  for (const [d, t] of Object.entries(r.throughput)) {
    verdicts[`throughput.${d}`] = t.ratio >= TARGETS.throughputRatio;
    rows.push([`throughput ${d} (${fmt(t.bytes / MB)} MB, ${t.statements} stmts)`,
      `${fmt(t.oursMBps)} MB/s`, `${fmt(t.dbgateMBps)} MB/s`, `${fmt(t.ratio)}×`, `≥ ${TARGETS.throughputRatio}×`,
      pass(verdicts[`throughput.${d}`])]);
  }
  for (const [d, a] of Object.entries(r.agreement)) {
    verdicts[`agreement.${d}`] = a.percent >= TARGETS.agreementPercent;
    rows.push([`boundaries ${d} (common syntax, ${a.ours} vs ${a.theirs} stmts)`,
      `${a.matched} same`, '', `${fmt(a.percent, 2)} %`, `≥ ${TARGETS.agreementPercent} %`, pass(verdicts[`agreement.${d}`])]);
  }
  for (const [d, l] of Object.entries(r.linearity)) {
    verdicts[`linearity.${d}`] = l.ratio <= TARGETS.linearityRatio;
    rows.push([`linearity ${d} (${fmt(l.smallBytes / MB)} MB vs 10×)`, `${fmt(l.oneXMs)} ms`, `${fmt(l.tenXMs)} ms`,
      `${fmt(l.ratio, 2)}×`, `≤ ${TARGETS.linearityRatio}×`, pass(verdicts[`linearity.${d}`])]);
  }
  const m = r.memory;
  verdicts.memory = m.split.ratio <= TARGETS.memoryRatio;
  rows.push([`peak memory, split of a ${fmt(m.size / MB)} MB file (${m.statements} stmts)`,
    `+${fmt((m.split.peakBytes - m.split.baselineBytes) / MB)} MB RSS`, '', `${fmt(m.split.ratio, 2)}× size`,
    `≤ ${TARGETS.memoryRatio}×`, pass(verdicts.memory)]);
  rows.push([`  (info) read + decode + split, same file (${m.encoding})`,
    `+${fmt((m.pipeline.peakBytes - m.pipeline.baselineBytes) / MB)} MB RSS`, '', `${fmt(m.pipeline.ratio, 2)}× size`, '', '']);

  const header = ['measure', 'ours', 'dbgate / 10×', 'ratio', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\nSQL splitter benchmark — Node ${r.node}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  for (const [d, a] of Object.entries(r.agreement)) {
    if (a.mismatches.length) console.log(`\nfirst boundary differences (${d}):`, a.mismatches);
  }
  return verdicts;
}

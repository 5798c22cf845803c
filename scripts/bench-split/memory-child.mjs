// Child process of the benchmark: reads, decodes and splits one file, and reports peak RSS.
// Two figures: the whole pipeline (read + decode + split) against the RSS before reading, and the
// split alone against the RSS once the decoded text is in memory. For the second, the kernel's
// RSS high-water mark is reset after decoding (Linux: /proc/self/clear_refs); where that is not
// possible the pipeline's high-water mark is used, which can only overstate the split's cost.
import { readFileSync, writeFileSync } from 'node:fs';

const [bundlePath, file, dialect] = process.argv.slice(2);
const { decodeSqlFile, splitSql } = await import(bundlePath);

function memory() {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1]) * 1024;
    return { rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return { rss: process.memoryUsage.rss(), peak: process.resourceUsage().maxRSS * 1024 };
  }
}

function resetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

// Warm the code paths on a small input, so that compiling them is not counted.
splitSql("SELECT 1; DELIMITER $$\nSELECT 'x' $$\n", dialect);
decodeSqlFile(new TextEncoder().encode('SELECT 1;'));
globalThis.gc();
resetPeak();
const before = memory().rss;

/** Like the action, keeps only the decoded text: the bytes are garbage once this returns. */
function readDecoded(path) {
  const bytes = readFileSync(path);
  return { size: bytes.length, decoded: decodeSqlFile(bytes) };
}

const { size, decoded } = readDecoded(file);
if (!decoded.ok) throw new Error(decoded.error);
const decodePeak = memory().peak;

globalThis.gc();
const peakReset = resetPeak();
const textLoaded = memory().rss;
const t0 = performance.now();
const statements = splitSql(decoded.text, dialect);
const splitMs = performance.now() - t0;
const splitPeak = memory().peak;

process.stdout.write(JSON.stringify({
  size,
  encoding: decoded.encoding,
  statements: statements.length,
  splitMs,
  peakReset,
  split: { baselineBytes: textLoaded, peakBytes: splitPeak, ratio: (splitPeak - textLoaded) / size },
  pipeline: { baselineBytes: before, peakBytes: Math.max(decodePeak, splitPeak), ratio: (Math.max(decodePeak, splitPeak) - before) / size },
}));

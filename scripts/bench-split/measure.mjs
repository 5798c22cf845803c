// Timing helpers: wall-clock milliseconds of repeated runs, after one warm-up run. Each run starts
// from a collected heap, so that no run pays for the garbage of the one before.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

export function timeRuns(fn, runs) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor(times.length / 2)], times };
}

export function mbPerSecond(bytes, ms) {
  return bytes / (1 << 20) / (ms / 1000);
}

// Preloaded into the action's process (NODE_OPTIONS=--import) by the benchmark. When the process
// exits it writes its own resource usage to BENCH_USAGE_FILE: CPU time, peak RSS (getrusage's
// maxrss), and its time origin (the epoch ms at which the process started) to place it on the
// benchmark's clock.
import fs from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.once('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(
      file,
      JSON.stringify({
        timeOrigin: performance.timeOrigin,
        exitAtMs: performance.now(),
        userCpuMs: usage.userCPUTime / 1000,
        systemCpuMs: usage.systemCPUTime / 1000,
        maxRssBytes: usage.maxRSS * 1024,
      }),
    );
  });
}

// Shared by the GitHub client tests: a recording log, a client bound to a double, generated files.
import type { Log } from '../../src/log.js';
import { createGitHub, type GitHub, type GitHubOptions } from '../../src/github/client.js';
import type { GitHubDouble, PrFile } from '../doubles/github/index.js';

export interface RecordingLog extends Log {
  lines: { level: keyof Log; message: string }[];
}

export function recordingLog(): RecordingLog {
  const lines: RecordingLog['lines'] = [];
  const at = (level: keyof Log) => (message: string) => void lines.push({ level, message });
  return { lines, debug: at('debug'), info: at('info'), notice: at('notice'), warning: at('warning') };
}

export function clientFor(double: GitHubDouble, opts: Partial<GitHubOptions> = {}): GitHub & { log: RecordingLog } {
  const log = recordingLog();
  return createGitHub({ token: 'ghs_testtoken', apiUrl: double.url, log, ...opts }) as GitHub & { log: RecordingLog };
}

export const HEAD = 'a'.repeat(40);
export const BASE = 'b'.repeat(40);

export function sqlFiles(n: number, prefix = 'migrations/V'): PrFile[] {
  return Array.from({ length: n }, (_, i) => ({
    filename: `${prefix}${String(i + 1).padStart(4, '0')}.sql`,
    status: 'added' as const,
    patch: `@@ -0,0 +1,1 @@\n+SELECT ${i + 1};`,
    additions: 1,
  }));
}

/** Requests to `path` (exact pathname), in arrival order. */
export function requestsTo(double: GitHubDouble, method: string, path: string) {
  return double.requests.filter((r) => r.method === method && r.path === path);
}

// Shared set-up of the DLI flow tests: the real HTTP layer against the loopback doubles, a
// virtual clock for polling and timeouts, and a recording log.
import { createHttpService } from '../../src/http/client.js';
import type { Log } from '../../src/log.js';
import type { DliReport } from '../../src/model.js';
import { runDli, type RunDliDeps } from '../../src/dli/run.js';
import type { DliSettings, HttpSettings } from '../../src/settings/types.js';
import { DOUBLE_AK, DOUBLE_SK, type DliDouble } from '../doubles/dli/index.js';

export const HTTP: HttpSettings = { timeoutSeconds: 10, concurrency: 4, insecureSkipTlsVerify: false };

export function settingsFor(double: DliDouble, overrides: Partial<DliSettings> = {}): DliSettings {
  return {
    mode: 'submit',
    files: ['**/*.sql'],
    region: double.region,
    projectId: double.projectId,
    endpoint: new URL(double.dliUrl),
    iamEndpoint: new URL(double.iamUrl),
    queue: 'sql_queue',
    database: 'db1',
    auth: { kind: 'aksk', ak: DOUBLE_AK, sk: DOUBLE_SK },
    timeoutSeconds: 600,
    ...overrides,
  };
}

export interface RecordingLog extends Log {
  lines: string[];
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  const record = (level: string) => (m: string) => void lines.push(`${level}: ${m}`);
  return { lines, debug: record('debug'), info: record('info'), notice: record('notice'), warning: record('warning') };
}

/** Time that only moves when the code under test sleeps. */
export function virtualClock(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let t = 1_700_000_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
      await new Promise((r) => setImmediate(r));
    },
    slept,
  };
}

export interface RunOptions extends Partial<Omit<RunDliDeps, 'settings' | 'dli' | 'iam' | 'log'>> {
  settings?: Partial<DliSettings>;
}

export async function run(double: DliDouble, files: { path: string; text: string }[], options: RunOptions = {}): Promise<DliReport & { log: string[] }> {
  const { settings: overrides, ...rest } = options;
  const settings = settingsFor(double, overrides);
  const log = recordingLog();
  const clock = virtualClock();
  const report = await runDli({
    settings,
    dli: createHttpService('DLI', settings.endpoint, HTTP, log),
    iam: createHttpService('IAM', settings.iamEndpoint, HTTP, log),
    files,
    auditPassed: true,
    isFork: false,
    commitSha: 'a'.repeat(40),
    log,
    repository: 'octo/repo',
    now: clock.now,
    sleep: clock.sleep,
    ...rest,
  });
  return { ...report, log: log.lines };
}

export function submits(double: DliDouble): number {
  return double.dli.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/jobs/submit-job')).length;
}

// The DLI step: plan the statements of the dli-files, then check or submit the DDL among them.
import type { HttpService } from '../http/types.js';
import type { Log } from '../log.js';
import type { DliReport } from '../model.js';
import type { DliSettings } from '../settings/types.js';
import { createDliAuth } from './auth.js';
import { checkStatements } from './check.js';
import { createDliClient } from './client.js';
import { planStatements, type PlannedStatement, type SourceFile } from './plan.js';
import type { Backoff } from './poll.js';
import { untouchedRows } from './statements.js';
import { submitStatements } from './submit.js';

export interface RunDliDeps {
  settings: DliSettings;
  dli: HttpService;
  iam: HttpService;
  /** Already decoded; only the dli-files matches, any order. */
  files: SourceFile[];
  auditPassed: boolean;
  isFork: boolean;
  commitSha: string;
  log: Log;
  /** `owner/name`: part of each statement's identity (see tags.ts). */
  repository?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Polling backoff (tests shorten it). */
  backoff?: Backoff;
  /** Hides a secret from the log (core.setSecret): the IAM token as soon as it is issued. */
  mask?: (secret: string) => void;
}

/** Never throws: every failure becomes a report with result 'failed' and a reason. */
export async function runDli(deps: RunDliDeps): Promise<DliReport> {
  const { settings } = deps;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + settings.timeoutSeconds * 1000;
  if (settings.mode === 'off') return { mode: 'off', result: 'skipped', statements: [], jobIds: [], reason: 'dli-mode is off' };

  let planned: PlannedStatement[];
  try {
    planned = planStatements(deps.files, settings.database, deps.repository);
  } catch (err) {
    return failedBeforeStart(settings.mode, [], err);
  }
  const skip = (reason: string): DliReport => ({ mode: settings.mode, result: 'skipped', statements: untouchedRows(planned, 'not-attempted'), jobIds: [], reason });
  if (deps.files.length === 0) return skip('no file matched dli-files');
  if (!planned.some((p) => p.classification.kind === 'ddl')) return skip('no DDL statement in the dli-files');
  if (settings.mode === 'submit') {
    if (deps.isFork) return skip('pull requests from forks never submit to DLI');
    if (!deps.auditPassed) return skip('the SQLE audit did not pass fail-on: nothing was submitted to DLI');
  }

  try {
    const auth = await createDliAuth(settings, deps.iam, deps.mask ? { mask: deps.mask } : {});
    const client = createDliClient(deps.dli, auth, settings.queue ? { queue: settings.queue } : {});
    const common = { client, log: deps.log, now, deadline, timeoutSeconds: settings.timeoutSeconds };
    if (settings.mode === 'check') return await checkStatements(common, planned);
    return await submitStatements(
      { ...common, sleep, commitSha: deps.commitSha, ...(settings.queue ? { queue: settings.queue } : {}), ...(deps.backoff ? { backoff: deps.backoff } : {}) },
      planned,
    );
  } catch (err) {
    return failedBeforeStart(settings.mode, planned, err);
  }
}

function failedBeforeStart(mode: 'check' | 'submit', planned: PlannedStatement[], err: unknown): DliReport {
  const reason = err instanceof Error ? err.message : String(err);
  return { mode, result: 'failed', statements: untouchedRows(planned, 'not-attempted'), jobIds: [], reason };
}

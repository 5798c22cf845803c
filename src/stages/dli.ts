import type { EventInfo } from '../event.js';
import type { ChangeSource } from '../files/change-source.js';
import { createGlobMatcher } from '../files/globs.js';
import { readWorkspaceFile } from '../files/read.js';
import { createHttpService } from '../http/client.js';
import type { Log } from '../log.js';
import type { DliReport, Result } from '../model.js';
import { runDli } from '../dli/run.js';
import { decodeSqlFile } from '../sql/encoding.js';
import type { DliSettings, HttpSettings } from '../settings/types.js';

export interface DliStageDeps {
  settings: DliSettings;
  scope: 'changed' | 'all';
  auditResult: Result;
  event: EventInfo;
  workspace: string;
  changes: ChangeSource;
  http: HttpSettings;
  log: Log;
  /** Hides a secret from the log (core.setSecret); the IAM token goes through it. */
  mask?: (secret: string) => void;
}

/** Checks or submits the DDL of the dli-files that the change touched; never throws. */
export async function deliverDdl(deps: DliStageDeps): Promise<DliReport> {
  const { settings, log } = deps;
  try {
    const selection = await deps.changes.select(settings.files, deps.scope);
    const selects = createGlobMatcher(settings.files);
    const files: { path: string; text: string }[] = [];
    for (const target of selection.targets) {
      const read = await readWorkspaceFile(deps.workspace, target.path, selects);
      const decoded = read.ok ? decodeSqlFile(read.bytes) : undefined;
      if (decoded?.ok) files.push({ path: target.path, text: decoded.text });
      else log.warning(`${target.path}: not sent to DLI: ${read.ok ? (decoded && !decoded.ok ? decoded.error : '') : read.error}`);
    }
    return await runDli({
      settings,
      dli: createHttpService('DLI', settings.endpoint, deps.http, log),
      iam: createHttpService('IAM', settings.iamEndpoint, deps.http, log),
      files,
      auditPassed: deps.auditResult === 'passed',
      isFork: deps.event.pull?.fromFork ?? false,
      commitSha: deps.event.headSha,
      repository: `${deps.event.owner}/${deps.event.repo}`,
      log,
      mask: deps.mask ?? (() => {}),
    });
  } catch (err) {
    return { mode: settings.mode, result: 'failed', statements: [], jobIds: [], reason: (err as Error).message };
  }
}

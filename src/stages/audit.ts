import { buildAuditReport } from '../audit/report.js';
import { runAudit } from '../audit/run.js';
import { loadSources } from '../audit/sources.js';
import type { ChangeSource } from '../files/change-source.js';
import { createGlobMatcher } from '../files/globs.js';
import { readWorkspaceFile } from '../files/read.js';
import { assertCheckedOut } from '../files/workspace.js';
import type { EventInfo } from '../event.js';
import { asRequestError, describeGitHubError } from '../github/errors.js';
import type { HttpService } from '../http/types.js';
import type { Log } from '../log.js';
import type { AuditedFile, Report } from '../model.js';
import { createSqleClient } from '../sqle/client.js';
import { openSession } from '../sqle/session.js';
import { dialectForDbType } from '../sql/dialect.js';
import type { Settings } from '../settings/types.js';

export interface AuditStageDeps {
  settings: Settings;
  event: EventInfo;
  workspace: string;
  changes: ChangeSource;
  sqle: HttpService;
  dms: HttpService;
  log: Log;
  mask: (secret: string) => void;
}

/** Selects, reads and audits the files; whatever fails is recorded in the report, never thrown. */
export async function auditChanges(deps: AuditStageDeps): Promise<Report> {
  const { settings, event, log } = deps;
  const base = {
    language: settings.language,
    serverUrl: event.serverUrl,
    repository: `${event.owner}/${event.repo}`,
    headSha: event.headSha,
    runUrl: event.runUrl,
  };
  const ctx = { failOn: settings.failOn, reportLines: settings.reportLines, changedLines: new Map(), files: [], errors: [] as string[], notes: [] as string[] };
  const empty = { placed: [], records: [], errors: [] };
  let selection;
  try {
    assertCheckedOut(deps.workspace);
    selection = await deps.changes.select(settings.files, settings.scope);
  } catch (err) {
    return buildAuditReport(empty, { ...ctx, errors: [selectionError(err)] }, base);
  }
  const notes = [...selection.notes];
  const changedLines = new Map(selection.targets.map((t) => [t.path, t.changedLines]));
  if (selection.targets.length === 0) {
    notes.push(settings.scope === 'changed' ? 'No file matching the "files" globs was added or modified: nothing to audit.' : 'No file in the workspace matches the "files" globs: nothing to audit.');
    log.info(notes[notes.length - 1] ?? '');
    return buildAuditReport(empty, { ...ctx, notes }, base);
  }
  const selects = createGlobMatcher(settings.files);
  const { sources, files } = await loadSources(selection.targets, (p) => readWorkspaceFile(deps.workspace, p, selects), dialectForDbType(settings.sqle.dbType));
  for (const file of files) if (file.error) log.warning(`${file.path}: not audited: ${file.error}`);
  // Fail closed: a selected file that cannot be audited (binary, refused link...) must not slip past the gate.
  const unaudited = unauditedFiles(files);
  ctx.errors.push(...unaudited);
  if (sources.length === 0) return buildAuditReport(empty, { ...ctx, changedLines, files, notes }, base);

  try {
    const session = await openSession(deps.dms, settings.sqle, log, deps.mask);
    const client = createSqleClient({ sqle: deps.sqle, dms: deps.dms, session, project: settings.sqle.project, language: settings.language });
    let uid: Promise<string | undefined> | undefined;
    const recordUrl = async (recordId: string): Promise<string | undefined> => {
      uid ??= client.projectUid().catch((err: unknown) => {
        log.warning(`The SQLE project uid could not be read, so audit-url stays empty: ${(err as Error).message}`);
        return undefined;
      });
      const projectUid = await uid;
      return projectUid ? `${settings.sqle.url.href.replace(/\/+$/, '')}/sqle/project/${encodeURIComponent(projectUid)}/sql-audit/detail/${encodeURIComponent(recordId)}` : undefined;
    };
    const outcome = await runAudit({
      client,
      sources,
      target: {
        dbType: settings.sqle.dbType,
        instanceName: settings.sqle.instanceName,
        instanceSchema: settings.sqle.instanceSchema,
        ruleTemplate: settings.sqle.ruleTemplate,
      },
      language: settings.language,
      recordUrl,
      log,
    });
    return buildAuditReport(outcome, { ...ctx, changedLines, files, notes }, base);
  } catch (err) {
    return buildAuditReport(empty, { ...ctx, changedLines, files, notes, errors: [...ctx.errors, (err as Error).message] }, base);
  }
}

function unauditedFiles(files: readonly AuditedFile[]): string[] {
  const failed = files.filter((f) => f.error);
  if (failed.length === 0) return [];
  const shown = failed.slice(0, 10).map((f) => `${f.path} (${f.error})`).join('; ');
  const more = failed.length > 10 ? `; and ${failed.length - 10} more` : '';
  return [`${failed.length} selected file${failed.length === 1 ? '' : 's'} could not be audited: ${shown}${more}.`];
}

/** A GitHub API failure while listing the changed files says so; anything else keeps its own message. */
function selectionError(err: unknown): string {
  if (!asRequestError(err)) return (err as Error).message;
  return describeGitHubError(err, 'list the files this change touched', 'contents: read').message;
}

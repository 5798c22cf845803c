import type { GitHub } from '../github/client.js';
import { publishCheckRun } from '../github/checks.js';
import type { EventInfo } from '../event.js';
import type { Log } from '../log.js';
import type { Finding, Report } from '../model.js';
import { toCheckAnnotations, toWorkflowCommands } from '../report/annotations.js';
import { checkRunOutput } from '../report/check-output.js';
import type { Settings } from '../settings/types.js';

export interface AnnotationDeps {
  report: Report;
  /** Findings to annotate: those on changed lines (or all), plus DLI check failures. */
  findings: Finding[];
  settings: Pick<Settings, 'annotations' | 'checkName' | 'http'>;
  gh: GitHub | undefined;
  event: EventInfo;
  log: Log;
  /** Writes one workflow-command line to stdout. */
  writeCommand: (line: string) => void;
}

/** Annotates through a check run, falling back to workflow commands when checks may not be written. */
export async function publishAnnotations(deps: AnnotationDeps): Promise<void> {
  const { settings, log } = deps;
  if (settings.annotations === 'off') return;
  if (settings.annotations !== 'commands') {
    const why = await tryCheckRun(deps);
    if (why === undefined) return;
    log.warning(`${why} Falling back to workflow-command annotations (GitHub shows at most 10 of each level per step; the job summary lists every finding).`);
  }
  for (const line of toWorkflowCommands(deps.findings, deps.report.language)) deps.writeCommand(line);
}

/** undefined when the check run was written; else why not. */
async function tryCheckRun(deps: AnnotationDeps): Promise<string | undefined> {
  const { gh, event, report, settings } = deps;
  if (!gh) return 'No github-token was given, so no check run can be written.';
  if (!event.headSha || !event.owner) return 'The event names no commit to attach a check run to.';
  const output = checkRunOutput(report);
  const result = await publishCheckRun(
    gh,
    {
      owner: event.owner,
      repo: event.repo,
      headSha: event.headSha,
      name: settings.checkName,
      conclusion: report.result === 'passed' ? 'success' : 'failure',
      title: output.title,
      summary: output.summary,
      text: output.text,
      annotations: toCheckAnnotations(deps.findings, report.language),
    },
    settings.http.concurrency,
  );
  if (result.ok) {
    deps.log.info(`Check run "${settings.checkName}" written with ${result.sent} annotations: ${result.url}`);
    return undefined;
  }
  if (result.status === 403) {
    return `The token may not write check runs (HTTP 403: ${result.message}); on pull requests from forks GitHub gives a read-only token, elsewhere add "checks: write" to the workflow's permissions.`;
  }
  return `Writing the check run failed (HTTP ${result.status}: ${result.message}).`;
}

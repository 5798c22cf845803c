import type { GitHub } from '../github/client.js';
import { publishCheckRun } from '../github/checks.js';
import type { EventInfo } from '../event.js';
import type { Log } from '../log.js';
import type { Finding, Report } from '../model.js';
import { commandsOutcome, type AnnotationOutcome } from '../report/annotation-outcome.js';
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

/**
 * Annotates through a check run, falling back to workflow commands when checks may not be
 * written; says how many annotations GitHub will display, for the job summary.
 */
export async function publishAnnotations(deps: AnnotationDeps): Promise<AnnotationOutcome> {
  const { settings, log } = deps;
  if (settings.annotations === 'off') return { via: 'off' };
  if (settings.annotations !== 'commands') {
    const written = await tryCheckRun(deps);
    if (written.ok) return written.outcome;
    log.warning(`${written.why} Falling back to workflow-command annotations: GitHub displays at most 10 of each level per step, so see the job summary for the rest.`);
  }
  for (const line of toWorkflowCommands(deps.findings, deps.report.language)) deps.writeCommand(line);
  return commandsOutcome(deps.findings);
}

type CheckRunAttempt = { ok: true; outcome: AnnotationOutcome } | { ok: false; why: string };

async function tryCheckRun(deps: AnnotationDeps): Promise<CheckRunAttempt> {
  const { gh, event, report, settings } = deps;
  if (!gh) return { ok: false, why: 'No github-token was given, so no check run can be written.' };
  if (!event.headSha || !event.owner) return { ok: false, why: 'The event names no commit to attach a check run to.' };
  const output = checkRunOutput(report);
  const result = await publishCheckRun(
    gh,
    {
      owner: event.owner,
      repo: event.repo,
      headSha: event.headSha,
      name: settings.checkName,
      conclusion: report.result === 'passed' && report.dli?.result !== 'failed' ? 'success' : 'failure',
      title: output.title,
      summary: output.summary,
      text: output.text,
      annotations: toCheckAnnotations(deps.findings, report.language),
    },
    settings.http.concurrency,
  );
  if (result.ok) {
    deps.log.info(`Check run "${settings.checkName}" written with ${result.sent} annotations: ${result.url}`);
    const refused = result.failures.reduce((sum, f) => sum + f.annotations, 0);
    return { ok: true, outcome: { via: 'checks', name: settings.checkName, written: result.sent, refused, url: result.url } };
  }
  // The message already says which permission is missing and that forks only get a read-only token.
  if (result.status === 403) return { ok: false, why: `The token may not write check runs (HTTP 403: ${result.message}).` };
  return { ok: false, why: `Writing the check run failed (${result.status ? `HTTP ${result.status}` : 'no answer'}: ${result.message}).` };
}

import type { GitHub } from '../github/client.js';
import { upsertComment } from '../github/comment.js';
import type { EventInfo } from '../event.js';
import type { Log } from '../log.js';
import type { Report } from '../model.js';
import { commentMarker, renderComment } from '../report/comment.js';
import type { Settings } from '../settings/types.js';

/** Keeps the one pull-request comment of this check (and project) up to date. */
export async function publishComment(
  report: Report,
  settings: Pick<Settings, 'comment' | 'checkName' | 'sqle'>,
  gh: GitHub | undefined,
  event: EventInfo,
  log: Log,
): Promise<void> {
  if (settings.comment === 'off' || !event.pull) return;
  const skip = (why: string) => (settings.comment === 'on' ? log.warning(why) : log.notice(why));
  if (!gh) return skip('No github-token was given: the pull-request comment is skipped.');
  if (settings.comment === 'auto' && event.pull.fromFork && event.name === 'pull_request') {
    return skip('Pull request from a fork: its token may not comment, so the results are in the job summary and annotations only.');
  }
  const marker = commentMarker(`${settings.checkName}\u0000${settings.sqle.project}`);
  const result = await upsertComment(gh, {
    owner: event.owner,
    repo: event.repo,
    issueNumber: event.pull.number,
    marker,
    body: renderComment(report, marker, report.runUrl),
  });
  if (result.ok) log.info(`Pull-request comment ${result.action}: ${result.url}`);
  // The message names the missing permission and says that forks only get a read-only token.
  else if (result.status === 403) skip(`The token may not comment on the pull request (HTTP 403): ${result.message} The results are in the job summary.`);
  else log.warning(`The pull-request comment could not be written (${result.status ? `HTTP ${result.status}` : 'no answer'}: ${result.message}).`);
}

// The facts about a pull request the action needs: its commits, whether it comes from a fork, its size.
import type { GitHub } from './client.js';
import { parseAnswer, pullRequestSchema } from './schemas.js';

export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  /** `owner/repo` the head branch lives in; null when that repository was deleted. */
  headRepoFullName: string | null;
  /** True when the head lives in another repository: the token is then read-only. */
  fromFork: boolean;
  changedFiles: number;
}

export async function getPullRequest(gh: GitHub, ref: { owner: string; repo: string; pullNumber: number }): Promise<PullRequestInfo> {
  const res = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber });
  const pr = parseAnswer(pullRequestSchema, res.data, `pull request #${ref.pullNumber}`);
  const headRepoFullName = pr.head.repo?.full_name ?? null;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    headRepoFullName,
    fromFork: headRepoFullName?.toLowerCase() !== `${ref.owner}/${ref.repo}`.toLowerCase(),
    changedFiles: pr.changed_files,
  };
}

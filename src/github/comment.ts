// One comment per pull request, found again by a hidden marker and edited in place. Two runs that
// race both create one; each then lists again, keeps the oldest and deletes the rest.
import type { GitHub } from './client.js';
import { asRequestError, describeGitHubError } from './errors.js';
import { collectPages, pageFetcher } from './paging.js';
import { issueCommentSchema, issueCommentsSchema, parseAnswer, type IssueComment } from './schemas.js';

export interface CommentRequest {
  owner: string;
  repo: string;
  issueNumber: number;
  /** A hidden HTML comment such as `<!-- sqle-audit -->`; put at the top of the body when absent. */
  marker: string;
  body: string;
}

export type CommentResult =
  | { ok: true; id: number; url: string; action: 'created' | 'updated' }
  | { ok: false; status: number; message: string };

const PER_PAGE = 100;

async function markedComments(gh: GitHub, req: CommentRequest): Promise<IssueComment[]> {
  const what = `the comments of #${req.issueNumber}`;
  const fetchPage = pageFetcher(gh, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: req.owner, repo: req.repo, issue_number: req.issueNumber }, PER_PAGE, (res) =>
    parseAnswer(issueCommentsSchema, res.data, what),
  );
  const all = await collectPages(fetchPage);
  return all.filter((c) => c.body?.includes(req.marker)).sort((a, b) => a.id - b.id);
}

async function update(gh: GitHub, req: CommentRequest, id: number, body: string): Promise<IssueComment> {
  const res = await gh.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: req.owner, repo: req.repo, comment_id: id, body });
  return parseAnswer(issueCommentSchema, res.data, 'the comment update');
}

/** Deletes duplicates; one another run already deleted is fine. */
async function removeAll(gh: GitHub, req: CommentRequest, comments: IssueComment[]): Promise<void> {
  await Promise.all(
    comments.map(async (c) => {
      try {
        await gh.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: req.owner, repo: req.repo, comment_id: c.id });
      } catch (err) {
        if (asRequestError(err)?.status !== 404) throw err;
      }
    }),
  );
}

/** Makes `keep` carry `body` (unless it already does) and removes the other marked comments. */
async function settle(gh: GitHub, req: CommentRequest, keep: IssueComment, others: IssueComment[], body: string): Promise<IssueComment> {
  const kept = keep.body === body ? keep : await update(gh, req, keep.id, body);
  await removeAll(gh, req, others);
  return kept;
}

export async function upsertComment(gh: GitHub, req: CommentRequest): Promise<CommentResult> {
  const body = req.body.includes(req.marker) ? req.body : `${req.marker}\n${req.body}`;
  let step = 'read the pull request comments';
  try {
    const [existing, ...duplicates] = await markedComments(gh, req);
    if (existing) {
      step = 'update the pull request comment';
      const kept = await settle(gh, req, existing, duplicates, body);
      return { ok: true, id: kept.id, url: kept.html_url, action: 'updated' };
    }

    step = 'create the pull request comment';
    const res = await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: req.owner, repo: req.repo, issue_number: req.issueNumber, body });
    const mine = parseAnswer(issueCommentSchema, res.data, 'the comment creation');

    // Another run may have created its own meanwhile: the oldest wins, the others go.
    step = 'remove a duplicate pull request comment';
    const [oldest = mine, ...newer] = await markedComments(gh, req);
    const kept = await settle(gh, req, oldest, newer.filter((c) => c.id !== oldest.id), body);
    if (oldest.id !== mine.id && !newer.some((c) => c.id === mine.id)) await removeAll(gh, req, [mine]);
    return { ok: true, id: kept.id, url: kept.html_url, action: oldest.id === mine.id ? 'created' : 'updated' };
  } catch (err) {
    return { ok: false, ...describeGitHubError(err, step, 'pull-requests: write') };
  }
}

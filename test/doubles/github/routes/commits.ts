// GET /repos/{o}/{r}/compare/{base}...{head} and GET /repos/{o}/{r}/commits/{sha}, paged as GitHub
// documents them: a comparison pages its commits and lists at most 300 files, on the first page only;
// a commit lists 300 files per page by default (or `per_page`), up to 3,000, with Link headers.
import { sendJson } from '../../http-double.js';
import { sendNotFound } from '../errors.js';
import { pageHeaders, pageOf, pageRequest } from '../paging.js';
import { commitJson, diffEntryJson } from '../representations.js';
import type { RouteContext } from '../state.js';
import type { PrFile } from '../types.js';

const COMPARE_MAX_FILES = 300;
const COMPARE_UNPAGED_COMMITS = 250;
const COMMIT_DEFAULT_FILES_PER_PAGE = 300;
const COMMIT_MAX_FILES = 3000;

const stats = (files: PrFile[]) => {
  const additions = files.reduce((n, f) => n + (f.additions ?? 0), 0);
  const deletions = files.reduce((n, f) => n + (f.deletions ?? 0), 0);
  return { additions, deletions, total: additions + deletions };
};

export function compare(ctx: RouteContext): void {
  const basehead = decodeURIComponent(ctx.params[0] ?? '');
  const spec = ctx.state.compare.get(basehead);
  const [base = '', head = ''] = basehead.split('...');
  if (!spec) return sendNotFound(ctx.res);
  const files = Array.isArray(spec) ? spec : spec.files;
  const shas = Array.isArray(spec) || !spec.commits ? [head] : spec.commits;
  const commitOf = (sha: string, i: number) => {
    const known = ctx.state.commits.get(sha);
    return commitJson(ctx.ref, sha, { parents: known?.parents ?? [i === 0 ? base : (shas[i - 1] ?? base)], ...(known?.message ? { message: known.message } : {}) });
  };
  const all = shas.map(commitOf);
  const page = pageRequest(ctx.req.query);
  const listedFiles = files.slice(0, COMPARE_MAX_FILES);
  const body = {
    url: `${ctx.ref.apiUrl}/repos/${ctx.ref.owner}/${ctx.ref.repo}/compare/${basehead}`,
    html_url: `https://github.com/${ctx.ref.owner}/${ctx.ref.repo}/compare/${basehead}`,
    permalink_url: `https://github.com/${ctx.ref.owner}/${ctx.ref.repo}/compare/${ctx.ref.owner}:${base}...${ctx.ref.owner}:${head}`,
    diff_url: `https://github.com/${ctx.ref.owner}/${ctx.ref.repo}/compare/${basehead}.diff`,
    patch_url: `https://github.com/${ctx.ref.owner}/${ctx.ref.repo}/compare/${basehead}.patch`,
    base_commit: commitJson(ctx.ref, base, {}),
    merge_base_commit: commitJson(ctx.ref, base, {}),
    status: shas.length === 0 ? 'identical' : 'ahead',
    ahead_by: shas.length,
    behind_by: 0,
    total_commits: shas.length,
    commits: page.explicit ? pageOf(all, page) : all.slice(-COMPARE_UNPAGED_COMMITS),
    files: !page.explicit || page.page === 1 ? listedFiles.map((f) => diffEntryJson(ctx.ref, head, f)) : [],
  };
  sendJson(ctx.res, 200, body, page.explicit ? pageHeaders(ctx.ref.apiUrl, ctx.req.path, ctx.req.query, all.length, page) : {});
}

export function getCommit(ctx: RouteContext): void {
  const sha = ctx.params[0] ?? '';
  const spec = ctx.state.commits.get(sha);
  if (!spec) return sendUnknownCommit(ctx, sha);
  const files = spec.files.slice(0, COMMIT_MAX_FILES);
  const page = pageRequest(ctx.req.query, COMMIT_DEFAULT_FILES_PER_PAGE);
  const body = {
    ...commitJson(ctx.ref, sha, spec),
    stats: stats(spec.files),
    files: pageOf(files, page).map((f) => diffEntryJson(ctx.ref, sha, f)),
  };
  sendJson(ctx.res, 200, body, pageHeaders(ctx.ref.apiUrl, ctx.req.path, ctx.req.query, files.length, page));
}

function sendUnknownCommit(ctx: RouteContext, sha: string): void {
  // GitHub answers 422 "No commit found for SHA" for a well-formed SHA it does not know.
  if (/^[0-9a-f]{40}$/.test(sha)) {
    sendJson(ctx.res, 422, { message: `No commit found for SHA: ${sha}`, documentation_url: 'https://docs.github.com/rest/commits/commits#get-a-commit', status: '422' });
  } else sendNotFound(ctx.res);
}

// Routes /repos/{owner}/{repo}/... requests to their handlers; anything else is GitHub's 404.
import { sendNotFound } from './errors.js';
import { createCheckRun, updateCheckRun } from './routes/check-runs.js';
import { createComment, deleteComment, listComments, updateComment } from './routes/comments.js';
import { compare, getCommit } from './routes/commits.js';
import { getPull, listPullFiles } from './routes/pulls.js';
import type { RouteContext } from './state.js';

type Route = [method: string, path: RegExp, handler: (ctx: RouteContext) => void];

/** Paths relative to /repos/{owner}/{repo}. */
const ROUTES: Route[] = [
  ['GET', /^\/pulls\/(\d+)$/, getPull],
  ['GET', /^\/pulls\/(\d+)\/files$/, listPullFiles],
  ['GET', /^\/compare\/(.+)$/, compare],
  ['GET', /^\/commits\/([^/]+)$/, getCommit],
  ['POST', /^\/check-runs$/, createCheckRun],
  ['PATCH', /^\/check-runs\/(\d+)$/, updateCheckRun],
  ['GET', /^\/issues\/(\d+)\/comments$/, listComments],
  ['POST', /^\/issues\/(\d+)\/comments$/, createComment],
  ['PATCH', /^\/issues\/comments\/(\d+)$/, updateComment],
  ['DELETE', /^\/issues\/comments\/(\d+)$/, deleteComment],
];

export function route(ctx: Omit<RouteContext, 'params'>): void {
  const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(ctx.req.path);
  const sameRepo = m && m[1]?.toLowerCase() === ctx.ref.owner.toLowerCase() && m[2]?.toLowerCase() === ctx.ref.repo.toLowerCase();
  if (!m || !sameRepo) return sendNotFound(ctx.res);
  const rest = m[3] ?? '';
  for (const [method, pattern, handler] of ROUTES) {
    const hit = pattern.exec(rest);
    if (hit && method === ctx.req.method) return handler({ ...ctx, params: hit.slice(1) });
  }
  sendNotFound(ctx.res);
}

// A loopback double of the GitHub REST API endpoints the action uses: pull request and its files,
// comparisons and commits, check runs, issue comments; with auth, rate limits and a fork mode.
import { startDouble, type DoubleRequest, type RunningDouble } from '../http-double.js';
import type http from 'node:http';
import { sendError } from './errors.js';
import { createRateLimiter } from './rate-limit.js';
import { route } from './router.js';
import { storeComment } from './routes/comments.js';
import { createState } from './state.js';
import type { GitHubDouble, GitHubDoubleOptions } from './types.js';

export type * from './types.js';

/** `Authorization: token <t>` or `Bearer <t>`, as GitHub accepts both. */
function presentedToken(req: DoubleRequest): string | undefined {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim()) : null;
  return m?.[1];
}

export async function startGitHubDouble(opts: GitHubDoubleOptions = {}): Promise<GitHubDouble> {
  const owner = opts.owner ?? 'acme';
  const repo = opts.repo ?? 'db';
  const state = createState(opts);
  const limiter = createRateLimiter();
  const ref = { apiUrl: '', owner, repo };

  const handler = (req: DoubleRequest, res: http.ServerResponse): void => {
    for (const [k, v] of Object.entries(limiter.headers())) res.setHeader(k, v);
    res.setHeader('x-github-api-version-selected', '2022-11-28');
    res.setHeader('x-github-request-id', `DOUBLE:${req.startedAt.toFixed(3)}`);
    const token = presentedToken(req);
    if (!token) return sendError(res, 401, 'Requires authentication');
    if (opts.token !== undefined && token !== opts.token) return sendError(res, 401, 'Bad credentials');
    if (limiter.refuse(res)) return;
    route({ req, res, ref, state });
  };

  const base = await startDouble(handler, { latencyMs: opts.latencyMs ?? 0 });
  ref.apiUrl = base.url;

  const extra: Omit<GitHubDouble, keyof RunningDouble | 'permissions'> = {
    owner,
    repo,
    checkRuns: state.checkRuns,
    comments: state.comments,
    deletedComments: state.deletedComments,
    setPermissions: (p) => {
      state.permissions = p;
    },
    setPullFiles: (files) => {
      if (!state.pull) throw new Error('the double has no pull request');
      state.pull.files = files;
    },
    setCompare: (basehead, spec) => {
      state.compare.set(basehead, spec);
    },
    addComment: (issueNumber, body, user = { login: 'octocat', id: 583231, type: 'User' }) => storeComment({ state }, issueNumber, body, user),
    rateLimitNext: (count, kind, limitOpts) => limiter.plan(count, kind, limitOpts),
  };
  const double = Object.assign(base, extra) as GitHubDouble;
  Object.defineProperty(double, 'permissions', { get: () => state.permissions, enumerable: true });
  return double;
}

// The double's mutable world: the repository's pull request, comparisons and commits, and what
// clients wrote (check runs, comments).
import type http from 'node:http';
import type { DoubleRequest } from '../http-double.js';
import type { RepoRef } from './representations.js';
import type { CommitSpec, CompareSpec, GitHubDoubleOptions, Permissions, PullSpec, StoredCheckRun, StoredComment } from './types.js';

export interface DoubleState {
  pull: PullSpec | undefined;
  compare: Map<string, CompareSpec>;
  commits: Map<string, CommitSpec>;
  permissions: Permissions;
  maxPullFiles: number;
  checkRuns: StoredCheckRun[];
  comments: StoredComment[];
  deletedComments: StoredComment[];
  nextCheckRunId: number;
  nextCommentId: number;
}

export function createState(opts: GitHubDoubleOptions): DoubleState {
  return {
    pull: opts.pull,
    compare: new Map(Object.entries(opts.compare ?? {})),
    commits: new Map(Object.entries(opts.commits ?? {})),
    permissions: opts.permissions ?? 'write',
    maxPullFiles: opts.maxPullFiles ?? 3000,
    checkRuns: [],
    comments: [],
    deletedComments: [],
    nextCheckRunId: 4_000_000_001,
    nextCommentId: 1_900_000_001,
  };
}

/** What a route handler gets: the request, the response, the repository, the state and the path's captures. */
export interface RouteContext {
  req: DoubleRequest;
  res: http.ServerResponse;
  ref: RepoRef;
  state: DoubleState;
  params: string[];
}

/** The parsed JSON body, or undefined when it is not JSON. */
export function jsonBody(ctx: RouteContext): unknown {
  try {
    return JSON.parse(ctx.req.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

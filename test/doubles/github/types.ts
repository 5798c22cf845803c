// The GitHub double's options and the state it records, shaped after GitHub's REST API objects.
import type { RunningDouble } from '../http-double.js';

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** One entry of a pull request's or a comparison's file list (GitHub's "diff entry"). */
export interface PrFile {
  filename: string;
  status: FileStatus;
  previous_filename?: string;
  /** Omitted, as GitHub does, for huge or binary diffs. */
  patch?: string;
  additions?: number;
  deletions?: number;
  changes?: number;
  sha?: string;
}

export interface PullSpec {
  number: number;
  headSha: string;
  baseSha: string;
  /** Differs from `owner/repo` for a pull request from a fork. */
  headRepoFullName?: string;
  headRef?: string;
  baseRef?: string;
  /** Every changed file; the listing returns at most the first 3,000, `changed_files` counts them all. */
  files: PrFile[];
}

/** A comparison: its net files and, optionally, the SHAs of its commits in chronological order. */
export type CompareSpec = PrFile[] | { files: PrFile[]; commits?: string[] };

export interface CommitSpec {
  files: PrFile[];
  parents?: string[];
  message?: string;
}

export type Permissions = 'write' | 'fork';

export interface GitHubDoubleOptions {
  /** Defaults 'acme' / 'db'. */
  owner?: string;
  repo?: string;
  pull?: PullSpec;
  /** Keyed 'base...head'. */
  compare?: Record<string, CompareSpec>;
  /** `GET /repos/{o}/{r}/commits/{sha}`, keyed by SHA. */
  commits?: Record<string, CommitSpec>;
  /** 'fork': the token may read but not write: check runs and comments answer 403. */
  permissions?: Permissions;
  /** When set, only this token is accepted (else any non-empty token). */
  token?: string;
  latencyMs?: number;
  /** Most files GitHub returns for a pull request listing (3,000). */
  maxPullFiles?: number;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation received, in arrival order, across the create and all updates. */
  annotations: Annotation[];
  /** Number of accepted PATCH updates. */
  updates: number;
}

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  user: { login: string; id: number; type: 'Bot' | 'User' };
  createdAt: string;
  updatedAt: string;
  /** Every body this comment had, the first one included, oldest first. */
  history: string[];
}

export type RateLimitKind = 'primary' | 'secondary';

export interface RateLimitPlan {
  kind: RateLimitKind;
  /** How many of the next requests are refused. */
  remaining: number;
  /** 403 (GitHub's usual answer) or 429. */
  status: 403 | 429;
  /** Secondary: the Retry-After value; omit with `retryAfterSeconds: null` to send none. */
  retryAfterSeconds: number | null;
  /** Primary: x-ratelimit-reset is this many seconds from now. */
  resetInSeconds: number;
}

export interface GitHubDouble extends RunningDouble {
  owner: string;
  repo: string;
  checkRuns: StoredCheckRun[];
  /** Live comments, oldest first. */
  comments: StoredComment[];
  deletedComments: StoredComment[];
  permissions: Permissions;
  setPermissions(p: Permissions): void;
  setPullFiles(files: PrFile[]): void;
  setCompare(basehead: string, spec: CompareSpec): void;
  /** Seeds a comment as if someone (by default a human) had written it. */
  addComment(issueNumber: number, body: string, user?: StoredComment['user']): StoredComment;
  /** The next `count` requests answer with a rate limit of this kind. */
  rateLimitNext(count: number, kind: RateLimitKind, opts?: Partial<Omit<RateLimitPlan, 'kind' | 'remaining'>>): void;
}

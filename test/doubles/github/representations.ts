// The JSON GitHub returns for each resource (the fields a client may read, with GitHub's names and types).
import { createHash } from 'node:crypto';
import type { PrFile, PullSpec, StoredCheckRun, StoredComment } from './types.js';

export interface RepoRef {
  /** The double's own base URL: API links point back at it. */
  apiUrl: string;
  owner: string;
  repo: string;
}

const WEB = 'https://github.com';

export const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } as const;

function userJson(user: { login: string; id: number; type: string }): Record<string, unknown> {
  return { login: user.login, id: user.id, node_id: `U_${user.id}`, type: user.type, site_admin: false, html_url: `${WEB}/${user.login}` };
}

function blobSha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function diffEntryJson(ref: RepoRef, sha: string, f: PrFile): Record<string, unknown> {
  const additions = f.additions ?? 0;
  const deletions = f.deletions ?? 0;
  const path = encodeURI(f.filename);
  return {
    sha: f.sha ?? (f.status === 'removed' ? null : blobSha(f.filename)),
    filename: f.filename,
    status: f.status,
    additions,
    deletions,
    changes: f.changes ?? additions + deletions,
    blob_url: `${WEB}/${ref.owner}/${ref.repo}/blob/${sha}/${path}`,
    raw_url: `${WEB}/${ref.owner}/${ref.repo}/raw/${sha}/${path}`,
    contents_url: `${ref.apiUrl}/repos/${ref.owner}/${ref.repo}/contents/${path}?ref=${sha}`,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
  };
}

function repoJson(fullName: string, id: number, apiUrl: string, fork: boolean): Record<string, unknown> {
  const [owner = '', name = ''] = fullName.split('/');
  return {
    id,
    node_id: `R_${id}`,
    name,
    full_name: fullName,
    private: false,
    fork,
    owner: userJson({ login: owner, id: id + 1, type: 'Organization' }),
    html_url: `${WEB}/${fullName}`,
    url: `${apiUrl}/repos/${fullName}`,
  };
}

export function pullJson(ref: RepoRef, pull: PullSpec): Record<string, unknown> {
  const full = `${ref.owner}/${ref.repo}`;
  const headFull = pull.headRepoFullName ?? full;
  const fork = headFull !== full;
  const sum = (k: 'additions' | 'deletions'): number => pull.files.reduce((n, f) => n + (f[k] ?? 0), 0);
  const headOwner = headFull.split('/')[0] ?? ref.owner;
  return {
    url: `${ref.apiUrl}/repos/${full}/pulls/${pull.number}`,
    id: 1_000_000 + pull.number,
    node_id: `PR_${pull.number}`,
    html_url: `${WEB}/${full}/pull/${pull.number}`,
    number: pull.number,
    state: 'open',
    locked: false,
    title: `Pull request ${pull.number}`,
    user: userJson({ login: headOwner, id: 5001, type: 'User' }),
    body: null,
    draft: false,
    merged: false,
    head: {
      label: `${headOwner}:${pull.headRef ?? 'feature'}`,
      ref: pull.headRef ?? 'feature',
      sha: pull.headSha,
      repo: repoJson(headFull, fork ? 2002 : 1001, ref.apiUrl, fork),
    },
    base: {
      label: `${ref.owner}:${pull.baseRef ?? 'main'}`,
      ref: pull.baseRef ?? 'main',
      sha: pull.baseSha,
      repo: repoJson(full, 1001, ref.apiUrl, false),
    },
    commits: 1,
    additions: sum('additions'),
    deletions: sum('deletions'),
    changed_files: pull.files.length,
  };
}

export function commitJson(ref: RepoRef, sha: string, spec: { parents?: string[]; message?: string }): Record<string, unknown> {
  const full = `${ref.owner}/${ref.repo}`;
  const person = { name: 'Dev', email: 'dev@example.com', date: '2024-01-01T00:00:00Z' };
  return {
    sha,
    node_id: `C_${sha}`,
    url: `${ref.apiUrl}/repos/${full}/commits/${sha}`,
    html_url: `${WEB}/${full}/commit/${sha}`,
    comments_url: `${ref.apiUrl}/repos/${full}/commits/${sha}/comments`,
    commit: {
      url: `${ref.apiUrl}/repos/${full}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: spec.message ?? `commit ${sha.slice(0, 7)}`,
      comment_count: 0,
      tree: { sha: blobSha(`tree ${sha}`), url: `${ref.apiUrl}/repos/${full}/git/trees/${blobSha(`tree ${sha}`)}` },
    },
    author: null,
    committer: null,
    parents: (spec.parents ?? []).map((p) => ({ sha: p, url: `${ref.apiUrl}/repos/${full}/commits/${p}`, html_url: `${WEB}/${full}/commit/${p}` })),
  };
}

export function checkRunJson(ref: RepoRef, run: StoredCheckRun): Record<string, unknown> {
  const full = `${ref.owner}/${ref.repo}`;
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: `CR_${run.id}`,
    external_id: '',
    url: `${ref.apiUrl}/repos/${full}/check-runs/${run.id}`,
    html_url: `${WEB}/${full}/runs/${run.id}`,
    details_url: `${WEB}/${full}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${ref.apiUrl}/repos/${full}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: 5000 + run.id },
    app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
    pull_requests: [],
  };
}

export function commentJson(ref: RepoRef, c: StoredComment): Record<string, unknown> {
  const full = `${ref.owner}/${ref.repo}`;
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${ref.apiUrl}/repos/${full}/issues/comments/${c.id}`,
    html_url: `${WEB}/${full}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: userJson(c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${ref.apiUrl}/repos/${full}/issues/${c.issueNumber}`,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  };
}

/** GitHub's timestamps: ISO 8601 to the second, in UTC. */
export function timestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

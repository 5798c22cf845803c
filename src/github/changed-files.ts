// Which files a pull request or a push changed, from the GitHub API.
import type { GitHub } from './client.js';
import { netChanges } from './net-changes.js';
import { collectPages, pageFetcher, pagesFor, type Page } from './paging.js';
import { getPullRequest } from './pull-request.js';
import { commitSchema, comparisonSchema, diffEntriesSchema, parseAnswer, type DiffEntry } from './schemas.js';

export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousPath?: string;
  /** Absent when GitHub omitted it (large or binary diffs). */
  patch?: string;
}

/** GitHub lists at most this many files of a pull request (and of a commit). */
export const MAX_LISTED_FILES = 3000;
/** A comparison lists at most this many files, all on its first page. */
export const MAX_COMPARE_FILES = 300;
/** The `before` of a push that created the branch. */
export const ZERO_SHA = '0000000000000000000000000000000000000000';

const PER_PAGE = 100;
const MAX_FILE_PAGES = MAX_LISTED_FILES / PER_PAGE;

function toChangedFile(e: DiffEntry): ChangedFile {
  return {
    path: e.filename,
    status: e.status,
    ...(e.previous_filename !== undefined ? { previousPath: e.previous_filename } : {}),
    ...(e.patch !== undefined ? { patch: e.patch } : {}),
  };
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The pull request's `changed_files`, when already known: every page is then asked for at once. */
  changedFiles?: number;
}

export async function listPullRequestFiles(gh: GitHub, ref: PullRequestRef): Promise<ChangedFile[]> {
  const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
  const what = `the files of pull request #${ref.pullNumber}`;
  const fetchPage = pageFetcher(gh, route, { owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber }, PER_PAGE, (res) =>
    parseAnswer(diffEntriesSchema, res.data, what),
  );
  const totalPages = ref.changedFiles === undefined ? undefined : pagesFor(Math.min(ref.changedFiles, MAX_LISTED_FILES), PER_PAGE);
  const entries = await collectPages(fetchPage, { ...(totalPages !== undefined ? { totalPages } : {}), maxPages: MAX_FILE_PAGES });
  if (entries.length >= MAX_LISTED_FILES) {
    const total = ref.changedFiles ?? (await getPullRequest(gh, ref)).changedFiles;
    if (total > MAX_LISTED_FILES) {
      gh.log.warning(
        `Pull request #${ref.pullNumber} changes ${total} files; GitHub lists only the first ${MAX_LISTED_FILES}, so the others are not audited. Use \`scope: all\` to audit every matching file.`,
      );
    }
  }
  return entries.map(toChangedFile);
}

/** Every file of one commit (its diff against its first parent), all pages. */
export async function listCommitFiles(gh: GitHub, ref: { owner: string; repo: string; sha: string }): Promise<ChangedFile[]> {
  const what = `commit ${ref.sha}`;
  const fetchPage = pageFetcher(gh, 'GET /repos/{owner}/{repo}/commits/{ref}', { owner: ref.owner, repo: ref.repo, ref: ref.sha }, PER_PAGE, (res) =>
    parseAnswer(commitSchema, res.data, what).files ?? [],
  );
  return (await collectPages(fetchPage, { maxPages: MAX_FILE_PAGES })).map(toChangedFile);
}

export interface CompareRef {
  owner: string;
  repo: string;
  base: string;
  head: string;
}

/**
 * The files changed between `base` and `head` (a push's `before` and `after`). A new branch
 * (`base` is the zero SHA) has nothing to compare with: the head commit's own files are used.
 * GitHub lists at most 300 files of a comparison; past that the commits are replayed one by one.
 */
export async function compareCommits(gh: GitHub, ref: CompareRef): Promise<ChangedFile[]> {
  if (/^0+$/.test(ref.base)) return listCommitFiles(gh, { owner: ref.owner, repo: ref.repo, sha: ref.head });
  const what = `the comparison ${ref.base}...${ref.head}`;
  let files: DiffEntry[] = [];
  let totalCommits = 0;
  const fetchPage = pageFetcher(gh, 'GET /repos/{owner}/{repo}/compare/{basehead}', { owner: ref.owner, repo: ref.repo, basehead: `${ref.base}...${ref.head}` }, PER_PAGE, (res) => {
    const answer = parseAnswer(comparisonSchema, res.data, what);
    totalCommits = answer.total_commits;
    if (answer.files?.length) files = answer.files;
    return answer.commits.map((c) => c.sha);
  });
  const first: Page<string> = await fetchPage(1);
  if (files.length < MAX_COMPARE_FILES) return files.map(toChangedFile);

  gh.log.info(`GitHub lists only the first ${MAX_COMPARE_FILES} files of ${what}; reading its ${totalCommits} commits one by one.`);
  const shas = await collectPages(fetchPage, { first, totalPages: pagesFor(totalCommits, PER_PAGE) });
  const perCommit = await Promise.all(shas.map((sha) => listCommitFiles(gh, { owner: ref.owner, repo: ref.repo, sha })));
  return netChanges(perCommit);
}

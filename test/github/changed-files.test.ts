import { afterEach, describe, expect, it } from 'vitest';
import { compareCommits, listPullRequestFiles, ZERO_SHA } from '../../src/github/changed-files.js';
import { startGitHubDouble, type GitHubDouble, type PrFile } from '../doubles/github/index.js';
import { BASE, HEAD, clientFor, requestsTo, sqlFiles } from './helpers.js';

let double: GitHubDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

const pageOf = (r: { query: URLSearchParams }) => Number(r.query.get('page'));

describe('listPullRequestFiles', () => {
  it('fetches a 3,000-file pull request fully, in order, with pages 2..30 in flight together', async () => {
    const files = sqlFiles(3000);
    double = await startGitHubDouble({ pull: { number: 7, headSha: HEAD, baseSha: BASE, files }, latencyMs: 150 });
    const gh = clientFor(double, { concurrency: 30 });

    const listed = await listPullRequestFiles(gh, { owner: 'acme', repo: 'db', pullNumber: 7 });

    expect(listed.map((f) => f.path)).toEqual(files.map((f) => f.filename));
    expect(listed[0]).toEqual({ path: 'migrations/V0001.sql', status: 'added', patch: '@@ -0,0 +1,1 @@\n+SELECT 1;' });
    const pages = requestsTo(double, 'GET', '/repos/acme/db/pulls/7/files');
    expect(pages.map(pageOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(pages.every((r) => r.query.get('per_page') === '100')).toBe(true);
    const rest = pages.filter((r) => pageOf(r) >= 2);
    const lastStart = Math.max(...rest.map((r) => r.startedAt));
    const firstEnd = Math.min(...rest.map((r) => r.endedAt ?? Infinity));
    expect(lastStart).toBeLessThan(firstEnd); // all 29 overlapped
    expect(double.maxInFlight()).toBe(29);
    // Exactly GitHub's cap: the pull request's count tells there is nothing beyond it.
    expect(requestsTo(double, 'GET', '/repos/acme/db/pulls/7')).toHaveLength(1);
    expect(gh.log.lines.filter((l) => l.level === 'warning')).toEqual([]);
  });

  it('asks for every page at once when changed_files is known, within the concurrency limit', async () => {
    const files = sqlFiles(1050);
    double = await startGitHubDouble({ pull: { number: 7, headSha: HEAD, baseSha: BASE, files }, latencyMs: 50 });
    const gh = clientFor(double, { concurrency: 4 });

    const listed = await listPullRequestFiles(gh, { owner: 'acme', repo: 'db', pullNumber: 7, changedFiles: 1050 });

    expect(listed.map((f) => f.path)).toEqual(files.map((f) => f.filename));
    expect(requestsTo(double, 'GET', '/repos/acme/db/pulls/7/files')).toHaveLength(11);
    expect(double.maxInFlight()).toBe(4);
  });

  it('follows `next` when changed_files was stale (the pull request grew)', async () => {
    double = await startGitHubDouble({ pull: { number: 7, headSha: HEAD, baseSha: BASE, files: sqlFiles(250) } });
    const listed = await listPullRequestFiles(clientFor(double), { owner: 'acme', repo: 'db', pullNumber: 7, changedFiles: 120 });
    expect(listed).toHaveLength(250);
  });

  it('lists the first 3,000 files of a larger pull request and warns about the rest', async () => {
    double = await startGitHubDouble({ pull: { number: 7, headSha: HEAD, baseSha: BASE, files: sqlFiles(3200) } });
    const gh = clientFor(double, { concurrency: 16 });
    const listed = await listPullRequestFiles(gh, { owner: 'acme', repo: 'db', pullNumber: 7, changedFiles: 3200 });
    expect(listed).toHaveLength(3000);
    expect(requestsTo(double, 'GET', '/repos/acme/db/pulls/7/files')).toHaveLength(30);
    expect(gh.log.lines.find((l) => l.level === 'warning')?.message).toMatch(/changes 3200 files; GitHub lists only the first 3000/);
    expect(requestsTo(double, 'GET', '/repos/acme/db/pulls/7')).toHaveLength(0);
  });

  it('asks the pull request for its count when the listing reaches 3,000 files', async () => {
    double = await startGitHubDouble({ pull: { number: 7, headSha: HEAD, baseSha: BASE, files: sqlFiles(3001) } });
    const gh = clientFor(double, { concurrency: 16 });
    expect(await listPullRequestFiles(gh, { owner: 'acme', repo: 'db', pullNumber: 7 })).toHaveLength(3000);
    expect(gh.log.lines.find((l) => l.level === 'warning')?.message).toMatch(/changes 3001 files/);
  });

  it('keeps renamed files, removed files and files whose patch GitHub omitted', async () => {
    const files: PrFile[] = [
      { filename: 'new/name.sql', status: 'renamed', previous_filename: 'old/name.sql', patch: '@@ -1 +1 @@\n-a\n+b' },
      { filename: 'gone.sql', status: 'removed', deletions: 3 },
      { filename: 'huge.sql', status: 'modified' },
    ];
    double = await startGitHubDouble({ pull: { number: 3, headSha: HEAD, baseSha: BASE, files } });
    expect(await listPullRequestFiles(clientFor(double), { owner: 'acme', repo: 'db', pullNumber: 3 })).toEqual([
      { path: 'new/name.sql', status: 'renamed', previousPath: 'old/name.sql', patch: '@@ -1 +1 @@\n-a\n+b' },
      { path: 'gone.sql', status: 'removed' },
      { path: 'huge.sql', status: 'modified' },
    ]);
  });

  it('rejects an answer that is not a file list', async () => {
    double = await startGitHubDouble({ pull: { number: 3, headSha: HEAD, baseSha: BASE, files: [] } });
    double.faults = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ filename: 'a.sql' }]));
      return true;
    };
    await expect(listPullRequestFiles(clientFor(double), { owner: 'acme', repo: 'db', pullNumber: 3 })).rejects.toThrow(/not what the GitHub API documents[\s\S]*status/);
  });
});

describe('compareCommits', () => {
  it('returns the files of a comparison under 300 files from one request', async () => {
    const files = sqlFiles(120);
    double = await startGitHubDouble({ compare: { [`${BASE}...${HEAD}`]: files } });
    const listed = await compareCommits(clientFor(double), { owner: 'acme', repo: 'db', base: BASE, head: HEAD });
    expect(listed.map((f) => f.path)).toEqual(files.map((f) => f.filename));
    expect(double.requests).toHaveLength(1);
  });

  it('replays the commits, in parallel pages, when the comparison lists only its first 300 files', async () => {
    const commits = Array.from({ length: 250 }, (_, i) => (i + 1).toString(16).padStart(40, '0'));
    const all = sqlFiles(500);
    const perCommit: Record<string, { files: PrFile[] }> = {};
    commits.forEach((sha, i) => {
      perCommit[sha] = { files: all.slice(i * 2, i * 2 + 2) };
    });
    // The last commit renames one file and removes another added earlier in the push.
    const last = commits.at(-1) as string;
    perCommit[last] = {
      files: [
        { filename: 'renamed.sql', status: 'renamed', previous_filename: all[0]?.filename as string },
        { filename: all[1]?.filename as string, status: 'removed' },
      ],
    };
    double = await startGitHubDouble({ compare: { [`${BASE}...${HEAD}`]: { files: all, commits } }, commits: perCommit, latencyMs: 5 });
    const gh = clientFor(double, { concurrency: 16 });

    const listed = await compareCommits(gh, { owner: 'acme', repo: 'db', base: BASE, head: HEAD });

    // Added then renamed is added at the new name; added then removed is no change at all.
    expect(listed).toEqual([...all.slice(2, 498).map((f) => ({ path: f.filename, status: 'added' })), { path: 'renamed.sql', status: 'added' }]);
    const comparePages = double.requests.filter((r) => r.path.startsWith('/repos/acme/db/compare/')).map(pageOf);
    expect(comparePages.sort()).toEqual([1, 2, 3]);
    expect(double.requests.filter((r) => r.path.startsWith('/repos/acme/db/commits/'))).toHaveLength(250);
  });

  it('lists the head commit of a new branch (zero SHA base), all its pages', async () => {
    const files = sqlFiles(450);
    double = await startGitHubDouble({ commits: { [HEAD]: { files } } });
    const listed = await compareCommits(clientFor(double), { owner: 'acme', repo: 'db', base: ZERO_SHA, head: HEAD });
    expect(listed.map((f) => f.path)).toEqual(files.map((f) => f.filename));
    expect(requestsTo(double, 'GET', `/repos/acme/db/commits/${HEAD}`).map(pageOf).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

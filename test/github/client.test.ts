import { afterEach, describe, expect, it } from 'vitest';
import { describeGitHubError } from '../../src/github/errors.js';
import { getPullRequest } from '../../src/github/pull-request.js';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github/index.js';
import { BASE, HEAD, clientFor } from './helpers.js';

let double: GitHubDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

const pull = { number: 7, headSha: HEAD, baseSha: BASE, files: [] };
const getPull = { owner: 'acme', repo: 'db', pull_number: 7 };

/** A sleep that records the waits asked for and returns at once. */
function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('createGitHub', () => {
  it('talks to apiUrl with the token and the user agent', async () => {
    double = await startGitHubDouble({ pull, token: 'ghs_testtoken' });
    const res = await clientFor(double, { userAgent: 'sqle-test/1.0' }).request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ number: 7, changed_files: 0, head: { sha: HEAD } });
    const [sent] = double.requests;
    expect(sent?.headers.authorization).toBe('token ghs_testtoken');
    expect(sent?.headers['user-agent']).toContain('sqle-test/1.0');
  });

  it('reads a pull request and tells one from a fork', async () => {
    double = await startGitHubDouble({ pull: { ...pull, headRepoFullName: 'someone/db', files: [{ filename: 'a.sql', status: 'added' }] } });
    expect(await getPullRequest(clientFor(double), { owner: 'acme', repo: 'db', pullNumber: 7 })).toEqual({
      number: 7,
      headSha: HEAD,
      baseSha: BASE,
      headRepoFullName: 'someone/db',
      fromFork: true,
      changedFiles: 1,
    });
    double.setPullFiles([]);
    expect(await getPullRequest(clientFor(double), { owner: 'acme', repo: 'db', pullNumber: 7 })).toMatchObject({ changedFiles: 0 });
    await double.close();
    double = await startGitHubDouble({ pull });
    expect(await getPullRequest(clientFor(double), { owner: 'acme', repo: 'db', pullNumber: 7 })).toMatchObject({ fromFork: false });
  });

  it('explains a rejected token', async () => {
    double = await startGitHubDouble({ pull, token: 'the-right-one' });
    const err = await clientFor(double).request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull).catch((e: unknown) => e);
    expect(describeGitHubError(err, 'read the pull request')).toEqual({ status: 401, message: expect.stringMatching(/401 Bad credentials.*github-token/) });
    expect(double.requests).toHaveLength(1); // not retried
  });

  it('waits for the primary rate limit to reset, then succeeds', async () => {
    double = await startGitHubDouble({ pull });
    double.rateLimitNext(2, 'primary', { resetInSeconds: 2 });
    const { waits, sleep } = recordedSleep();
    const gh = clientFor(double, { sleep });
    const res = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull);
    expect(res.status).toBe(200);
    expect(double.requests.map((r) => r.status)).toEqual([403, 403, 200]);
    expect(waits).toHaveLength(2);
    for (const w of waits) {
      expect(w).toBeGreaterThan(900);
      expect(w).toBeLessThanOrEqual(3000);
    }
    expect(gh.log.lines.some((l) => /primary rate limit \(403\); retrying/.test(l.message))).toBe(true);
  });

  it('honours Retry-After of a secondary rate limit, for writes too', async () => {
    double = await startGitHubDouble({ pull });
    double.rateLimitNext(1, 'secondary', { status: 429, retryAfterSeconds: 7 });
    const { waits, sleep } = recordedSleep();
    const res = await clientFor(double, { sleep }).request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'db', issue_number: 7, body: 'hi' });
    expect(res.status).toBe(201);
    expect(waits).toEqual([7000]);
    expect(double.comments).toHaveLength(1);
  });

  it('waits a minute on a secondary limit that names no time', async () => {
    double = await startGitHubDouble({ pull });
    double.rateLimitNext(1, 'secondary', { retryAfterSeconds: null });
    const { waits, sleep } = recordedSleep();
    await clientFor(double, { sleep }).request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull);
    expect(waits).toEqual([60_000]);
  });

  it('really waits out a short Retry-After', async () => {
    double = await startGitHubDouble({ pull });
    double.rateLimitNext(1, 'secondary', { retryAfterSeconds: 1 });
    const started = Date.now();
    await clientFor(double).request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('gives up at once, with the reset time, when the primary limit resets too late', async () => {
    double = await startGitHubDouble({ pull });
    double.rateLimitNext(1, 'primary', { resetInSeconds: 1800 });
    const { waits, sleep } = recordedSleep();
    const err = await clientFor(double, { sleep }).request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull).catch((e: unknown) => e);
    expect(waits).toEqual([]);
    expect(describeGitHubError(err, 'read the pull request').message).toMatch(/primary API rate limit .* until \d{4}-\d\d-\d\dT/);
  });

  it('bounds the attempts', async () => {
    double = await startGitHubDouble({ pull });
    double.rateLimitNext(10, 'secondary', { retryAfterSeconds: 2 });
    const { waits, sleep } = recordedSleep();
    await expect(clientFor(double, { sleep }).request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull)).rejects.toMatchObject({ status: 403 });
    expect(double.requests).toHaveLength(4);
    expect(waits).toEqual([2000, 2000, 2000]);
  });

  it('retries a read after 5xx answers and a dropped connection, with growing jittered backoff', async () => {
    double = await startGitHubDouble({ pull });
    let failures = 0;
    double.faults = (_req, res) => {
      failures += 1;
      if (failures === 1) res.destroy();
      else if (failures <= 3) {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html>Bad gateway</html>');
      } else return false;
      return true;
    };
    const { waits, sleep } = recordedSleep();
    const res = await clientFor(double, { sleep }).request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull);
    expect(res.status).toBe(200);
    expect(waits).toHaveLength(3);
    // Equal jitter: between half and all of 1 s, 2 s, 4 s.
    const bounds = [[500, 1000], [1000, 2000], [2000, 4000]] as const;
    waits.forEach((w, i) => {
      expect(w).toBeGreaterThanOrEqual(bounds[i]?.[0] ?? 0);
      expect(w).toBeLessThanOrEqual(bounds[i]?.[1] ?? 0);
    });
  });

  it('does not repeat a write that met a 5xx (it may have been applied)', async () => {
    double = await startGitHubDouble({ pull });
    double.faults = (_req, res) => {
      res.writeHead(502);
      res.end();
      return true;
    };
    const { waits, sleep } = recordedSleep();
    await expect(
      clientFor(double, { sleep }).request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'db', issue_number: 7, body: 'x' }),
    ).rejects.toMatchObject({ status: 502 });
    expect(double.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('times out a request that hangs, and names no status', async () => {
    double = await startGitHubDouble({ pull, latencyMs: 2000 });
    const { sleep } = recordedSleep();
    const err = await clientFor(double, { sleep, timeoutMs: 100, retry: { maxAttempts: 2 } })
      .request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull)
      .catch((e: unknown) => e);
    expect(describeGitHubError(err, 'read the pull request')).toEqual({ status: 0, message: expect.stringMatching(/Could not reach the GitHub API to read the pull request/) });
    expect(double.requests).toHaveLength(2);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    double = await startGitHubDouble({ pull, latencyMs: 50 });
    const gh = clientFor(double, { concurrency: 5 });
    await Promise.all(Array.from({ length: 20 }, () => gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', getPull)));
    expect(double.maxInFlight()).toBe(5);
  });
});

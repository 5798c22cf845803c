// The GitHub double answers as GitHub documents: these pin the behaviour the client relies on.
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHubDouble, type GitHubDouble, type GitHubDoubleOptions } from '../doubles/github/index.js';
import { BASE, HEAD, sqlFiles } from './helpers.js';

let double: GitHubDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

async function start(opts: GitHubDoubleOptions = {}): Promise<GitHubDouble> {
  double = await startGitHubDouble({ pull: { number: 7, headSha: HEAD, baseSha: BASE, files: sqlFiles(3000) }, ...opts });
  return double;
}

async function call(d: GitHubDouble, method: string, path: string, body?: unknown, auth = 'Bearer t') {
  const res = await fetch(`${d.url}${path}`, {
    method,
    headers: { ...(auth ? { authorization: auth } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as unknown) : undefined };
}

const note = (i: number) => ({ path: 'a.sql', start_line: i + 1, end_line: i + 1, annotation_level: 'notice', message: `m${i}` });
const run = (extra: Record<string, unknown> = {}) => ({ name: 'SQLE audit', head_sha: HEAD, status: 'completed', conclusion: 'success', output: { title: 't', summary: 's' }, ...extra });

describe('GitHub double', () => {
  it('requires a token, as `token` or `Bearer`', async () => {
    const d = await start({ token: 'good' });
    expect(await call(d, 'GET', '/repos/acme/db/pulls/7', undefined, '')).toMatchObject({ status: 401, json: { message: 'Requires authentication', status: '401' } });
    expect((await call(d, 'GET', '/repos/acme/db/pulls/7', undefined, 'token bad')).status).toBe(401);
    expect((await call(d, 'GET', '/repos/acme/db/pulls/7', undefined, 'token good')).status).toBe(200);
    expect((await call(d, 'GET', '/repos/acme/db/pulls/7', undefined, 'Bearer good')).status).toBe(200);
  });

  it('describes the pull request, with its fork origin and every changed file counted', async () => {
    const d = await startGitHubDouble({ pull: { number: 9, headSha: HEAD, baseSha: BASE, headRepoFullName: 'someone/db', files: sqlFiles(3100) } });
    double = d;
    const { json, headers } = await call(d, 'GET', '/repos/acme/db/pulls/9');
    expect(json).toMatchObject({ number: 9, changed_files: 3100, head: { sha: HEAD, repo: { full_name: 'someone/db', fork: true } }, base: { sha: BASE, repo: { full_name: 'acme/db' } } });
    expect(headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(headers.get('x-ratelimit-reset')).toMatch(/^\d{10}$/);
  });

  it('pages pull request files 30 by default, at most 100, with Link next/last, up to 3,000', async () => {
    const d = await start();
    const first = await call(d, 'GET', '/repos/acme/db/pulls/7/files');
    expect(first.json).toHaveLength(30);
    expect(first.headers.get('link')).toMatch(/page=2>; rel="next", <[^>]*page=100>; rel="last"/);
    const big = await call(d, 'GET', '/repos/acme/db/pulls/7/files?per_page=500&page=30');
    expect(big.json).toHaveLength(100);
    expect((big.json as unknown[])[99]).toMatchObject({ filename: 'migrations/V3000.sql', status: 'added', additions: 1, deletions: 0, changes: 1 });
    expect(big.headers.get('link')).toMatch(/rel="prev".*rel="first"/);
    expect(big.headers.get('link')).not.toMatch(/rel="next"/);
    expect((await call(d, 'GET', '/repos/acme/db/pulls/7/files?per_page=100&page=31')).json).toEqual([]);
    expect((await call(d, 'GET', '/repos/acme/db/pulls/8/files')).status).toBe(404);
  });

  it('lists a comparison’s files on its first page only, at most 300', async () => {
    const commits = Array.from({ length: 120 }, (_, i) => (i + 1).toString(16).padStart(40, '0'));
    const d = await start({ compare: { [`${BASE}...${HEAD}`]: { files: sqlFiles(400), commits } } });
    const unpaged = await call(d, 'GET', `/repos/acme/db/compare/${BASE}...${HEAD}`);
    expect(unpaged.json).toMatchObject({ total_commits: 120, status: 'ahead' });
    expect((unpaged.json as { files: unknown[] }).files).toHaveLength(300);
    const page2 = await call(d, 'GET', `/repos/acme/db/compare/${BASE}...${HEAD}?per_page=100&page=2`);
    expect(page2.json).toMatchObject({ files: [], commits: expect.any(Array) });
    expect((page2.json as { commits: unknown[] }).commits).toHaveLength(20);
  });

  it('lists a commit’s files 300 a page by default, with Link headers', async () => {
    const d = await start({ commits: { [HEAD]: { files: sqlFiles(700) } } });
    const page = await call(d, 'GET', `/repos/acme/db/commits/${HEAD}`);
    expect((page.json as { files: unknown[] }).files).toHaveLength(300);
    expect(page.headers.get('link')).toMatch(/page=3>; rel="last"/);
    expect((await call(d, 'GET', `/repos/acme/db/commits/${'e'.repeat(40)}`)).status).toBe(422);
  });

  it('refuses more than 50 annotations per request with 422 and stores none of them', async () => {
    const d = await start();
    const refused = await call(d, 'POST', '/repos/acme/db/check-runs', run({ output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, (_, i) => note(i)) } }));
    expect(refused).toMatchObject({ status: 422, json: { message: 'Validation Failed', errors: [{ resource: 'CheckRun', field: 'annotations' }] } });
    expect(d.checkRuns).toEqual([]);
  });

  it('accumulates annotations across updates, which may omit the title but not the summary', async () => {
    const d = await start();
    const created = await call(d, 'POST', '/repos/acme/db/check-runs', run({ output: { title: 't', summary: 's', annotations: [note(0)] } }));
    expect(created).toMatchObject({ status: 201, json: { status: 'completed', conclusion: 'success', output: { annotations_count: 1 } } });
    const id = (created.json as { id: number }).id;
    const updated = await call(d, 'PATCH', `/repos/acme/db/check-runs/${id}`, { output: { summary: 's2', annotations: [note(1), note(2)] } });
    expect(updated).toMatchObject({ status: 200, json: { output: { title: 't', summary: 's2', annotations_count: 3 } } });
    expect((await call(d, 'PATCH', `/repos/acme/db/check-runs/${id}`, { output: { title: 'only a title' } })).status).toBe(422);
    expect((await call(d, 'PATCH', '/repos/acme/db/check-runs/1', { output: { summary: 's' } })).status).toBe(404);
    expect(d.checkRuns[0]?.annotations.map((a) => a.message)).toEqual(['m0', 'm1', 'm2']);
  });

  it.each([
    ['no output title on create', run({ output: { summary: 's' } }), /"title" wasn't supplied/],
    ['completed without a conclusion', run({ conclusion: undefined }), /"conclusion" wasn't supplied/],
    ['an unknown annotation level', run({ output: { title: 't', summary: 's', annotations: [{ ...note(0), annotation_level: 'error' }] } }), /not a member of enum/],
    ['columns on a multi-line annotation', run({ output: { title: 't', summary: 's', annotations: [{ ...note(0), end_line: 5, start_column: 1, end_column: 2 }] } }), /start_column and end_column/],
    ['a missing message', run({ output: { title: 't', summary: 's', annotations: [{ ...note(0), message: undefined }] } }), /"message" wasn't supplied/],
    ['a text over 65,535 characters', run({ output: { title: 't', summary: 's', text: 'x'.repeat(65536) } }), /text is too long/],
    ['an unknown head SHA form', run({ head_sha: 'main' }), /No commit found for SHA: main/],
  ])('refuses a check run with %s (422)', async (_what, body, message) => {
    const d = await start();
    const res = await call(d, 'POST', '/repos/acme/db/check-runs', body);
    expect(res.status).toBe(422);
    const { message: said, errors } = res.json as { message: string; errors?: unknown };
    expect(`${said} ${JSON.stringify(errors ?? [])}`).toMatch(message);
  });

  it('answers writes 403 "Resource not accessible by integration" for a fork token, reads 200', async () => {
    const d = await start({ permissions: 'fork' });
    expect(await call(d, 'POST', '/repos/acme/db/check-runs', run())).toMatchObject({ status: 403, json: { message: 'Resource not accessible by integration' } });
    expect((await call(d, 'POST', '/repos/acme/db/issues/7/comments', { body: 'x' })).status).toBe(403);
    expect((await call(d, 'GET', '/repos/acme/db/issues/7/comments')).status).toBe(200);
    d.setPermissions('write');
    expect((await call(d, 'POST', '/repos/acme/db/issues/7/comments', { body: 'x' })).status).toBe(201);
  });

  it('creates, pages, edits and deletes comments, refusing bodies over 65,536 characters', async () => {
    const d = await start();
    for (let i = 0; i < 35; i++) d.addComment(7, `c${i}`);
    const created = await call(d, 'POST', '/repos/acme/db/issues/7/comments', { body: 'mine' });
    expect(created).toMatchObject({ status: 201, json: { body: 'mine', user: { type: 'Bot' } } });
    const page2 = await call(d, 'GET', '/repos/acme/db/issues/7/comments?page=2');
    expect((page2.json as { body: string }[]).map((c) => c.body)).toEqual(['c30', 'c31', 'c32', 'c33', 'c34', 'mine']);
    const id = (created.json as { id: number }).id;
    expect((await call(d, 'PATCH', `/repos/acme/db/issues/comments/${id}`, { body: 'x'.repeat(65537) })).json).toMatchObject({ message: 'Validation Failed', errors: [{ field: 'body' }] });
    expect((await call(d, 'PATCH', `/repos/acme/db/issues/comments/${id}`, { body: 'x'.repeat(65536) })).status).toBe(200);
    expect((await call(d, 'DELETE', `/repos/acme/db/issues/comments/${id}`)).status).toBe(204);
    expect((await call(d, 'DELETE', `/repos/acme/db/issues/comments/${id}`)).status).toBe(404);
    expect(d.deletedComments[0]?.history).toEqual(['mine', 'x'.repeat(65536)]);
  });

  it('serves primary and secondary rate limits on demand', async () => {
    const d = await start();
    d.rateLimitNext(1, 'primary', { resetInSeconds: 30 });
    const primary = await call(d, 'GET', '/repos/acme/db/pulls/7');
    expect(primary.status).toBe(403);
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(primary.headers.get('x-ratelimit-reset')) - Date.now() / 1000).toBeGreaterThan(25);
    expect(primary.json).toMatchObject({ message: expect.stringMatching(/^API rate limit exceeded/) });
    d.rateLimitNext(1, 'secondary', { status: 429, retryAfterSeconds: 12 });
    const secondary = await call(d, 'GET', '/repos/acme/db/pulls/7');
    expect(secondary.status).toBe(429);
    expect(secondary.headers.get('retry-after')).toBe('12');
    expect(secondary.json).toMatchObject({ message: expect.stringMatching(/secondary rate limit/) });
    expect((await call(d, 'GET', '/repos/acme/db/pulls/7')).status).toBe(200);
  });
});

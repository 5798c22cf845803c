import { afterEach, describe, expect, it } from 'vitest';
import { upsertComment, type CommentRequest } from '../../src/github/comment.js';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github/index.js';
import { BASE, HEAD, clientFor } from './helpers.js';

const MARKER = '<!-- sqle-audit:db -->';

let double: GitHubDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

const pull = { number: 7, headSha: HEAD, baseSha: BASE, files: [] };
const req = (body: string): CommentRequest => ({ owner: 'acme', repo: 'db', issueNumber: 7, marker: MARKER, body: `${MARKER}\n${body}` });

describe('upsertComment', () => {
  it('creates the comment once, then edits it in place', async () => {
    double = await startGitHubDouble({ pull });
    double.addComment(7, 'LGTM, but see the audit');
    const gh = clientFor(double);

    const first = await upsertComment(gh, req('run 1'));
    const second = await upsertComment(gh, req('run 2'));

    expect(first).toEqual({ ok: true, id: expect.any(Number), url: expect.stringContaining('#issuecomment-'), action: 'created' });
    expect(second).toEqual({ ok: true, id: first.ok ? first.id : -1, url: expect.any(String), action: 'updated' });
    const mine = double.comments.filter((c) => c.body.includes(MARKER));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.history).toEqual([`${MARKER}\nrun 1`, `${MARKER}\nrun 2`]);
    expect(double.comments).toHaveLength(2); // the human's comment is untouched
  });

  it('does not edit a comment that already says the same', async () => {
    double = await startGitHubDouble({ pull });
    const gh = clientFor(double);
    await upsertComment(gh, req('same'));
    await upsertComment(gh, req('same'));
    expect(double.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('finds its comment on a later page', async () => {
    double = await startGitHubDouble({ pull });
    for (let i = 0; i < 130; i++) double.addComment(7, `chatter ${i}`);
    const gh = clientFor(double);
    await upsertComment(gh, req('v1'));
    for (let i = 0; i < 120; i++) double.addComment(7, `more chatter ${i}`);
    const again = await upsertComment(gh, req('v2'));
    expect(again).toMatchObject({ ok: true, action: 'updated' });
    expect(double.comments.filter((c) => c.body.includes(MARKER))).toHaveLength(1);
  });

  it('leaves exactly one comment when two runs race', async () => {
    double = await startGitHubDouble({ pull, latencyMs: 25 });
    const [a, b] = await Promise.all([upsertComment(clientFor(double), req('run A')), upsertComment(clientFor(double), req('run B'))]);

    expect(a.ok && b.ok).toBe(true);
    const left = double.comments.filter((c) => c.body.includes(MARKER));
    expect(left).toHaveLength(1);
    // Both runs did create one (the race happened) and settled on the oldest.
    expect(double.deletedComments).toHaveLength(1);
    expect(a.ok && b.ok && a.id === b.id && a.id === left[0]?.id).toBe(true);
    expect(left[0]?.id).toBeLessThan(double.deletedComments[0]?.id ?? 0);
  });

  it('removes duplicates an earlier crashed run left behind', async () => {
    double = await startGitHubDouble({ pull });
    const oldest = double.addComment(7, `${MARKER}\nold`, { login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
    double.addComment(7, `${MARKER}\nduplicate`, { login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
    const result = await upsertComment(clientFor(double), req('new'));
    expect(result).toMatchObject({ ok: true, id: oldest.id, action: 'updated' });
    expect(double.comments.map((c) => c.body)).toEqual([`${MARKER}\nnew`]);
  });

  it('puts the marker in a body that lacks it, so the next run finds the comment', async () => {
    double = await startGitHubDouble({ pull });
    const gh = clientFor(double);
    await upsertComment(gh, { owner: 'acme', repo: 'db', issueNumber: 7, marker: MARKER, body: 'no marker' });
    await upsertComment(gh, { owner: 'acme', repo: 'db', issueNumber: 7, marker: MARKER, body: 'still none' });
    expect(double.comments.map((c) => c.body)).toEqual([`${MARKER}\nstill none`]);
  });

  it('returns ok:false with the permission to add when the token is read-only (fork)', async () => {
    double = await startGitHubDouble({ pull, permissions: 'fork' });
    const result = await upsertComment(clientFor(double), req('x'));
    expect(result).toEqual({ ok: false, status: 403, message: expect.stringMatching(/create the pull request comment[\s\S]*pull-requests: write/) });
    expect(double.comments).toEqual([]);
  });

  it('returns GitHub’s 422 message for a body over 65,536 characters', async () => {
    double = await startGitHubDouble({ pull });
    const result = await upsertComment(clientFor(double), req('x'.repeat(65536)));
    expect(result).toEqual({ ok: false, status: 422, message: expect.stringMatching(/body is too long \(maximum is 65536 characters\)/) });
  });
});

import { describe, expect, it } from 'vitest';
import { describeGitHubError, githubMessage } from '../../src/github/errors.js';

const answer = (status: number, data: unknown, headers: Record<string, string> = {}) => ({ status, message: 'x', response: { headers, data } });

describe('githubMessage', () => {
  it('joins the message and the messages of its errors', () => {
    expect(githubMessage({ message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long' }, 'plain', { field: 'x', code: 'missing_field' }] })).toBe(
      'Validation Failed: body is too long: plain: x missing_field',
    );
    expect(githubMessage({ message: 'Invalid request.\n\n"name" wasn\'t supplied.' })).toBe('Invalid request. "name" wasn\'t supplied.');
  });
});

describe('describeGitHubError', () => {
  it('names the missing permission on a 403', () => {
    const { status, message } = describeGitHubError(answer(403, { message: 'Resource not accessible by integration' }), 'create the check run', 'checks: write');
    expect(status).toBe(403);
    expect(message).toContain('permissions: checks: write');
    expect(message).toContain('forks');
  });

  it('explains 401, 404 and 422', () => {
    expect(describeGitHubError(answer(401, { message: 'Bad credentials' }), 'read').message).toMatch(/github-token/);
    expect(describeGitHubError(answer(404, { message: 'Not Found' }), 'read the pull request').message).toMatch(/contents: read/);
    expect(describeGitHubError(answer(422, { message: 'Validation Failed', errors: ['nope'] }), 'update').message).toMatch(/422 Validation Failed: nope/);
  });

  it('tells a rate limit from a permission problem', () => {
    expect(describeGitHubError(answer(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' }), 'read').message).toMatch(
      /primary API rate limit .* until 2023-11-14T22:13:20.000Z/,
    );
  });

  it('reports failures without an answer with status 0', () => {
    expect(describeGitHubError({ status: 500, message: 'fetch failed' }, 'read')).toEqual({ status: 0, message: 'Could not reach the GitHub API to read: fetch failed' });
    expect(describeGitHubError(new Error('boom'), 'read')).toEqual({ status: 0, message: 'Could not read: boom' });
  });

  it('names the request GitHub answered, and an HTML page by its title', () => {
    const html = { status: 502, message: 'x', request: { method: 'PATCH', url: 'https://api.github.com/repos/acme/db/check-runs/7?x=1' }, response: { headers: {}, data: '<html><head><title>502 Bad Gateway</title></head><body>…</body></html>' } };
    expect(describeGitHubError(html, 'update the check run').message).toBe(
      'GitHub answered 502 while trying to update the check run: an HTML page "502 Bad Gateway"; GitHub API: PATCH /repos/acme/db/check-runs/7',
    );
  });
});

// Turns what the GitHub client throws into a status and a message a user can act on.
import { serverMessage } from '../http/errors.js';
import { rateLimitOf } from './rate-limit.js';

export type GitHubPermission = 'checks: write' | 'pull-requests: write' | 'contents: read';

export interface GitHubFailure {
  /** HTTP status; 0 when no answer came (connection failure, timeout) or the answer was unusable. */
  status: number;
  message: string;
}

/** The shape of Octokit's RequestError, read without depending on its class. */
export interface RequestErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { headers: Record<string, string | number | undefined>; data: unknown };
}

export function asRequestError(err: unknown): RequestErrorLike | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' ? (err as RequestErrorLike) : undefined;
}

/** The error came back as an HTTP answer (as opposed to a connection failure or timeout). */
export function hasResponse(err: RequestErrorLike): err is RequestErrorLike & { response: NonNullable<RequestErrorLike['response']> } {
  return err.response !== undefined;
}

/** GitHub's `message`, followed by the messages of its `errors` entries. */
export function githubMessage(data: unknown): string {
  if (typeof data === 'string') return serverMessage(data);
  if (typeof data !== 'object' || data === null) return '';
  const { message, errors } = data as { message?: unknown; errors?: unknown };
  const parts = typeof message === 'string' ? [message.replace(/\s*\n+\s*/g, ' ').trim()] : [];
  if (Array.isArray(errors)) {
    for (const e of errors) {
      if (typeof e === 'string') parts.push(e);
      else if (typeof e === 'object' && e !== null) {
        const { message: m, field, code } = e as { message?: unknown; field?: unknown; code?: unknown };
        if (typeof m === 'string') parts.push(m);
        else if (typeof field === 'string') parts.push(`${field} ${typeof code === 'string' ? code : 'invalid'}`);
      }
    }
  }
  return parts.filter(Boolean).join(': ');
}

/** `; GitHub API: GET /repos/…` naming the request GitHub answered (the path without its query). */
function requestOf(e: RequestErrorLike): string {
  const { method, url } = e.request ?? {};
  if (!method || !url) return '';
  return `; GitHub API: ${method} ${pathOf(url)}`;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * `doing` completes "while trying to …" (e.g. 'create the check run'); `permission` is the
 * workflow permission that operation needs, named when GitHub answers 403.
 */
export function describeGitHubError(err: unknown, doing: string, permission?: GitHubPermission): GitHubFailure {
  const e = asRequestError(err);
  if (!e) return { status: 0, message: `Could not ${doing}: ${errorText(err)}` };
  if (!hasResponse(e)) return { status: 0, message: `Could not reach the GitHub API to ${doing}: ${e.message}` };
  const said = `${githubMessage(e.response.data) || e.message}${requestOf(e)}`;
  const limit = rateLimitOf(e.status, e.response.headers, e.response.data);
  if (limit) {
    const until = limit.resetAt ? ` until ${limit.resetAt.toISOString()}` : '';
    return { status: e.status, message: `GitHub's ${limit.kind} API rate limit stopped the action from trying to ${doing}${until} (${e.status} ${said}).` };
  }
  switch (e.status) {
    case 401:
      return { status: 401, message: `GitHub rejected the token while trying to ${doing} (401 ${said}): check the github-token input.` };
    case 403: {
      const needs = permission
        ? ` The token lacks the "${permission}" permission: add \`permissions: ${permission}\` to the workflow or job (pull requests from forks only ever get a read-only token).`
        : '';
      return { status: 403, message: `GitHub refused to ${doing} (403 ${said}).${needs}` };
    }
    case 404:
      return {
        status: 404,
        message: `GitHub found nothing to ${doing} (404 ${said}): check the repository and number, and that the token may read the repository (\`permissions: contents: read\`).`,
      };
    case 422:
      return { status: 422, message: `GitHub refused the request to ${doing} as invalid (422 ${said}).` };
    default:
      return { status: e.status, message: `GitHub answered ${e.status} while trying to ${doing}: ${said}` };
  }
}

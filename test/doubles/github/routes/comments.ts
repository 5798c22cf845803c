// Issue comments: list (oldest first, paged), create, update, delete; bodies up to 65,536 characters.
import { sendJson } from '../../http-double.js';
import { sendInvalidRequest, sendNotAccessible, sendNotFound, sendValidationFailed } from '../errors.js';
import { pageHeaders, pageOf, pageRequest } from '../paging.js';
import { BOT, commentJson, timestamp } from '../representations.js';
import { jsonBody, type RouteContext } from '../state.js';
import type { StoredComment } from '../types.js';

const MAX_BODY_CHARS = 65536;

function isIssue(ctx: RouteContext, n: string | undefined): boolean {
  return ctx.state.pull !== undefined && String(ctx.state.pull.number) === n;
}

/** The new body when acceptable; otherwise answers the refusal and returns undefined. */
function acceptedBody(ctx: RouteContext): string | undefined {
  if (ctx.state.permissions === 'fork') {
    sendNotAccessible(ctx.res);
    return undefined;
  }
  const raw = jsonBody(ctx);
  const body = typeof raw === 'object' && raw !== null ? (raw as { body?: unknown }).body : undefined;
  if (body === undefined) {
    sendInvalidRequest(ctx.res, `"body" wasn't supplied.`);
    return undefined;
  }
  if (typeof body !== 'string') {
    sendInvalidRequest(ctx.res, `For 'properties/body', ${JSON.stringify(body)} is not a string.`);
    return undefined;
  }
  if ([...body].length > MAX_BODY_CHARS) {
    sendValidationFailed(ctx.res, [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)` }]);
    return undefined;
  }
  return body;
}

export function listComments(ctx: RouteContext): void {
  if (!isIssue(ctx, ctx.params[0])) return sendNotFound(ctx.res);
  const all = ctx.state.comments.filter((c) => String(c.issueNumber) === ctx.params[0]);
  const page = pageRequest(ctx.req.query);
  sendJson(ctx.res, 200, pageOf(all, page).map((c) => commentJson(ctx.ref, c)), pageHeaders(ctx.ref.apiUrl, ctx.req.path, ctx.req.query, all.length, page));
}

export function storeComment(ctx: Pick<RouteContext, 'state'>, issueNumber: number, body: string, user: StoredComment['user'] = BOT): StoredComment {
  const now = timestamp();
  const comment: StoredComment = { id: ctx.state.nextCommentId++, issueNumber, body, user, createdAt: now, updatedAt: now, history: [body] };
  ctx.state.comments.push(comment);
  return comment;
}

export function createComment(ctx: RouteContext): void {
  if (!isIssue(ctx, ctx.params[0])) return sendNotFound(ctx.res);
  const body = acceptedBody(ctx);
  if (body === undefined) return;
  const comment = storeComment(ctx, Number(ctx.params[0]), body);
  const json = commentJson(ctx.ref, comment);
  sendJson(ctx.res, 201, json, { location: String(json['url']) });
}

function findComment(ctx: RouteContext): StoredComment | undefined {
  return ctx.state.comments.find((c) => String(c.id) === ctx.params[0]);
}

export function updateComment(ctx: RouteContext): void {
  const comment = findComment(ctx);
  if (!comment) return sendNotFound(ctx.res);
  const body = acceptedBody(ctx);
  if (body === undefined) return;
  comment.body = body;
  comment.updatedAt = timestamp();
  comment.history.push(body);
  sendJson(ctx.res, 200, commentJson(ctx.ref, comment));
}

export function deleteComment(ctx: RouteContext): void {
  const comment = findComment(ctx);
  if (!comment) return sendNotFound(ctx.res);
  if (ctx.state.permissions === 'fork') return sendNotAccessible(ctx.res);
  ctx.state.comments.splice(ctx.state.comments.indexOf(comment), 1);
  ctx.state.deletedComments.push(comment);
  ctx.res.writeHead(204);
  ctx.res.end();
}

// GET /repos/{o}/{r}/pulls/{n} and GET /repos/{o}/{r}/pulls/{n}/files (at most 3,000 files listed).
import { sendJson } from '../../http-double.js';
import { sendNotFound } from '../errors.js';
import { pageHeaders, pageOf, pageRequest } from '../paging.js';
import { diffEntryJson, pullJson } from '../representations.js';
import type { RouteContext } from '../state.js';

function thePull(ctx: RouteContext) {
  const pull = ctx.state.pull;
  return pull && String(pull.number) === ctx.params[0] ? pull : undefined;
}

export function getPull(ctx: RouteContext): void {
  const pull = thePull(ctx);
  if (!pull) return sendNotFound(ctx.res);
  sendJson(ctx.res, 200, pullJson(ctx.ref, pull));
}

export function listPullFiles(ctx: RouteContext): void {
  const pull = thePull(ctx);
  if (!pull) return sendNotFound(ctx.res);
  const listed = pull.files.slice(0, ctx.state.maxPullFiles);
  const page = pageRequest(ctx.req.query);
  const body = pageOf(listed, page).map((f) => diffEntryJson(ctx.ref, pull.headSha, f));
  sendJson(ctx.res, 200, body, pageHeaders(ctx.ref.apiUrl, ctx.req.path, ctx.req.query, listed.length, page));
}

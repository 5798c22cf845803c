// POST /repos/{o}/{r}/check-runs and PATCH /repos/{o}/{r}/check-runs/{id}: validated like GitHub,
// annotations appended across updates.
import { sendJson } from '../../http-double.js';
import { checkRunBody, type CheckRunInput } from '../check-run-rules.js';
import { sendInvalidRequest, sendNotAccessible, sendNotFound, sendValidationFailed } from '../errors.js';
import { checkRunJson, timestamp } from '../representations.js';
import { jsonBody, type RouteContext } from '../state.js';
import type { StoredCheckRun } from '../types.js';

/** Validates the body and answers the refusal itself; returns the input when accepted. */
function accepted(ctx: RouteContext, creating: boolean): CheckRunInput | undefined {
  if (ctx.state.permissions === 'fork') {
    sendNotAccessible(ctx.res);
    return undefined;
  }
  const verdict = checkRunBody(jsonBody(ctx), creating);
  if (verdict.ok) return verdict.input;
  if ('invalid' in verdict) sendInvalidRequest(ctx.res, verdict.invalid);
  else sendValidationFailed(ctx.res, verdict.failed);
  return undefined;
}

function apply(run: StoredCheckRun, input: CheckRunInput): void {
  if (input.name !== undefined) run.name = input.name;
  if (input.conclusion !== undefined) {
    run.conclusion = input.conclusion;
    run.status = 'completed';
  } else if (input.status !== undefined) run.status = input.status;
  if (run.status === 'completed' && !run.completedAt) run.completedAt = timestamp();
  if (input.output) {
    if (input.output.title !== undefined) run.output.title = input.output.title;
    run.output.summary = input.output.summary;
    if (input.output.text !== undefined) run.output.text = input.output.text;
    run.annotations.push(...input.output.annotations);
  }
}

export function createCheckRun(ctx: RouteContext): void {
  const input = accepted(ctx, true);
  if (!input) return;
  const run: StoredCheckRun = {
    id: ctx.state.nextCheckRunId++,
    name: input.name ?? '',
    headSha: input.headSha ?? '',
    status: 'queued',
    conclusion: null,
    startedAt: timestamp(),
    completedAt: null,
    output: { title: null, summary: null, text: null },
    annotations: [],
    updates: 0,
  };
  apply(run, input);
  ctx.state.checkRuns.push(run);
  sendJson(ctx.res, 201, checkRunJson(ctx.ref, run));
}

export function updateCheckRun(ctx: RouteContext): void {
  const run = ctx.state.checkRuns.find((r) => String(r.id) === ctx.params[0]);
  if (!run) return sendNotFound(ctx.res);
  const input = accepted(ctx, false);
  if (!input) return;
  apply(run, input);
  run.updates += 1;
  sendJson(ctx.res, 200, checkRunJson(ctx.ref, run));
}

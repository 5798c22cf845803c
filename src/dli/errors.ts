// Turns DLI, API gateway and IAM error answers into errors that say what to fix.
import { ServiceError, displayPath } from '../http/errors.js';
import type { HttpRequest, HttpResponse, ServiceName } from '../http/types.js';

export interface ApiErrorBody {
  code?: string;
  message: string;
  requestId?: string;
}

/** What the hints may name; never a secret. */
export interface ErrorContext {
  authKind: 'aksk' | 'password';
  queue?: string;
}

/** Reads `{error_code, error_msg}` (DLI, gateway) or `{error: {code, message}}` (IAM/Keystone). */
export function parseErrorBody(text: string): ApiErrorBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const o = parsed as Record<string, unknown>;
  const requestId = typeof o['request_id'] === 'string' ? o['request_id'] : undefined;
  if (typeof o['error_code'] === 'string' || typeof o['error_msg'] === 'string') {
    return withRequestId({ code: stringOf(o['error_code']), message: stringOf(o['error_msg']) ?? '' }, requestId);
  }
  const nested = o['error'];
  if (nested && typeof nested === 'object') {
    const e = nested as Record<string, unknown>;
    return withRequestId({ code: stringOf(e['code']), message: stringOf(e['message']) ?? '' }, requestId);
  }
  if (o['is_success'] === false) return withRequestId({ message: stringOf(o['message']) ?? '' }, requestId);
  return undefined;
}

/** An error for a response the caller cannot accept, with a hint on what to fix. */
export function apiError(service: ServiceName, req: Pick<HttpRequest, 'method' | 'path'>, res: HttpResponse, context: ErrorContext): ServiceError {
  const body = parseErrorBody(res.text);
  const requestId = body?.requestId ?? res.headers['x-request-id'];
  const message = body ? body.message : summarize(res.text);
  const hint = hintFor(service, res.status, body?.code, message, context);
  const withId = requestId ? `${hint ?? ''}${hint ? ' ' : ''}(request id ${requestId})` : hint;
  return new ServiceError(service, req.method, displayPath(req), res.status, message, body?.code, withId);
}

export function hintFor(service: ServiceName, status: number, code: string | undefined, message: string, context: ErrorContext): string | undefined {
  const credentials =
    context.authKind === 'aksk'
      ? 'huaweicloud-ak and huaweicloud-sk (and huaweicloud-security-token for temporary credentials)'
      : 'huaweicloud-username, huaweicloud-password and huaweicloud-domain';
  if (code === 'APIGW.0301' || code === 'APIG.0301' || (status === 401 && /IAM authentication/i.test(message))) {
    const skew = /signature expired.*?signature time:\s*([^,]+),\s*server time:\s*([^,\s]+)/i.exec(message);
    if (skew || /signature expired/i.test(message)) {
      const times = skew ? ` (signed at ${skew[1]}, server time ${skew[2]})` : '';
      return `The runner's clock differs from Huawei Cloud's by more than 15 minutes${times}: fix the runner's clock (NTP) and run again`;
    }
    if (/ak not exist/i.test(message)) return 'Huawei Cloud does not know this access key: check huaweicloud-ak';
    if (/reach the limit/i.test(message)) return `The access key is locked for 5 minutes after repeated authentication failures: fix ${credentials} and retry later`;
    if (/signature/i.test(message)) return `Check ${credentials}, and that the runner's clock is right`;
    if (/token/i.test(message)) return `The credentials were rejected: check ${credentials}`;
    return `Check ${credentials}`;
  }
  if (code === 'DLI.0013' || code === 'DLI.0014' || code === 'DLI.0015' || code === 'DLI.0016') {
    return `DLI did not accept the identity: check ${credentials}, dli-project-id and dli-region, and that the user has DLI permissions in that project`;
  }
  if (code === 'DLI.0002' && /queue/i.test(message)) {
    return context.queue
      ? `The queue "${context.queue}" given in dli-queue does not exist in this project and region: check dli-queue, dli-region and dli-project-id`
      : 'No queue was given: set dli-queue to an existing SQL queue';
  }
  if (code === 'DLI.0003') return 'The user lacks a permission this statement needs on DLI: grant it in the DLI console';
  if (code === 'DLI.0012') return 'The queue is not available now (e.g. being created, scaled or frozen): check it in the DLI console';
  if (service === 'IAM' && (status === 401 || status === 400)) return `IAM refused the login: check ${credentials} and dli-region`;
  if (status === 403) return `The user is not allowed to do this: check the permissions of the user of ${credentials}`;
  if (status === 404 && !code) return `Nothing answers at this path: check ${service === 'IAM' ? 'iam-endpoint' : 'dli-endpoint'} and dli-project-id`;
  return undefined;
}

function withRequestId(body: ApiErrorBody, requestId: string | undefined): ApiErrorBody {
  return requestId ? { ...body, requestId } : body;
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function summarize(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (/^<(!doctype|html)/i.test(trimmed)) return 'an HTML page instead of a JSON answer';
  return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
}

import type { z } from 'zod';
import { ServiceError, displayPath, serverMessage } from '../http/errors.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import { sqleCodeError, sqleHttpError, type LoginKind } from './errors.js';
import { envelope } from './schemas.js';

const serviceOf = (req: HttpRequest): 'DMS' | 'SQLE' => (req.path.startsWith('/v1/dms') ? 'DMS' : 'SQLE');

/** The reply's JSON, parsed once; anything else becomes an error naming the request and what came back. */
export function readJson(req: HttpRequest, res: HttpResponse): unknown {
  try {
    return JSON.parse(res.text);
  } catch {
    throw new ServiceError(serviceOf(req), req.method, displayPath(req), res.status, `not JSON: ${serverMessage(res.text) || 'an empty body'}`);
  }
}

/** Validates parsed JSON against the reply's schema, naming where it differs. */
export function checkShape<S extends z.ZodType>(req: HttpRequest, res: HttpResponse, schema: S, json: unknown): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    throw new ServiceError(serviceOf(req), req.method, displayPath(req), res.status, `unexpected reply shape at ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** A reply SQLE/DMS accepted: HTTP 200, envelope code 0, and the expected shape; else an error saying what to do. */
export function acceptReply<S extends z.ZodType>(req: HttpRequest, res: HttpResponse, schema: S, context: { login: LoginKind; project: string }): z.infer<S> {
  if (res.status !== 200) throw sqleHttpError(req, res, context.login, context.project);
  const json = readJson(req, res);
  const env = checkShape(req, res, envelope, json);
  if (env.code !== 0) throw sqleCodeError(req, env.code, env.message, context.project);
  return checkShape(req, res, schema, json);
}

import type { z } from 'zod';
import { ServiceError, displayPath, serverMessage } from '../http/errors.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';

/** Parses and validates a JSON reply; anything else becomes an error naming the request and what came back. */
export function parseJsonReply<S extends z.ZodType>(req: HttpRequest, res: HttpResponse, schema: S): z.infer<S> {
  const service = req.path.startsWith('/v1/dms') ? 'DMS' : 'SQLE';
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    throw new ServiceError(service, req.method, displayPath(req), res.status, `not JSON: ${serverMessage(res.text) || 'an empty body'}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    throw new ServiceError(service, req.method, displayPath(req), res.status, `unexpected reply shape at ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

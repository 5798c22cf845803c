// echo's binder as SQLE uses it: JSON bodies or form fields (multipart or urlencoded) into one
// request struct; a body that does not bind gives HTTP 200 code 2001.
import type { ServerResponse } from 'node:http';
import type { DoubleRequest } from '../../http-double.js';
import { echoSyntaxError, echoTypeError, goJsonSyntaxError } from './go-json.js';
import { type FormPart, multipartBoundary, parseMultipart } from './multipart.js';
import { codeError } from './reply.js';

export interface BoundRequest {
  /** String fields; absent ones read as ''. */
  fields: Record<string, string>;
  /** Raw JSON values (for non-string fields of direct audits). */
  json: Record<string, unknown>;
  files: Map<string, FormPart>;
  multipart: boolean;
}

function bindError(req: DoubleRequest, res: ServerResponse, detail: string): undefined {
  codeError(req, res, 2001, `bind request error: ${detail}, please check request body`);
  return undefined;
}

export function bindRequest(req: DoubleRequest, res: ServerResponse, struct: string, stringFields: readonly string[]): BoundRequest | undefined {
  const contentType = String(req.headers['content-type'] ?? '');
  const bound: BoundRequest = { fields: {}, json: {}, files: new Map(), multipart: false };
  const boundary = multipartBoundary(contentType);
  if (boundary) {
    const parts = parseMultipart(req.body, boundary);
    if (!parts) return bindError(req, res, 'code=400, message=multipart: NextPart: EOF, internal=multipart: NextPart: EOF');
    bound.multipart = true;
    for (const p of parts) {
      if (p.filename !== undefined) {
        if (!bound.files.has(p.name)) bound.files.set(p.name, p);
      } else if (!(p.name in bound.fields)) bound.fields[p.name] = p.data.toString('utf8');
    }
  } else if (/^application\/json/i.test(contentType) && req.body.length > 0) {
    const text = req.body.toString('utf8');
    const syntax = goJsonSyntaxError(text);
    if (syntax) return bindError(req, res, echoSyntaxError(syntax));
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return bindError(req, res, `code=400, message=Unmarshal type error: expected=${struct}, got=${Array.isArray(body) ? 'array' : typeof body}, field=, offset=${req.body.length}`);
    const typeError = echoTypeError(text, body as Record<string, unknown>, stringFields, struct);
    if (typeError) return bindError(req, res, typeError);
    bound.json = body as Record<string, unknown>;
    for (const f of stringFields) if (typeof bound.json[f] === 'string') bound.fields[f] = bound.json[f] as string;
  } else if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) if (!(k in bound.fields)) bound.fields[k] = v;
  }
  for (const f of stringFields) bound.fields[f] ??= '';
  return bound;
}

/** Validation of required query parameters (uint, 0 counts as missing), SQLE's 4013 wording. */
export function requiredUints(req: DoubleRequest, res: ServerResponse, struct: string, names: string[]): number[] | undefined {
  const values: number[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const raw = req.query.get(name) ?? '';
    if (raw !== '' && !/^\d+$/.test(raw)) return bindError(req, res, `code=400, message=strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax, internal=strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`);
    const n = raw === '' ? 0 : Number(raw);
    if (n === 0) missing.push(`${struct}.${name} is required`);
    values.push(n);
  }
  if (missing.length > 0) {
    codeError(req, res, 4013, missing.join('; '));
    return undefined;
  }
  return values;
}

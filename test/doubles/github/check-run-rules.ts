// What GitHub accepts in a check run's create/update body: the schema, the 50-annotation cap per
// request, the 65,535-character output limit and the annotation rules.
import type { FieldError } from './errors.js';
import type { Annotation } from './types.js';

export const MAX_ANNOTATIONS_PER_REQUEST = 50;
export const MAX_OUTPUT_CHARS = 65535;
const MAX_ANNOTATION_BYTES = 64 * 1024;
const MAX_ANNOTATION_TITLE = 255;

const STATUSES = ['queued', 'in_progress', 'completed'];
const CONCLUSIONS = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'stale', 'timed_out'];
const LEVELS = ['notice', 'warning', 'failure'];

export interface CheckRunInput {
  name?: string;
  headSha?: string;
  status?: string;
  conclusion?: string;
  output?: { title?: string; summary: string; text?: string; annotations: Annotation[] };
}

export type Verdict =
  | { ok: true; input: CheckRunInput }
  | { ok: false; invalid: string }
  | { ok: false; failed: FieldError[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const chars = (s: string): number => [...s].length;

class Refusal {
  constructor(readonly verdict: Exclude<Verdict, { ok: true }>) {}
}
const invalid = (detail: string): never => {
  throw new Refusal({ ok: false, invalid: detail });
};
const failed = (field: string, message: string): never => {
  throw new Refusal({ ok: false, failed: [{ resource: 'CheckRun', code: 'custom', field, message }] });
};

function optionalString(body: Obj, key: string, path = key): string | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') invalid(`For 'properties/${path}', ${JSON.stringify(v)} is not a string.`);
  return v as string;
}

function requiredString(body: Obj, key: string, path = key): string {
  const v = optionalString(body, key, path);
  if (v === undefined) invalid(`"${key}" wasn't supplied.`);
  return v as string;
}

function oneOf(value: string | undefined, allowed: string[], path: string): void {
  if (value !== undefined && !allowed.includes(value)) invalid(`For 'properties/${path}', "${value}" is not a member of enum.`);
}

function annotation(raw: unknown, i: number): Annotation {
  const at = `annotations/${i}`;
  if (!isObj(raw)) return invalid(`For 'items', ${JSON.stringify(raw)} is not an object.`);
  const path = requiredString(raw, 'path', `${at}/path`);
  const message = requiredString(raw, 'message', `${at}/message`);
  const level = requiredString(raw, 'annotation_level', `${at}/annotation_level`);
  oneOf(level, LEVELS, `${at}/annotation_level`);
  for (const k of ['start_line', 'end_line']) {
    if (raw[k] === undefined) invalid(`"${k}" wasn't supplied.`);
    if (!isInt(raw[k])) invalid(`For 'properties/${k}', ${JSON.stringify(raw[k])} is not an integer.`);
  }
  for (const k of ['start_column', 'end_column']) {
    if (raw[k] !== undefined && !isInt(raw[k])) invalid(`For 'properties/${k}', ${JSON.stringify(raw[k])} is not an integer.`);
  }
  const a: Annotation = {
    path,
    start_line: raw['start_line'] as number,
    end_line: raw['end_line'] as number,
    annotation_level: level as Annotation['annotation_level'],
    message,
  };
  if (a.start_line < 1) failed('start_line', 'start_line must be greater than or equal to 1');
  if (a.end_line < a.start_line) failed('end_line', 'end_line must be greater than or equal to start_line');
  const hasColumns = raw['start_column'] !== undefined || raw['end_column'] !== undefined;
  if (hasColumns && a.start_line !== a.end_line) failed('start_column', 'start_column and end_column may only be given when start_line and end_line are equal');
  if (raw['start_column'] !== undefined) a.start_column = raw['start_column'] as number;
  if (raw['end_column'] !== undefined) a.end_column = raw['end_column'] as number;
  const title = optionalString(raw, 'title', `${at}/title`);
  const details = optionalString(raw, 'raw_details', `${at}/raw_details`);
  if (title !== undefined) {
    if (chars(title) > MAX_ANNOTATION_TITLE) failed('title', `title is too long (maximum is ${MAX_ANNOTATION_TITLE} characters)`);
    a.title = title;
  }
  if (Buffer.byteLength(message) > MAX_ANNOTATION_BYTES) failed('message', 'message is too long (maximum is 64 KB)');
  if (details !== undefined) {
    if (Buffer.byteLength(details) > MAX_ANNOTATION_BYTES) failed('raw_details', 'raw_details is too long (maximum is 64 KB)');
    a.raw_details = details;
  }
  return a;
}

function output(raw: unknown, creating: boolean): CheckRunInput['output'] {
  if (raw === undefined) return undefined;
  if (!isObj(raw)) return invalid(`For 'properties/output', ${JSON.stringify(raw)} is not an object.`);
  const title = creating ? requiredString(raw, 'title', 'output/title') : optionalString(raw, 'title', 'output/title');
  const summary = requiredString(raw, 'summary', 'output/summary');
  const text = optionalString(raw, 'text', 'output/text');
  if (chars(summary) > MAX_OUTPUT_CHARS) failed('summary', `summary is too long (maximum is ${MAX_OUTPUT_CHARS} characters)`);
  if (text !== undefined && chars(text) > MAX_OUTPUT_CHARS) failed('text', `text is too long (maximum is ${MAX_OUTPUT_CHARS} characters)`);
  const list = raw['annotations'];
  if (list !== undefined && !Array.isArray(list)) invalid(`For 'properties/annotations', ${JSON.stringify(list)} is not an array.`);
  const items = (list ?? []) as unknown[];
  if (items.length > MAX_ANNOTATIONS_PER_REQUEST) failed('annotations', `Only ${MAX_ANNOTATIONS_PER_REQUEST} annotations are allowed per request; ${items.length} were given`);
  return { ...(title !== undefined ? { title } : {}), summary, ...(text !== undefined ? { text } : {}), annotations: items.map(annotation) };
}

export function checkRunBody(raw: unknown, creating: boolean): Verdict {
  try {
    if (!isObj(raw)) return invalid('The request body is not a JSON object.');
    const input: CheckRunInput = {};
    if (creating) {
      input.name = requiredString(raw, 'name');
      input.headSha = requiredString(raw, 'head_sha');
      if (!/^[0-9a-f]{40}$/.test(input.headSha)) failed('head_sha', `No commit found for SHA: ${input.headSha}`);
    } else {
      const name = optionalString(raw, 'name');
      if (name !== undefined) input.name = name;
    }
    const status = optionalString(raw, 'status');
    const conclusion = optionalString(raw, 'conclusion');
    oneOf(status, STATUSES, 'status');
    oneOf(conclusion, CONCLUSIONS, 'conclusion');
    if (conclusion === 'stale') failed('conclusion', 'conclusion cannot be set to stale');
    if (status === 'completed' && conclusion === undefined) invalid(`"conclusion" wasn't supplied.`);
    if (status !== undefined) input.status = status;
    if (conclusion !== undefined) input.conclusion = conclusion;
    const out = output(raw['output'], creating);
    if (out) input.output = out;
    return { ok: true, input };
  } catch (err) {
    if (err instanceof Refusal) return err.verdict;
    throw err;
  }
}

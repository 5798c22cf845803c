// Rebuilds a recorded request against the double: credentials stand-ins, ids of the replayed
// tasks/records instead of the recorded ones, bodies from files/ (or regenerated).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SqleDouble } from '../../doubles/sqle/index.js';
import { type Exchange, FILES_DIR } from './exchanges.js';
import { plain12MiB, sizeZip } from './generate.js';
import { encodeMultipart, type Part } from './multipart.js';

/** What a replay learns as it goes: tokens issued by earlier exchanges, recorded id -> replayed id. */
export class ReplaySession {
  sessionToken = '';
  accessToken = '';
  readonly accessTokenOf = new Map<number, string>();
  readonly taskIds = new Map<number, number>();
  readonly recordIds = new Map<string, string>();

  constructor(readonly double: SqleDouble) {}
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const cookie = (token: string): Record<string, string> => ({ cookie: `dms-token=${token}` });

function accessFrom(s: ReplaySession, exchange: number): string {
  const token = s.accessTokenOf.get(exchange);
  if (!token) throw new Error(`exchange ${exchange} has not issued an access token in this replay`);
  return token;
}

/** Every credential description used in the recordings, and its stand-in. */
const CREDENTIALS: Record<string, (s: ReplaySession) => Record<string, string>> = {
  none: () => ({}),
  'Authorization: Bearer garbage.token.value': () => ({ authorization: 'Bearer garbage.token.value' }),
  'Cookie: dms-token=garbage.token.value': () => cookie('garbage.token.value'),
  'Cookie: dms-token=<session jwt>': (s) => cookie(s.sessionToken),
  'Authorization: Bearer <session jwt>': (s) => bearer(s.sessionToken),
  "Authorization: <session jwt> (no 'Bearer ' prefix)": (s) => ({ authorization: s.sessionToken }),
  'Authorization: Bearer <well-formed HS256 jwt for uid 700200 signed with a different key>': (s) => bearer(s.double.mintToken({ uid: '700200', secret: 'a-different-key' })),
  "Authorization: Bearer <jwt for uid 700200, exp=1600000000 (2020), signed with the server's real secret_key>": (s) =>
    bearer(s.double.mintToken({ uid: '700200', expiresInSeconds: 1_600_000_000 - Math.floor(Date.now() / 1000) })),
  'Authorization: Bearer <access token from 20>': (s) => bearer(accessFrom(s, 20)),
  'Cookie: dms-token=<access token from 20>': (s) => cookie(accessFrom(s, 20)),
  'Authorization: Bearer <access token from 20, after 26 generated a newer one>': (s) => bearer(accessFrom(s, 20)),
  'Authorization: Bearer <access token from 26>': (s) => bearer(accessFrom(s, 26)),
  'Authorization: Bearer <access token>': (s) => bearer(s.accessToken),
};

export function credentials(session: ReplaySession, auth: string | undefined): Record<string, string> {
  const make = CREDENTIALS[auth ?? 'none'];
  if (!make) throw new Error(`no stand-in for the recorded credentials "${auth}"`);
  return make(session);
}

/** The recorded path with replayed task and record ids. */
export function replayPath(session: ReplaySession, recorded: string): string {
  return recorded
    .replace(/\/tasks\/audits\/(\d+)\//, (whole, id: string) => {
      const mapped = session.taskIds.get(Number(id));
      return mapped === undefined ? whole : `/tasks/audits/${mapped}/`;
    })
    .replace(/\/sql_audit_records\/(\d+)\//, (whole, id: string) => {
      const mapped = session.recordIds.get(id);
      return mapped === undefined ? whole : `/sql_audit_records/${mapped}/`;
    });
}

function findFile(name: string, dir = FILES_DIR): string | undefined {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      const found = findFile(name, full);
      if (found) return found;
    } else if (entry === name) return full;
  }
  return undefined;
}

/** An upload described as "@name (...)", from files/ or regenerated. */
export function upload(spec: string): { data: Uint8Array; filename: string } {
  const name = /^@(\S+)/.exec(spec)?.[1];
  if (!name) throw new Error(`not a file reference: ${spec}`);
  const filename = /filename="([^"]+)"/.exec(spec)?.[1] ?? name;
  const size = /^size_(\d+)\.zip$/.exec(name);
  if (size) return { data: sizeZip(Number(size[1])), filename };
  if (name === 'plain_12MiB.sql') return { data: plain12MiB(), filename };
  const file = findFile(name);
  if (!file) throw new Error(`input ${name} is neither in files/ nor regenerable`);
  return { data: readFileSync(file), filename };
}

/** "<content of files/x>" and "(text field) full content of files/x" stand for the file's text. */
function textValue(value: string): string {
  const ref = /^(?:<content of files\/(.+)>|\(text field\) full content of files\/(.+))$/.exec(value);
  const file = ref?.[1] ?? ref?.[2];
  return file ? readFileSync(path.join(FILES_DIR, file), 'utf8') : value;
}

function substitute(value: unknown): unknown {
  if (typeof value === 'string') return textValue(value);
  if (Array.isArray(value)) return value.map(substitute);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
  return value;
}

/** JSON as Python's json.dumps writes it (the recordings were sent that way; offsets in errors depend on it). */
export function pythonJson(value: unknown): string {
  const ascii = (s: string): string => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'string') return ascii(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${ascii(k)}: ${pythonJson(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

export function buildRequest(session: ReplaySession, exchange: Exchange): { url: string; init: RequestInit } {
  const r = exchange.request;
  const headers: Record<string, string> = { ...credentials(session, r.auth), ...(r.headers ?? {}) };
  let body: string | Buffer | undefined;
  if (r.form) {
    const parts: Part[] = Object.entries(r.form).map(([name, value]) => (value.startsWith('@') ? { name, ...upload(value) } : { name, value: textValue(value) }));
    const encoded = encodeMultipart(parts);
    headers['content-type'] = encoded.contentType;
    body = encoded.body;
  } else if (r.raw_body !== undefined || r.json !== undefined) {
    headers['content-type'] = r.content_type ?? 'application/json';
    body = r.raw_body ?? pythonJson(substitute(r.json));
  }
  return { url: session.double.url + replayPath(session, exchange.path), init: { method: exchange.method, headers, ...(body !== undefined ? { body } : {}) } };
}

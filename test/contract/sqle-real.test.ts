// Contract test: every recorded exchange with the real SQLE + DMS 3.2412.1 is replayed against the
// double, which must answer with the same status, the same JSON shape, the same code/message and,
// ids/tokens/timestamps aside, the same content (statements, lines, levels, rules, messages, scores).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqleDouble } from '../doubles/sqle/index.js';
import { firstItems, stripVolatile } from './replay/compare.js';
import { type Exchange, loadExchanges, truncatedCount } from './replay/exchanges.js';
import { buildRequest, ReplaySession } from './replay/request.js';
import { shapeDiff } from './replay/shape.js';

/** Exchanges the double cannot reproduce by design. */
const SKIPPED: Record<number, string> = {
  18: 'sent straight to sqled on 127.0.0.1:10001, bypassing DMS; the double only plays the DMS port',
  19: 'sent straight to sqled on 127.0.0.1:10001, bypassing DMS; the double only plays the DMS port',
};

/** Content that depends on the recording's history rather than on the request. */
const NOT_COMPARED: Record<number, string> = {
  89: 'total_nums counted records (14) of the recorded server, including ones the recording did not keep',
};

/** Statements of audit uploads whose listing was not recorded (README "Scale and paging", gen_inputs.py). */
const STATEMENT_COUNTS: Record<number, number> = { 100: 120, 101: 120, 106: 2, 107: 2, 140: 5, 141: 250, 142: 2500, 144: 3120, 170: 2500, 171: 2500 };

interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

async function send(session: ReplaySession, exchange: Exchange): Promise<Reply> {
  const { url, init } = buildRequest(session, exchange);
  const res = await fetch(url, init);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body: exchange.body_kind === 'json' ? (JSON.parse(text) as unknown) : text };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Tokens and ids the following exchanges refer to. */
function learn(session: ReplaySession, exchange: Exchange, reply: Reply): void {
  const got = reply.body as Json;
  const recorded = exchange.body as Json;
  if (exchange.number === 1) session.sessionToken = got.data.token;
  if (exchange.path === '/v1/dms/users/gen_token' && got.data?.access_token) {
    session.accessTokenOf.set(exchange.number, got.data.access_token);
    session.accessToken = got.data.access_token;
  }
  if (/\/sql_audit_records$/.test(exchange.path) && exchange.method === 'POST' && recorded.data && got.data) {
    session.taskIds.set(recorded.data.task.task_id, got.data.task.task_id);
    session.recordIds.set(recorded.data.sql_audit_record_id, got.data.sql_audit_record_id);
  }
}

function check(session: ReplaySession, exchange: Exchange, reply: Reply): void {
  const where = `${exchange.file}: ${exchange.method} ${exchange.path}`;
  expect(reply.status, where).toBe(exchange.status);
  expect(reply.headers.get('content-type'), where).toBe(exchange.response_headers['Content-Type']);
  expect(reply.headers.has('set-cookie'), where).toBe('Set-Cookie' in exchange.response_headers);
  if (exchange.body_kind === 'text') return void expect(reply.body, where).toBe(exchange.body);
  const recorded = exchange.body as Json;
  const got = reply.body as Json;
  expect(shapeDiff(recorded, got), where).toEqual([]);
  if ('code' in recorded) expect(got.code, where).toBe(recorded.code);
  if ('message' in recorded) expect(got.message, where).toBe(recorded.message);
  const kept = Array.isArray(recorded.data) ? recorded.data.length : 0;
  const count = truncatedCount(exchange);
  if (count !== undefined) expect(got.data.length, where).toBe(count);
  else if (Array.isArray(recorded.data)) expect(got.data.length, where).toBe(kept);
  if (exchange.number in NOT_COMPARED) return;
  expect(stripVolatile(count !== undefined ? firstItems(got, kept) : got), where).toEqual(stripVolatile(recorded));
  const statements = STATEMENT_COUNTS[exchange.number];
  if (statements !== undefined) expect(session.double.records.find((r) => r.id === got.data.sql_audit_record_id)?.statements, where).toBe(statements);
}

/** Exchanges recorded together (a concurrency group) are replayed together. */
function batches(exchanges: Exchange[]): Exchange[][] {
  const out: Exchange[][] = [];
  for (const e of exchanges) {
    const last = out[out.length - 1];
    if (e.concurrency && last?.[0]?.concurrency?.group === e.concurrency.group) last.push(e);
    else out.push([e]);
  }
  return out;
}

const exchanges = loadExchanges();
// The second capture (100-189) ran on a rebuilt stack: a fresh double, and an access token from the start.
const captures: [string, Exchange[]][] = [
  ['first capture (01-96)', exchanges.filter((e) => e.number < 100)],
  ['second capture (100-189)', exchanges.filter((e) => e.number >= 100)],
];

describe('the SQLE double replays the recorded real exchanges', () => {
  it('covers every exchange of index.json', () => {
    expect(exchanges.length).toBeGreaterThanOrEqual(128);
  });

  for (const [title, group] of captures) {
    describe(title, () => {
      let session: ReplaySession;
      beforeAll(async () => {
        // A small audit cost so that concurrent audits visibly overlap in the double's records.
        const double = await startSqleDouble({ auditDelayMs: (n) => 30 + n * 0.002 });
        session = new ReplaySession(double);
        if (group[0]?.number === 100) session.accessToken = double.generateAccessToken();
      });
      afterAll(() => session.double.close());

      for (const batch of batches(group)) {
        const first = batch[0] as Exchange;
        const name = batch.map((e) => e.file).join(' + ');
        const skip = SKIPPED[first.number];
        if (skip) {
          it.skip(`${name} (skipped: ${skip})`, () => {});
          continue;
        }
        it(name, async () => {
          const replies = await Promise.all(batch.map((e) => send(session, e)));
          batch.forEach((e, i) => {
            const reply = replies[i] as Reply;
            learn(session, e, reply);
            check(session, e, reply);
          });
          if (first.concurrency && first.method === 'POST') {
            const records = replies.map((r) => session.double.records.find((rec) => rec.id === (r.body as Json).data.sql_audit_record_id));
            const [a, b] = records;
            expect(a && b && a.startedAt < b.endedAt && b.startedAt < a.endedAt, 'concurrent audits overlap').toBe(true);
          }
          if (first.concurrency && first.method === 'GET') expect(new Set(replies.map((r) => JSON.stringify(stripVolatile(r.body)))).size).toBe(1);
        });
      }
    });
  }
});

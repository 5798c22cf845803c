// Issue 6, the fault-injection matrix end to end: every case of matrix.ts, injected into the
// loopback doubles while `node dist/index.js` runs as the runner runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProxy } from '../support/proxy.js';
import { testPki } from '../support/tls.js';
import { EARLY_FILE, prepareFault } from './fault-injection.js';
import type { RunResult } from './harness.js';
import { ENDPOINTS, FAULTS, FAULT_CASES, TRANSPORT_CASES, type FaultCase, type TransportCaseId } from './matrix.js';
import { withScenario, CLEAN } from './scenario.js';

/** The one line of the log that reports the fault: a warning or an error naming everything. */
function faultLine(r: RunResult, c: FaultCase): string | undefined {
  const wanted = [ENDPOINTS[c.endpoint].names, ...c.says];
  return r.stdout.split('\n').find((line) => /^::(error|warning)::/.test(line) && wanted.every((w) => line.includes(w)));
}

/** What the early record found (one syntax warning in db/a.sql) is in every report. */
function expectEarlyFindings(r: RunResult): void {
  expect(r.outputs['warning-count']).toBe('1');
  expect(r.report?.findings.map((f) => [f.file, f.level])).toEqual([[EARLY_FILE, 'warn']]);
  expect(r.summary).toContain('db/a.sql');
  expect(r.summary).toMatch(/Syntax error/);
}

/** The summary escapes untrusted text as entities and zero-width spaces; the reader sees it decoded. */
function decodeEntities(markdown: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
  return markdown
    .replace(/&(#\d+|[a-z]+);/g, (all, name: string) => (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (named[name] ?? all)))
    .replace(/\u200B/g, '');
}

function expectOutcome(r: RunResult, c: FaultCase, hits: number): void {
  // Nothing is lost: the report file and the summary are always written.
  expect(r.outputs['report-file']).not.toBe('');
  expect(fs.existsSync(r.outputs['report-file'] ?? '')).toBe(true);
  expect(r.summary).not.toBe('');
  const o = c.outcome;
  switch (o.kind) {
    case 'recovers':
      expect(r.outputs['result']).toBe('passed');
      expect(r.exitCode).toBe(0);
      expect(hits).toBe(3);
      expectEarlyFindings(r);
      expect(r.outputs['statements-audited']).toBe('3001');
      return;
    case 'audit-error':
      expect(r.outputs['result']).toBe('error');
      expect(r.exitCode).toBe(1);
      expect(r.report?.result).toBe('error');
      expect(r.report?.errors.length).toBeGreaterThan(0);
      if (o.kept === 'before-fault') expectEarlyFindings(r);
      else expect(r.report?.findings).toEqual([]);
      for (const said of c.says) expect(decodeEntities(r.summary)).toContain(said);
      break;
    case 'degrades':
      expect(r.outputs['result']).toBe('passed');
      expect(r.exitCode).toBe(0);
      expectEarlyFindings(r);
      expect(r.outputs['statements-audited']).toBe('3001');
      // What the failed request would have carried reaches the reader another way, or is left empty.
      if (c.endpoint === 'github-check-run') expect(r.annotations.map((a) => [a.level, a.props['file']])).toEqual([['warning', EARLY_FILE]]);
      if (c.endpoint === 'dms-project') expect(r.outputs['audit-url']).toBe('');
      break;
    case 'dli-failed':
      expect(r.outputs['result']).toBe('passed');
      expect(r.outputs['dli-result']).toBe('failed');
      expect(r.exitCode).toBe(1);
      expectEarlyFindings(r);
      break;
  }
  expect(faultLine(r, c), `no ::error/::warning line names ${ENDPOINTS[c.endpoint].names} and ${c.says.join(' + ')}`).toBeDefined();
}

const title = (c: FaultCase) => `${ENDPOINTS[c.endpoint].title} × ${FAULTS[c.fault]}`;

describe.concurrent('fault-injection matrix, end to end', () => {
  for (const c of FAULT_CASES.filter((c) => c.pending)) it.todo(`${title(c)} (pending: ${c.pending})`);

  it.each(FAULT_CASES.filter((c) => !c.pending).map((c) => [title(c), c] as const))('%s', async (_name, c) => {
    const f = await prepareFault(c);
    try {
      const r = await f.run();
      try {
        expectOutcome(r, c, f.hits().length);
      } catch (err) {
        const log = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::') && !l.startsWith('::debug::'));
        throw new Error(`${(err as Error).message}\n--- exit ${r.exitCode}, outputs ${JSON.stringify(r.outputs)}\n--- log:\n${log.join('\n')}\n--- stderr:\n${r.stderr}`, { cause: err });
      }
    } finally {
      await f.close();
    }
  });
});

const INSECURE_WARNING = '::warning::insecure-skip-tls-verify is on';


const TRANSPORT: Record<TransportCaseId, () => Promise<void>> = {
  'tls-untrusted': () =>
    withScenario({ files: { 'db/a.sql': CLEAN }, sqle: { tls: testPki() } }, async (s) => {
      const r = await s.run();
      expect(r.outputs['result']).toBe('error');
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(/::error::.*SQLE: POST \/sqle\/v1\/projects\/default\/sql_audit_records failed: the TLS certificate of 127\.0\.0\.1:\d+ is not trusted \(\w+\); give its CA in the ca-cert input/);
      expect(r.stdout).not.toContain(INSECURE_WARNING);
    }),
  'tls-ca-cert': () =>
    withScenario({ files: { 'db/a.sql': CLEAN }, sqle: { tls: testPki() } }, async (s) => {
      const r = await s.run({ 'ca-cert': testPki().caCert });
      expect(r.outputs['result']).toBe('passed');
      expect(s.sqle.records).toHaveLength(1);
      expect(r.stdout).not.toContain(INSECURE_WARNING);
    }),
  'tls-ca-cert-file': () =>
    withScenario({ files: { 'db/a.sql': CLEAN }, sqle: { tls: testPki() } }, async (s) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-')), 'ca.pem');
      fs.writeFileSync(file, testPki().caCert);
      const r = await s.run({ 'ca-cert': file });
      expect(r.outputs['result']).toBe('passed');
    }),
  'tls-insecure': () =>
    withScenario({ files: { 'db/a.sql': CLEAN }, sqle: { tls: testPki() } }, async (s) => {
      for (let run = 1; run <= 2; run++) {
        const r = await s.run({ 'insecure-skip-tls-verify': 'true' });
        expect(r.outputs['result']).toBe('passed');
        expect(r.stdout.split('\n').filter((l) => l.startsWith(INSECURE_WARNING))).toHaveLength(1);
      }
      expect(s.sqle.records).toHaveLength(2);
    }),
  proxy: () =>
    withScenario({ files: { 'db/a.sql': CLEAN } }, async (s) => {
      const proxy = await startProxy();
      try {
        const via = await s.run({}, { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url } });
        expect(via.outputs['result']).toBe('passed');
        expect(proxy.seen).toContain(`CONNECT 127.0.0.1:${s.sqle.port}`);
        const before = proxy.seen.length;
        const direct = await s.run({}, { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } });
        expect(direct.outputs['result']).toBe('passed');
        expect(proxy.seen).toHaveLength(before);
      } finally {
        await proxy.close();
      }
    }),
  concurrency: () =>
    // The latency makes every request last long enough that any two sent together overlap.
    withScenario({ files: { [EARLY_FILE]: CLEAN, 'db/big.sql': CLEAN.repeat(3000) }, sqle: { latencyMs: 150 } }, async (s) => {
      const r = await s.run({ concurrency: '1' });
      expect(r.outputs['result']).toBe('passed');
      expect(s.sqle.records).toHaveLength(2);
      expect(s.sqle.maxInFlight()).toBe(1);
    }),
  'retry-after': () =>
    withScenario({ files: { 'db/a.sql': CLEAN } }, async (s) => {
      let refused = false;
      s.sqle.faults = (req, res) => {
        if (refused || !req.path.endsWith('/sqls')) return false;
        refused = true;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end('{"message":"too many requests"}');
        return true;
      };
      const r = await s.run();
      expect(r.outputs['result']).toBe('passed');
      const [first, second] = s.sqle.requests.filter((q) => q.path.endsWith('/sqls'));
      expect(first?.status).toBe(429);
      expect(second?.status).toBe(200);
      expect((second?.startedAt ?? 0) - (first?.endedAt ?? 0)).toBeGreaterThanOrEqual(990);
    }),
};

describe.concurrent('HTTP layer settings, end to end', () => {
  it.each(Object.entries(TRANSPORT_CASES) as [TransportCaseId, string][])('%s: %s', async (id) => {
    await TRANSPORT[id]();
  });
});

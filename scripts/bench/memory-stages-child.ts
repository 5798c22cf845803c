// Child process of the memory breakdown (run by memory-stages.ts with --expose-gc and tsx): audits one
// large file through the action's own modules, stage by stage as src/stages/audit.ts and
// src/audit/run.ts chain them, against the SQLE double in the parent, and reports each stage's peak
// RSS. Before each stage the heap is collected and the kernel's RSS high-water mark reset (Linux:
// /proc/self/clear_refs), so a stage's peak is its own, on top of what the stages before it keep.
import fs from 'node:fs';
import { buildAuditReport } from '../../src/audit/report.js';
import { planRecords } from '../../src/audit/plan.js';
import { placeRows } from '../../src/audit/place.js';
import { loadSources } from '../../src/audit/sources.js';
import { buildZip, entryNames } from '../../src/audit/zip.js';
import { readWorkspaceFile } from '../../src/files/read.js';
import { createHttpService } from '../../src/http/client.js';
import { silentLog } from '../../src/log.js';
import { buildJsonReport } from '../../src/report/json-report.js';
import { createSqleClient } from '../../src/sqle/client.js';

export interface StageMemory {
  stage: string;
  /** Peak RSS while the stage ran. */
  peakBytes: number;
  /** RSS once the stage was over and the heap collected (what the next stages start from). */
  afterBytes: number;
  /** Of which live: the JavaScript heap in use, and memory outside it (buffers) once collected. */
  liveHeapBytes: number;
  liveExternalBytes: number;
  ms: number;
}

const [workspace = '', file = '', sqleUrl = '', token = ''] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function status(key: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return Number(m?.[1] ?? 0) * 1024;
}

const stages: StageMemory[] = [];
async function stage<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  gc();
  fs.writeFileSync('/proc/self/clear_refs', '5');
  const t0 = performance.now();
  const out = await run();
  const ms = performance.now() - t0;
  const peakBytes = status('VmHWM');
  gc();
  const live = process.memoryUsage();
  stages.push({ stage: name, peakBytes, afterBytes: status('VmRSS'), liveHeapBytes: live.heapUsed, liveExternalBytes: live.external, ms });
  return out;
}

const settings = { timeoutSeconds: 600, concurrency: 8, insecureSkipTlsVerify: false };
const url = new URL(sqleUrl);
const client = createSqleClient({
  sqle: createHttpService('SQLE', url, settings, silentLog),
  dms: createHttpService('DMS', url, settings, silentLog),
  session: { kind: 'token', token: () => token, renew: async () => false },
  project: 'default',
  language: 'en',
});

gc();
const baseline = status('VmRSS');
const loaded = await stage('read, check and split the file', () => loadSources([{ path: file, changedLines: 'all' }], (p) => readWorkspaceFile(workspace, p), 'mysql'));
const [source] = loaded.sources;
if (!source) throw new Error(loaded.files[0]?.error ?? 'not loaded');
const statements = source.statements;
const plan = await stage('plan the records', () => planRecords([source]));
const names = plan.map((record) => entryNames(record.units));
let zips: Buffer[][] = await stage('zip every record', () => Promise.all(plan.map((record, i) => buildZip(record.units, names[i] ?? []))));
const created = await stage('post the records', () => Promise.all(zips.map((zip) => client.createAuditRecord(zip, { dbType: 'MySQL' }))));
zips = [];
const rows = await stage('fetch the results', () =>
  Promise.all(created.map((c, i) => client.taskSqls(c.taskId, 1, Math.min(5000, Math.max(100, (plan[i]?.statements ?? 0) + 100))))),
);
const placed = await stage('place the results', () => rows.flatMap((page, i) => placeRows(page.rows, plan[i]?.units ?? [], names[i] ?? [], 'en')));
await stage('build the JSON report', () => {
  const report = buildAuditReport(
    { placed, records: created.map((c) => ({ id: c.recordId, files: [file], statements: 0 })), errors: [] },
    { failOn: 'error', reportLines: 'all', changedLines: new Map(), files: [{ path: file, statements: statements.length }], errors: [], notes: [] },
    { language: 'en', serverUrl: 'https://github.com', repository: 'acme/db', headSha: 'a'.repeat(40), runUrl: '' },
  );
  return JSON.stringify(buildJsonReport(report)).length;
});
process.stdout.write(JSON.stringify({ baselineBytes: baseline, stages }));

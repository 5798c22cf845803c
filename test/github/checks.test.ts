import { afterEach, describe, expect, it } from 'vitest';
import { publishCheckRun, type CheckAnnotation, type CheckRunRequest } from '../../src/github/checks.js';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github/index.js';
import { HEAD, clientFor, requestsTo } from './helpers.js';

let double: GitHubDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

function annotations(n: number): CheckAnnotation[] {
  return Array.from({ length: n }, (_, i) => ({
    path: `migrations/V${i}.sql`,
    start_line: i + 1,
    end_line: i + 2,
    annotation_level: (['notice', 'warning', 'failure'] as const)[i % 3] ?? 'notice',
    message: `finding ${i}`,
    title: `rule_${i}`,
  }));
}

function request(list: CheckAnnotation[], extra: Partial<CheckRunRequest> = {}): CheckRunRequest {
  return { owner: 'acme', repo: 'db', headSha: HEAD, name: 'SQLE audit', conclusion: 'failure', title: '3 errors', summary: 'Summary', annotations: list, ...extra };
}

const bodies = (double: GitHubDouble) =>
  double.requests.filter((r) => r.path.includes('/check-runs')).map((r) => JSON.parse(r.body.toString()) as { output: { title: string; summary: string; annotations: unknown[] } });

describe('publishCheckRun', () => {
  it('sends 120 annotations as a create and two updates of at most 50, all stored', async () => {
    double = await startGitHubDouble();
    const list = annotations(120);
    const result = await publishCheckRun(clientFor(double), request(list), 8);

    expect(result).toEqual({ ok: true, url: expect.stringMatching(/\/runs\/\d+$/), sent: 120, failures: [] });
    expect(requestsTo(double, 'POST', '/repos/acme/db/check-runs')).toHaveLength(1);
    expect(double.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2);
    const sent = bodies(double);
    expect(sent.map((b) => b.output.annotations.length).sort()).toEqual([20, 50, 50]);
    expect(sent.every((b) => b.output.title === '3 errors' && b.output.summary === 'Summary')).toBe(true);
    const [run] = double.checkRuns;
    expect(run).toMatchObject({ name: 'SQLE audit', headSha: HEAD, status: 'completed', conclusion: 'failure', updates: 2 });
    expect(new Set(run?.annotations.map((a) => a.message))).toEqual(new Set(list.map((a) => a.message)));
  });

  it('sends the updates in parallel, within the concurrency given', async () => {
    double = await startGitHubDouble({ latencyMs: 40 });
    const result = await publishCheckRun(clientFor(double, { concurrency: 10 }), request(annotations(310)), 3);
    expect(result.ok && result.sent).toBe(310);
    expect(double.requests.filter((r) => r.method === 'PATCH')).toHaveLength(6);
    expect(double.maxInFlight()).toBe(3);
    expect(double.checkRuns[0]?.annotations).toHaveLength(310);
  });

  it('creates the run with a single request when there is nothing to annotate', async () => {
    double = await startGitHubDouble();
    const result = await publishCheckRun(clientFor(double), request([], { conclusion: 'success' }), 8);
    expect(result).toMatchObject({ ok: true, sent: 0 });
    expect(double.requests).toHaveLength(1);
    expect(double.checkRuns[0]).toMatchObject({ conclusion: 'success', annotations: [] });
  });

  it('reports a batch GitHub refuses with 422 and still sends the others', async () => {
    double = await startGitHubDouble();
    const list = annotations(120);
    list[70] = { ...list[70], start_line: 9, end_line: 3 } as CheckAnnotation;
    const gh = clientFor(double);
    const result = await publishCheckRun(gh, request(list), 8);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sent).toBe(70);
    expect(result.failures).toEqual([{ status: 422, annotations: 50, message: expect.stringMatching(/422 Validation Failed: end_line must be greater/) }]);
    expect(double.checkRuns[0]?.annotations).toHaveLength(70);
    expect(gh.log.lines.some((l) => l.level === 'warning' && l.message.startsWith('50 annotations were not published'))).toBe(true);
  });

  it('creates the run without the first batch when GitHub refuses it, and sends the rest', async () => {
    double = await startGitHubDouble();
    const list = annotations(60);
    list[0] = { ...list[0], start_line: 0 } as CheckAnnotation;
    const result = await publishCheckRun(clientFor(double), request(list), 8);
    expect(result).toMatchObject({ ok: true, sent: 10, failures: [{ status: 422, annotations: 50 }] });
    expect(double.checkRuns).toHaveLength(1);
    expect(double.checkRuns[0]?.annotations).toHaveLength(10);
  });

  it('keeps columns only on single-line annotations, as GitHub requires', async () => {
    double = await startGitHubDouble();
    const list: CheckAnnotation[] = [
      { path: 'a.sql', start_line: 1, end_line: 3, start_column: 2, end_column: 5, annotation_level: 'warning', message: 'multi-line' },
      { path: 'a.sql', start_line: 4, end_line: 4, start_column: 2, end_column: 5, annotation_level: 'notice', message: 'one line', title: 't'.repeat(300) },
    ];
    const result = await publishCheckRun(clientFor(double), request(list), 8);
    expect(result).toMatchObject({ ok: true, sent: 2 });
    const [multi, single] = double.checkRuns[0]?.annotations ?? [];
    expect(multi).not.toHaveProperty('start_column');
    expect(single).toMatchObject({ start_column: 2, end_column: 5 });
    expect([...(single?.title ?? '')]).toHaveLength(255);
  });

  it('returns ok:false without throwing when the token may not write checks (fork)', async () => {
    double = await startGitHubDouble({ permissions: 'fork' });
    const result = await publishCheckRun(clientFor(double), request(annotations(3)), 8);
    expect(result).toEqual({ ok: false, status: 403, message: expect.stringMatching(/Resource not accessible by integration[\s\S]*checks: write/) });
    expect(double.checkRuns).toEqual([]);
  });

  it('returns ok:false when GitHub refuses the run itself (summary over 65,535 characters)', async () => {
    double = await startGitHubDouble();
    const result = await publishCheckRun(clientFor(double), request(annotations(2), { summary: 'x'.repeat(65536) }), 8);
    expect(result).toEqual({ ok: false, status: 422, message: expect.stringMatching(/summary is too long/) });
  });
});

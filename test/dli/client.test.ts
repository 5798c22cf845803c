import { describe, expect, it } from 'vitest';
import type { DliAuth } from '../../src/dli/auth.js';
import { createDliClient } from '../../src/dli/client.js';
import { defaultEndpoints } from '../../src/dli/endpoints.js';
import { parseErrorBody } from '../../src/dli/errors.js';
import { ServiceError } from '../../src/http/errors.js';
import type { HttpRequest, HttpResponse, HttpService } from '../../src/http/types.js';

/** An HttpService answering from a script, recording what it was asked. */
function scripted(answers: Partial<HttpResponse>[]): HttpService & { seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  return {
    name: 'DLI',
    baseUrl: new URL('https://dli.example'),
    seen,
    async request(req) {
      seen.push(req);
      const a = answers.shift() ?? {};
      return { status: a.status ?? 200, headers: a.headers ?? {}, text: a.text ?? '{}' };
    },
  };
}

const auth: DliAuth = { kind: 'aksk', projectId: 'p1', headers: { 'X-Project-Id': 'p1' }, prepare: async () => ({}) };
const json = (body: unknown): string => JSON.stringify(body);

describe('DLI client', () => {
  it('sends submit-job with the documented field names and reads the answer', async () => {
    const http = scripted([{ text: json({ is_success: true, message: '', job_id: 'j1', job_type: 'DDL', job_mode: 'sync' }) }]);
    const job = await createDliClient(http, auth).submitJob({ sql: 'CREATE DATABASE d', queueName: 'q', conf: ['a=b'], tags: [{ key: 'k', value: 'v' }] });
    expect(job).toEqual({ jobId: 'j1', jobType: 'DDL', jobMode: 'sync', message: '' });
    expect(http.seen[0]).toMatchObject({ method: 'POST', path: '/v1.0/p1/jobs/submit-job', json: { sql: 'CREATE DATABASE d', queue_name: 'q', conf: ['a=b'], tags: [{ key: 'k', value: 'v' }] } });
    expect(http.seen[0]?.headers).toMatchObject({ 'content-type': 'application/json', 'X-Project-Id': 'p1' });
    expect(http.seen[0]?.prepare).toBe(auth.prepare);
  });

  it('filters the job list by tags with the hyphenated paging parameters', async () => {
    const http = scripted([{ text: json({ is_success: true, job_count: 1, jobs: [{ job_id: 'j', status: 'FINISHED', tags: null }] }) }]);
    const list = await createDliClient(http, auth).listJobs({ tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }], pageSize: 100, currentPage: 2 });
    expect(http.seen[0]?.query).toEqual({ 'page-size': 100, 'current-page': 2, tags: 'a=1,b=2' });
    expect(list).toEqual({ jobCount: 1, jobs: [{ jobId: 'j', status: 'FINISHED' }] });
  });

  it('treats a 200 with is_success false as a failure', async () => {
    const http = scripted([{ text: json({ is_success: false, message: 'queue is frozen' }) }]);
    await expect(createDliClient(http, auth).cancelJob('j')).rejects.toThrow(/DLI: DELETE \/v1\.0\/p1\/jobs\/j answered HTTP 200: queue is frozen/);
  });

  it('rejects answers of an unexpected shape', async () => {
    const http = scripted([{ text: json({ is_success: true, job_id: 'j' }) }]);
    await expect(createDliClient(http, auth).jobStatus('j')).rejects.toThrow(/unexpected shape \(status: .*\)\. Check dli-endpoint/);
  });

  it('returns statement errors of check-sql and throws the others', async () => {
    const http = scripted([
      { status: 400, text: json({ error_code: 'DLI.0005', error_msg: 'Table or view not found: x' }), headers: { 'x-request-id': 'r1' } },
      { status: 401, text: json({ error_code: 'DLI.0013', error_msg: 'user auth failed' }) },
      { text: json({ is_success: true, message: 'the sql is ok', job_type: 'DDL' }) },
    ]);
    const client = createDliClient(http, auth);
    expect(await client.checkSql('DROP TABLE x', 'db')).toEqual({ ok: false, code: 'DLI.0005', message: 'Table or view not found: x' });
    const err = await client.checkSql('DROP TABLE x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect(String((err as Error).message)).toMatch(/code DLI\.0013: user auth failed\. DLI did not accept the identity: check huaweicloud-ak/);
    expect(await client.checkSql('CREATE DATABASE d')).toEqual({ ok: true, jobType: 'DDL', message: 'the sql is ok' });
    expect(http.seen[0]).toMatchObject({ json: { sql: 'DROP TABLE x', currentdb: 'db' }, idempotent: true });
  });

  it('explains HTML answers and unknown paths', async () => {
    const http = scripted([{ status: 404, text: '<html><body>not here</body></html>' }]);
    await expect(createDliClient(http, auth).jobStatus('j')).rejects.toThrow(/HTTP 404: an HTML page instead of a JSON answer\. Nothing answers at this path: check dli-endpoint and dli-project-id/);
  });
});

describe('error bodies', () => {
  it('reads DLI, gateway and Keystone shapes', () => {
    expect(parseErrorBody('{"error_code":"DLI.0002","error_msg":"There is no queue named q"}')).toEqual({ code: 'DLI.0002', message: 'There is no queue named q' });
    expect(parseErrorBody('{"error_code":"APIGW.0301","error_msg":"m","request_id":"r"}')).toEqual({ code: 'APIGW.0301', message: 'm', requestId: 'r' });
    expect(parseErrorBody('{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}')).toEqual({ code: '401', message: 'The username or password is wrong.' });
    expect(parseErrorBody('{"is_success":false,"message":"nope"}')).toEqual({ message: 'nope' });
    expect(parseErrorBody('not json')).toBeUndefined();
  });
});

describe('defaultEndpoints', () => {
  it('builds the regional URLs, with .eu for eu-west-101', () => {
    expect(defaultEndpoints('cn-north-4')).toEqual({ dli: new URL('https://dli.cn-north-4.myhuaweicloud.com'), iam: new URL('https://iam.cn-north-4.myhuaweicloud.com') });
    expect(defaultEndpoints('eu-west-101').dli.href).toBe('https://dli.eu-west-101.myhuaweicloud.eu/');
    expect(defaultEndpoints('eu-west-101').iam.href).toBe('https://iam.eu-west-101.myhuaweicloud.eu/');
  });
});

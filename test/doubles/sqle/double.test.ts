// Behaviours of the SQLE double beyond what the recordings replay (see test/contract for those):
// token lifetimes, auth corner cases, permissions, caps, outages, concurrency, gzip.
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { type SqleDouble, type SqleDoubleOptions, startSqleDouble } from './index.js';

let double: SqleDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

async function start(options: SqleDoubleOptions = {}): Promise<SqleDouble> {
  double = await startSqleDouble(options);
  return double;
}

const RECORDS = '/sqle/v1/projects/default/sql_audit_records';
const LIST = `${RECORDS}?page_index=1&page_size=10`;

async function call(d: SqleDouble, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(d.url + path, init);
  return { status: res.status, body: await res.json() };
}

function audit(d: SqleDouble, token: string, fields: Record<string, string | Blob>, project = 'default'): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v, ...(v instanceof Blob ? ['upload.zip'] : []));
  return call(d, `/sqle/v1/projects/${project}/sql_audit_records`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

function zipOf(files: Record<string, string>): Blob {
  return new Blob([zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)])))]);
}

describe('tokens', () => {
  it('issues HS256 login tokens with DMS claims that expire', async () => {
    const d = await start({ secret: 'k', loginTokenTtlSeconds: 120 });
    const login = await call(d, '/v1/dms/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session: { username: 'admin', password: 'admin' } }) });
    const token: string = login.body.data.token;
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
    expect(claims).toEqual({ exp: expect.any(Number), iss: 'actiontech dms', uid: '700200' });
    expect(claims.exp - Date.now() / 1000).toBeGreaterThan(110);
    expect((await call(d, LIST, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const expired = d.mintToken({ expiresInSeconds: -5 });
    expect(await call(d, LIST, { headers: { authorization: `Bearer ${expired}` } })).toEqual({ status: 401, body: { message: 'invalid or expired jwt' } });
    const early = d.mintToken({ notBeforeSeconds: 600 });
    expect((await call(d, '/v1/dms/sessions/user', { headers: { authorization: `Bearer ${early}` } })).status).toBe(401);
  });

  it('accepts only the newest access token', async () => {
    const d = await start();
    const first = d.generateAccessToken('700200', 1);
    const second = d.generateAccessToken('700200', 2);
    expect(await call(d, LIST, { headers: { authorization: first } })).toEqual({ status: 401, body: { message: 'access token is not latest' } });
    expect((await call(d, LIST, { headers: { authorization: second } })).status).toBe(200);
  });
});

describe('auth ladder', () => {
  it('answers like echo for empty, lower-case and stale-cookie credentials', async () => {
    const d = await start();
    const good = d.mintToken({});
    expect(await call(d, LIST, { headers: { authorization: 'Bearer ' } })).toEqual({ status: 400, body: { message: 'missing or malformed jwt' } });
    expect((await call(d, LIST, { headers: { authorization: `bearer ${good}` } })).status).toBe(401);
    expect((await call(d, LIST, { headers: { cookie: 'dms-token=stale', authorization: `Bearer ${good}` } })).status).toBe(401);
    // DMS itself tries every candidate.
    expect((await call(d, '/v1/dms/sessions/user', { headers: { cookie: 'dms-token=stale', authorization: `Bearer ${good}` } })).status).toBe(200);
    expect(await call(d, '/sqle/v3/nothing/here')).toEqual({ status: 401, body: { message: 'can not find dms-token' } });
  });

  it('reports a disabled user with code 4005 and refuses its login', async () => {
    const d = await start({ users: [{ uid: '1', name: 'ci', password: 'pw', disabled: true }], projects: [{ uid: '2', name: 'default', members: ['1'] }] });
    expect(await call(d, LIST, { headers: { authorization: d.mintToken({ uid: '1' }) } })).toEqual({ status: 200, body: { code: 4005, message: 'current user status is 被禁用' } });
    const login = await call(d, '/v1/dms/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session: { username: 'ci', password: 'pw' } }) });
    expect(login.body).toEqual({ code: 7001, message: 'verify user login failed: user ci not exist or can not login' });
  });
});

describe('projects', () => {
  it('forbids non-members and refuses audits in archived projects', async () => {
    const d = await start({
      users: [{ uid: '700200', name: 'admin', password: 'admin' }, { uid: '9', name: 'other', password: 'x' }],
      projects: [{ uid: '1', name: 'default', members: ['700200'] }, { uid: '2', name: 'old', members: ['9'], archived: true }],
    });
    expect(await call(d, LIST, { headers: { authorization: d.mintToken({ uid: '9' }) } })).toEqual({ status: 403, body: { message: 'Forbidden' } });
    expect((await audit(d, d.mintToken({ uid: '9' }), { db_type: 'MySQL', sqls: 'SELECT 1;' }, 'old')).body).toEqual({ code: -1, message: 'project is archived' });
  });
});

describe('audit records', () => {
  it('refuses more statements than the cap and uses up a task id', async () => {
    const d = await start({ statementCap: 3 });
    const token = d.mintToken({});
    const refused = await audit(d, token, { db_type: 'MySQL', sqls: 'SELECT 1;SELECT 2;SELECT 3;SELECT 4;' });
    expect(refused.body).toEqual({ code: -1, message: 'save sql audit record failed: Error 1390 (HY000): Prepared statement contains too many placeholders' });
    const accepted = await audit(d, token, { db_type: 'MySQL', sqls: 'SELECT 1;SELECT 2;SELECT 3;' });
    expect(accepted.body.data.task.task_id).toBe(2);
    expect(d.records.map((r) => r.statements)).toEqual([3]);
  });

  it('accepts a zip of exactly the size cap and refuses one byte more', async () => {
    const zip = zipOf({ 'a.sql': 'SELECT id FROM t WHERE id = 1;' });
    const d = await start({ zipSizeCap: zip.size });
    const token = d.mintToken({});
    expect((await audit(d, token, { db_type: 'MySQL', input_zip_file: zip })).body.code).toBe(0);
    const bigger = zipOf({ 'a.sql': 'SELECT id FROM t WHERE id = 12;' });
    expect((await audit(d, token, { db_type: 'MySQL', input_zip_file: bigger })).body).toEqual({ code: -1, message: "file can't be bigger than 10M" });
  });

  it('runs concurrent audits side by side and records both', async () => {
    const d = await start({ auditDelayMs: () => 150 });
    const token = d.mintToken({});
    const replies = await Promise.all([1, 2].map((i) => audit(d, token, { db_type: 'MySQL', input_zip_file: zipOf({ [`f${i}.sql`]: 'DELETE FROM t;' }) })));
    expect(replies.map((r) => r.body.code)).toEqual([0, 0]);
    const [a, b] = d.records;
    expect(a && b && a.startedAt < b.endedAt && b.startedAt < a.endedAt).toBe(true);
    expect(d.maxInFlight()).toBe(2);
    expect(d.records.flatMap((r) => r.files.map((f) => f.path)).sort()).toEqual(['f1.sql', 'f2.sql']);
  });

  it('audits online against a configured instance and reads MyBatis XML uploads', async () => {
    const d = await start({ instances: [{ name: 'db1', dbType: 'MySQL', project: 'default' }] });
    const token = d.mintToken({});
    const xml = '<mapper namespace="x">\n  <delete id="all">\n    DELETE FROM t\n  </delete>\n</mapper>\n';
    const form = new FormData();
    form.append('instance_name', 'db1');
    form.append('instance_schema', 's');
    form.append('input_mybatis_xml_file', new Blob([xml]), 'mapper/X.xml');
    const reply = await call(d, RECORDS, { method: 'POST', headers: { authorization: token }, body: form });
    expect(reply.body.data.task).toMatchObject({ instance_name: 'db1', instance_schema: 's', sql_source: 'mybatis_xml_file', audit_level: 'error' });
    const sqls = await call(d, `/sqle/v2/tasks/audits/${reply.body.data.task.task_id}/sqls?page_index=1&page_size=10`, { headers: { authorization: token } });
    expect(sqls.body.data.map((r: { sql_source_file: string; sql_start_line: number; exec_sql: string }) => [r.sql_source_file, r.sql_start_line, r.exec_sql])).toEqual([['X.xml', 2, 'DELETE FROM t']]);
    expect((await audit(d, token, { instance_name: 'nope', sqls: 'SELECT 1;' })).body).toEqual({ code: 4011, message: "instance is not exist or you can't access it" });
  });
});

describe('gateway', () => {
  it('answers 502 for every SQLE path while SQLE is down, and recovers', async () => {
    const d = await start({ sqleDown: true });
    const down = { status: 502, body: { message: 'remote sqle(http://127.0.0.1:10001) unreachable, could not forward: EOF' } };
    expect(await call(d, LIST)).toEqual(down);
    expect((await call(d, '/v1/dms/basic_info', { headers: { authorization: d.mintToken({}) } })).status).toBe(200);
    d.sqleDown = false;
    expect((await call(d, LIST)).status).toBe(401);
  });

  it('gzips responses for clients that accept it', async () => {
    const d = await start();
    const res = await fetch(`${d.url}/v1/dms/basic_info`, { headers: { authorization: d.mintToken({}), 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as { code: number }).code).toBe(0);
  });
});

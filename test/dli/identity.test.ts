import { describe, expect, it } from 'vitest';
import { dependency, referencedNames, touchedNames } from '../../src/dli/dependencies.js';
import { classify } from '../../src/dli/classify.js';
import { createTokenCache, iamPasswordLogin, type IamToken } from '../../src/dli/iam.js';
import { jobTags, statementHash } from '../../src/dli/tags.js';
import { waitForJob } from '../../src/dli/poll.js';
import type { DliClient, JobStatus } from '../../src/dli/client.js';
import type { HttpResponse, HttpService } from '../../src/http/types.js';

describe('statement identity', () => {
  const base = { repository: 'o/r', file: 'a.sql', occurrence: 0, sql: 'CREATE TABLE t (id INT)' };
  it('ignores line-ending style but not anything else', () => {
    expect(statementHash({ ...base, sql: 'CREATE TABLE t\r\n(id INT)' })).toBe(statementHash({ ...base, sql: 'CREATE TABLE t\n(id INT)' }));
    for (const change of [{ sql: 'CREATE TABLE t (id BIGINT)' }, { file: 'b.sql' }, { repository: 'o/other' }, { occurrence: 1 }]) {
      expect(statementHash({ ...base, ...change })).not.toBe(statementHash(base));
    }
  });
  it('tags with the hash and the commit, in values DLI accepts', () => {
    const hash = statementHash(base);
    expect(jobTags(hash, 'abc123')).toEqual([{ key: 'sqle_action_stmt', value: hash }, { key: 'sqle_action_commit', value: 'abc123' }]);
    expect(jobTags(hash, '')).toEqual([{ key: 'sqle_action_stmt', value: hash }]);
  });
});

describe('dependencies within a change', () => {
  const touched = (sql: string, db?: string): string[] => touchedNames(classify({ text: sql }), db);
  it('names what DDL touches', () => {
    expect(touched('CREATE DATABASE sales')).toEqual(['sales']);
    expect(touched('CREATE TABLE t1 (id INT)', 'db1')).toEqual(['db1.t1']);
    expect(touched('ALTER TABLE s.a RENAME TO s.b')).toEqual(['s.a', 's.b']);
  });
  it('finds references through qualifiers, the current database and unqualified names', () => {
    const set = new Set(['sales', 'db1.t1']);
    expect(dependency('CREATE TABLE sales.o (id INT)', 'db1', set)).toBe('sales');
    expect(dependency('ALTER TABLE t1 ADD COLUMNS (c INT)', 'db1', set)).toBe('db1.t1');
    expect(dependency('CREATE TABLE x (id INT)', 'sales', set)).toBe('sales');
    expect(dependency('DROP TABLE other.t1', 'db2', set)).toBeUndefined();
    expect(referencedNames("SELECT 'sales' FROM `db1`.`t1` -- sales", 'db2')).toEqual(new Set(['db2', 'select', 'db2.select', 'from', 'db2.from', 'db1.t1', 'db1']));
  });
});

describe('IAM login', () => {
  function iam(answer: Partial<HttpResponse>): HttpService {
    return { name: 'IAM', baseUrl: new URL('https://iam.example'), request: async () => ({ status: 201, headers: {}, text: '', ...answer }) };
  }
  const cred = { username: 'u', password: 'secret-pw', domain: 'd' };
  const body = (expires: string, project = 'p1'): string => JSON.stringify({ token: { expires_at: expires, project: { id: project, name: 'r' } } });

  it('returns the token, the project and the expiry', async () => {
    const t = await iamPasswordLogin(iam({ headers: { 'x-subject-token': 'TOK' }, text: body('2999-01-01T00:00:00.000000Z') }), cred, { region: 'r' });
    expect(t).toEqual({ token: 'TOK', projectId: 'p1', expiresAt: new Date('2999-01-01T00:00:00.000Z') });
  });
  it('fails without the token header, with a foreign project, or when already expired', async () => {
    await expect(iamPasswordLogin(iam({ text: body('2999-01-01T00:00:00Z') }), cred, { region: 'r' })).rejects.toThrow(/without an X-Subject-Token/);
    await expect(iamPasswordLogin(iam({ headers: { 'x-subject-token': 'T' }, text: body('2999-01-01T00:00:00Z', 'p2') }), cred, { region: 'r', projectId: 'p1' })).rejects.toThrow(/scoped to project p2, not to dli-project-id p1/);
    await expect(iamPasswordLogin(iam({ headers: { 'x-subject-token': 'T' }, text: body('2020-01-01T00:00:00.000000Z') }), cred, { region: 'r' })).rejects.toThrow(
      /expires at 2020-01-01T00:00:00\.000000Z/,
    );
  });
  it('logs in again only when the token nears its expiry', async () => {
    let now = 0;
    let logins = 0;
    const cache = createTokenCache(async (): Promise<IamToken> => ({ token: `t${++logins}`, projectId: 'p', expiresAt: new Date(now + 3600_000) }), () => now);
    expect((await cache()).token).toBe('t1');
    now += 3000_000;
    expect((await cache()).token).toBe('t1');
    now += 400_000;
    expect((await cache()).token).toBe('t2');
  });
});

describe('waitForJob', () => {
  it('backs off between polls and stops at the deadline', async () => {
    let t = 0;
    const sleeps: number[] = [];
    const statuses: JobStatus[] = [];
    const jobStatus = async (jobId: string): Promise<JobStatus> => {
      const status = { jobId, status: 'RUNNING', message: '' };
      statuses.push(status);
      return status;
    };
    const sleep = async (ms: number): Promise<void> => {
      sleeps.push(ms);
      t += ms;
    };
    const client = { jobStatus } as unknown as DliClient;
    const outcome = await waitForJob({ client, now: () => t, sleep, deadline: 10_000, backoff: { initialMs: 1000, factor: 2, maxMs: 3000 } }, 'j');
    expect(outcome).toEqual({ status: 'TIMEOUT', lastStatus: 'RUNNING' });
    expect(sleeps).toEqual([1000, 2000, 3000, 3000, 1000]);
    expect(statuses).toHaveLength(5);
  });
});

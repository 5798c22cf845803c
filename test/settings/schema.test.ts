import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, maskSecret, readInputs, type RawInputs } from '../../src/settings/inputs.js';
import { parseSettings, SettingsError } from '../../src/settings/schema.js';

const defaults: Partial<RawInputs> = {
  'sqle-url': 'https://sqle.example.com:10000',
  'sqle-token': 'a.b.c',
  'sqle-project': 'default',
  'db-type': 'MySQL',
  language: 'en',
  'insecure-skip-tls-verify': 'false',
  files: '**/*.sql',
  scope: 'changed',
  'report-lines': 'changed',
  'fail-on': 'error',
  'github-token': 'ghs_x',
  annotations: 'auto',
  'check-name': 'SQLE audit',
  comment: 'auto',
  summary: 'true',
  'dli-mode': 'off',
  'dli-timeout': '600',
  timeout: '120',
  concurrency: '8',
};

function inputs(overrides: Partial<RawInputs> = {}): RawInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((n) => [n, ''])) as RawInputs;
  return { ...raw, ...defaults, ...overrides };
}

function problem(overrides: Partial<RawInputs>): string {
  try {
    parseSettings(inputs(overrides));
  } catch (err) {
    expect(err).toBeInstanceOf(SettingsError);
    return (err as Error).message;
  }
  throw new Error('expected a SettingsError');
}

describe('parseSettings', () => {
  it('builds one typed settings object from the defaults', () => {
    const s = parseSettings(inputs());
    expect(s.sqle.url.href).toBe('https://sqle.example.com:10000/');
    expect(s.sqle.token).toBe('a.b.c');
    expect(s).toMatchObject({ failOn: 'error', scope: 'changed', reportLines: 'changed', summary: true, files: ['**/*.sql'], dli: undefined });
    expect(s.http).toEqual({ timeoutSeconds: 120, concurrency: 8, caCert: undefined, insecureSkipTlsVerify: false });
  });

  it.each([
    [{ 'sqle-token': '' }, 'No way to log in to SQLE'],
    [{ 'sqle-username': 'admin', 'sqle-password': 'pw' }, 'both given'],
    [{ 'sqle-token': '', 'sqle-username': 'admin' }, '"sqle-password" is empty'],
    [{ 'sqle-token': '', 'sqle-password': 'pw' }, '"sqle-username" is empty'],
    [{ 'fail-on': 'fatal' }, 'Input "fail-on" is "fatal"; allowed: error, warn, notice, never.'],
    [{ 'sqle-url': 'sqle.example.com' }, 'Input "sqle-url" is "sqle.example.com"; allowed: an http(s) URL'],
    [{ 'sqle-url': 'ftp://x' }, 'Input "sqle-url"'],
    [{ 'sqle-url': 'https://user:pw@x' }, 'without credentials'],
    [{ language: 'fr' }, 'Input "language" is "fr"; allowed: en, zh.'],
    [{ scope: 'some' }, 'Input "scope"'],
    [{ 'report-lines': 'none' }, 'Input "report-lines"'],
    [{ annotations: 'yes' }, 'Input "annotations"'],
    [{ comment: 'always' }, 'Input "comment"'],
    [{ summary: 'maybe' }, 'Input "summary" is "maybe"; allowed: true or false.'],
    [{ timeout: '0' }, 'Input "timeout" is "0"; allowed: a whole number from 1 to 3600.'],
    [{ concurrency: 'many' }, 'Input "concurrency"'],
    [{ files: '!**/*.sql' }, 'Input "files" has no glob that selects files'],
    [{ 'db-type': '' }, '"db-type" and "instance-name" are both empty'],
    [{ 'instance-schema': 's1' }, '"instance-schema" needs "instance-name"'],
    [{ 'check-name': '' }, 'Input "check-name" is empty'],
    [{ 'sqle-token': 'Bearer abc' }, 'contains whitespace'],
    [{ 'ca-cert': '/no/such/file.pem' }, 'Input "ca-cert" is neither PEM text nor a readable file'],
    [{ 'dli-mode': 'submit' }, 'Input "dli-region" is empty'],
    [{ 'dli-mode': 'check', 'dli-region': 'cn-north-4' }, 'No way to authenticate to Huawei Cloud'],
    [{ 'dli-mode': 'check', 'dli-region': 'cn-north-4', 'huaweicloud-ak': 'AK' }, '"huaweicloud-ak" and "huaweicloud-sk" must be given together'],
    [{ 'dli-mode': 'check', 'dli-region': 'cn-north-4', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK' }, '"dli-project-id" is empty'],
    [{ 'dli-mode': 'check', 'dli-region': 'Mars', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK', 'dli-project-id': 'p1' }, 'Input "dli-region" is "Mars"'],
    [{ 'dli-mode': 'check', 'dli-region': 'cn-north-4', 'huaweicloud-username': 'u' }, 'must all be given for IAM password login'],
    [{ 'dli-mode': 'nope' }, 'Input "dli-mode" is "nope"; allowed: off, check, submit.'],
    [{ 'dli-mode': 'check', 'dli-region': 'cn-north-4', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK', 'dli-project-id': 'p1', 'dli-queue': '1234' }, 'Input "dli-queue" is "1234"'],
  ])('%j is refused, naming the input', (overrides, expected) => {
    expect(problem(overrides)).toContain(expected);
  });

  it('lists every problem at once', () => {
    const message = problem({ 'fail-on': 'x', language: 'y' });
    expect(message).toContain('"fail-on"');
    expect(message).toContain('"language"');
  });

  it('reads DLI settings with region endpoints and overrides', () => {
    const s = parseSettings(
      inputs({ 'dli-mode': 'submit', 'dli-region': 'cn-north-4', 'huaweicloud-ak': 'AK', 'huaweicloud-sk': 'SK', 'dli-project-id': 'p1', 'iam-endpoint': 'http://127.0.0.1:1' }),
    );
    expect(s.dli?.endpoint.href).toBe('https://dli.cn-north-4.myhuaweicloud.com/');
    expect(s.dli?.iamEndpoint.href).toBe('http://127.0.0.1:1/');
    expect(s.dli?.files).toEqual(['**/*.sql']);
    expect(s.dli?.auth).toEqual({ kind: 'aksk', ak: 'AK', sk: 'SK', securityToken: undefined });
  });

  it('accepts ca-cert inline or as a file', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(parseSettings(inputs({ 'ca-cert': pem })).http.caCert).toBe(pem);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-')), 'ca.pem');
    fs.writeFileSync(file, pem);
    expect(parseSettings(inputs({ 'ca-cert': file })).http.caCert).toBe(pem);
    expect(problem({ 'ca-cert': '-----BEGIN nothing' })).toContain('holds no PEM certificate');
  });

  it('globs drop blank lines and comments, keep negations', () => {
    expect(parseSettings(inputs({ files: 'db/**/*.sql\n\n# legacy\n!db/legacy/**\n' })).files).toEqual(['db/**/*.sql', '!db/legacy/**']);
  });
});

describe('readInputs', () => {
  it('masks every secret input plain, URL-encoded and base64-encoded', () => {
    const masked: string[] = [];
    readInputs((name) => (name === 'sqle-password' ? 'p@ss word' : name === 'huaweicloud-sk' ? 'sk/+=' : ''), (s) => masked.push(s));
    expect(masked).toEqual(expect.arrayContaining(['p@ss word', 'p%40ss%20word', Buffer.from('p@ss word').toString('base64'), 'sk/+=', 'sk%2F%2B%3D']));
  });

  it('masks nothing for empty values', () => {
    const masked: string[] = [];
    maskSecret('', (s) => masked.push(s));
    expect(masked).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalQuery, canonicalRequest, canonicalUri, formatSdkDate, sha256Hex, signRequest } from '../../src/dli/signer.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const dateOf = (sdkDate: string): Date =>
  new Date(sdkDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
const signatureOf = (authorization: string | undefined): string => /Signature=([0-9a-f]{64})$/.exec(authorization ?? '')?.[1] ?? '';

describe('signing helpers', () => {
  it('formats X-Sdk-Date in UTC', () => {
    expect(formatSdkDate(new Date('2024-01-02T03:04:05.678Z'))).toBe('20240102T030405Z');
  });
  it('appends the trailing slash and encodes segments', () => {
    expect(canonicalUri('/v1.0/p/jobs/submit-job')).toBe('/v1.0/p/jobs/submit-job/');
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('/a%20b/c*d/')).toBe('/a%20b/c%2Ad/');
  });
  it('sorts and encodes the query', () => {
    expect(canonicalQuery(new URLSearchParams('b=2&a=x y&a=1&tags=k%3Dv'))).toBe('a=1&a=x%20y&b=2&tags=k%3Dv');
    expect(canonicalQuery(new URLSearchParams(''))).toBe('');
  });
});

describe('§4.4 A: signing guide worked example', () => {
  const req = {
    method: 'GET',
    url: new URL('https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0'),
    headers: { 'Content-Type': 'application/json', Host: 'service.region.example.com' },
    body: new Uint8Array(),
  };
  const cred = { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };
  it('builds the published canonical request', () => {
    const { canonicalRequest: canonical } = canonicalRequest(req, {
      'content-type': 'application/json',
      host: 'service.region.example.com',
      'x-sdk-date': '20191115T033655Z',
    });
    expect(canonical).toBe(
      'GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n' +
        'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n' +
        'content-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(sha256Hex(canonical)).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
  });
  it('produces the published signature', () => {
    const headers = signRequest(req, cred, dateOf('20191115T033655Z'));
    expect(headers['X-Sdk-Date']).toBe('20191115T033655Z');
    expect(headers.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });
});

describe('§4.4 B: Go SDK signer tests (only x-sdk-date signed)', () => {
  const cred = { ak: 'AccessKey', sk: 'SecretKey' };
  const date = dateOf('20060102T150405Z');
  const only = { signedHeaders: ['x-sdk-date'] };
  it('B1: GET with a query', () => {
    const headers = signRequest({ method: 'GET', url: new URL('https://example.huaweicloud.com/path?limit=1'), headers: {}, body: new Uint8Array() }, cred, date, only);
    expect(headers.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
  });
  it('B2: POST hashes the exact body bytes, trailing newline included', () => {
    const sign = (body: string): string =>
      signatureOf(
        signRequest(
          { method: 'POST', url: new URL('https://example.huaweicloud.com/path?key=value'), headers: { 'Content-Type': 'application/json' }, body: utf8(body) },
          cred,
          date,
          only,
        ).Authorization,
      );
    expect(sign('{"Name":"test","Id":1}\n')).toBe('cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59');
    expect(sign('{"Name":"test","Id":1}')).toMatch(/^83599e52/);
  });
});

describe('§4.4 C: Python SDK signer tests (host and x-sdk-date signed)', () => {
  const cred = { ak: 'AccessKey', sk: 'SecretKey' };
  const date = dateOf('20200608T023900Z');
  const url = new URL('https://service.endpoint.myhuaweicloud.com/resources?size=1');
  it('C1: GET, empty body', () => {
    const h = signRequest({ method: 'GET', url, headers: {}, body: new Uint8Array() }, cred, date);
    expect(h.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
    );
  });
  it('C2: POST with a JSON body', () => {
    const h = signRequest({ method: 'POST', url, headers: {}, body: utf8('{"name":"test","id":1}') }, cred, date);
    expect(signatureOf(h.Authorization)).toBe('436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f');
  });
});

describe('§4.5 DLI vectors (content-type;host;x-project-id;x-sdk-date)', () => {
  const cred = { ak: 'HWTESTAK0000EXAMPLE1', sk: 'HWTESTSK0000example0000secret0000key0000' };
  const project = '0123456789abcdef0123456789abcdef';
  const base = 'https://dli.cn-north-4.myhuaweicloud.com';
  const date = dateOf('20240102T030405Z');
  const headers = { 'Content-Type': 'application/json', 'X-Project-Id': project };
  const lowerHeaders = { 'content-type': 'application/json', host: 'dli.cn-north-4.myhuaweicloud.com', 'x-project-id': project, 'x-sdk-date': '20240102T030405Z' };
  const job = '8ecb0777-9c70-4529-9935-29ea0946039c';

  it('V1: submit-job', () => {
    const body = utf8('{"sql":"CREATE TABLE IF NOT EXISTS db1.t1 (id INT, name STRING) STORED AS PARQUET","currentdb":"db1","queue_name":"sql_queue"}');
    expect(sha256Hex(body)).toBe('81d46b5d5c978f3b445ff6566de0ae86d3392245cca568b5a1b289da0b34c7d9');
    const req = { method: 'POST', url: new URL(`${base}/v1.0/${project}/jobs/submit-job`), headers, body };
    const { canonicalRequest: canonical } = canonicalRequest(req, lowerHeaders);
    expect(canonical).toBe(
      `POST\n/v1.0/${project}/jobs/submit-job/\n\ncontent-type:application/json\nhost:dli.cn-north-4.myhuaweicloud.com\n` +
        `x-project-id:${project}\nx-sdk-date:20240102T030405Z\n\ncontent-type;host;x-project-id;x-sdk-date\n` +
        '81d46b5d5c978f3b445ff6566de0ae86d3392245cca568b5a1b289da0b34c7d9',
    );
    expect(sha256Hex(canonical)).toBe('3961757b9b05ab1c14e685c10e986821fecf4e670eb2e6c47c4959e36b439795');
    expect(signRequest(req, cred, date).Authorization).toBe(
      'SDK-HMAC-SHA256 Access=HWTESTAK0000EXAMPLE1, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=ca907739e83e751d41b50382a145323a168a6f8f589da3bda77f28ff571e3f85',
    );
  });

  it('V2: status', () => {
    const req = { method: 'GET', url: new URL(`${base}/v1.0/${project}/jobs/${job}/status`), headers, body: new Uint8Array() };
    expect(sha256Hex(canonicalRequest(req, lowerHeaders).canonicalRequest)).toBe('319a833b894c1fcfa3a3dca181646fd8cda08f889894c6e10c64d92ba4ee2839');
    expect(signatureOf(signRequest(req, cred, date).Authorization)).toBe('0af000a37f64d754db8b9d84e3a3e2d6fd9f0951879dea8a3c82e31026befdfe');
  });

  it('V3: list with a query string in request order', () => {
    const req = { method: 'GET', url: new URL(`${base}/v1.0/${project}/jobs?page-size=10&current-page=1&job-type=DDL`), headers, body: new Uint8Array() };
    expect(canonicalQuery(req.url.searchParams)).toBe('current-page=1&job-type=DDL&page-size=10');
    expect(sha256Hex(canonicalRequest(req, lowerHeaders).canonicalRequest)).toBe('a20955561f94f06d753b4b51a9d992e8b4d41cc1251ee919eed7743f9ae35efd');
    expect(signatureOf(signRequest(req, cred, date).Authorization)).toBe('8251e64fe70ea367ce4e060e9eeaf394496df993a7f0c5c8aa3eef4837260299');
  });

  it('V4: cancel with temporary credentials signs X-Security-Token', () => {
    const req = {
      method: 'DELETE',
      url: new URL(`${base}/v1.0/${project}/jobs/${job}`),
      headers: { ...headers, 'X-Security-Token': 'EXAMPLESECURITYTOKEN' },
      body: new Uint8Array(),
    };
    const signed = { ...lowerHeaders, 'x-security-token': 'EXAMPLESECURITYTOKEN' };
    expect(sha256Hex(canonicalRequest(req, signed).canonicalRequest)).toBe('af6839f9424e901f60e14ac76355f82adcfd1093a7f03ff05b4932d225e440bf');
    expect(signRequest(req, cred, date).Authorization).toBe(
      'SDK-HMAC-SHA256 Access=HWTESTAK0000EXAMPLE1, SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, Signature=147c9ff361651000bcf26d02764aeebd753323462229e1eb6c8272aa7c40d62b',
    );
  });

  it('ignores headers outside the signed set', () => {
    const req = { method: 'GET', url: new URL(`${base}/v1.0/${project}/jobs/${job}/status`), headers: { ...headers, 'User-Agent': 'x', Accept: '*/*' }, body: new Uint8Array() };
    expect(signatureOf(signRequest(req, cred, date).Authorization)).toBe('0af000a37f64d754db8b9d84e3a3e2d6fd9f0951879dea8a3c82e31026befdfe');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/http/dispatcher.js';
import { createHttpService } from '../../src/http/client.js';
import { HttpError } from '../../src/http/errors.js';
import { silentLog } from '../../src/log.js';
import type { HttpSettings } from '../../src/settings/types.js';
import { sendJson, startDouble, type RunningDouble } from '../doubles/http-double.js';
import { startProxy, type TestProxy } from '../support/proxy.js';
import { testPki } from '../support/tls.js';

const settings: HttpSettings = { timeoutSeconds: 5, concurrency: 4, insecureSkipTlsVerify: false };
const noSleep = { sleep: async () => {} };
let doubles: (RunningDouble | TestProxy)[] = [];
afterEach(async () => {
  await Promise.all(doubles.map((d) => d.close()));
  doubles = [];
});

async function ok(extra: Parameters<typeof startDouble>[1] = {}) {
  const d = await startDouble((req, res) => sendJson(res, 200, { code: 0, path: req.path, body: req.body.toString() }), extra);
  doubles.push(d);
  return d;
}

describe('createHttpService', () => {
  it('sends JSON and returns status, headers and text', async () => {
    const d = await ok();
    const http = createHttpService('SQLE', new URL(d.url), settings, silentLog);
    const res = await http.request({ method: 'POST', path: '/x', query: { a: 1, b: undefined }, json: { k: 'v' } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ path: '/x', body: '{"k":"v"}' });
    expect(d.requests[0]?.url).toBe('/x?a=1');
    expect(d.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('lets a caller header replace the default whatever its letter case', async () => {
    const d = await ok();
    const http = createHttpService('DLI', new URL(d.url), settings, silentLog);
    await http.request({ method: 'POST', path: '/h', json: {}, headers: { 'Content-Type': 'application/json;charset=UTF-8' } });
    expect(d.requests[0]?.headers['content-type']).toBe('application/json;charset=UTF-8');
  });

  it('retries a GET through a burst of 503s, but never a POST', async () => {
    let failures = 2;
    const d = await startDouble((_req, res) => (failures-- > 0 ? sendJson(res, 503, { message: 'busy' }) : sendJson(res, 200, { ok: true })));
    doubles.push(d);
    const http = createHttpService('DLI', new URL(d.url), settings, silentLog, noSleep);
    expect((await http.request({ method: 'GET', path: '/a' })).status).toBe(200);
    expect(d.requests).toHaveLength(3);
    failures = 1;
    expect((await http.request({ method: 'POST', path: '/b', json: {} })).status).toBe(503);
    expect(d.requests).toHaveLength(4);
  });

  it('gives up after a bounded number of attempts and returns the last answer', async () => {
    const d = await startDouble((_req, res) => sendJson(res, 502, { message: 'remote sqle unreachable, could not forward: EOF' }));
    doubles.push(d);
    const http = createHttpService('SQLE', new URL(d.url), settings, silentLog, noSleep);
    expect((await http.request({ method: 'GET', path: '/a' })).status).toBe(502);
    expect(d.requests).toHaveLength(4);
  });

  it('honours Retry-After', async () => {
    let first = true;
    const d = await startDouble((_req, res) => {
      if (first) {
        first = false;
        return sendJson(res, 429, {}, { 'retry-after': '2' });
      }
      sendJson(res, 200, {});
    });
    doubles.push(d);
    const waits: number[] = [];
    const http = createHttpService('IAM', new URL(d.url), settings, silentLog, { sleep: async (ms) => void waits.push(ms) });
    await http.request({ method: 'GET', path: '/' });
    expect(waits).toEqual([2000]);
  });

  it('fails a response slower than the timeout with a message naming service, request and timeout', async () => {
    const d = await startDouble(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 3000));
      sendJson(res, 200, {});
    });
    doubles.push(d);
    const http = createHttpService('SQLE', new URL(d.url), { ...settings, timeoutSeconds: 1 }, silentLog);
    const err = await http.request({ method: 'GET', path: '/slow?x=1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as Error).message).toBe('SQLE: GET /slow failed: no complete answer within the timeout of 1 s');
  });

  it('retries a connection reset in the middle of a response for a GET', async () => {
    let resets = 1;
    const d = await startDouble((_req, res) => {
      if (resets-- > 0) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"code":0,');
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      sendJson(res, 200, { done: true });
    });
    doubles.push(d);
    const http = createHttpService('SQLE', new URL(d.url), settings, silentLog, noSleep);
    expect(JSON.parse((await http.request({ method: 'GET', path: '/' })).text)).toEqual({ done: true });
  });

  it('names a refused connection', async () => {
    const d = await ok();
    const url = d.url;
    await d.close();
    doubles = [];
    const http = createHttpService('DMS', new URL(url), settings, silentLog, noSleep);
    const err = await http.request({ method: 'POST', path: '/v1/dms/sessions', json: {} }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^DMS: POST \/v1\/dms\/sessions failed: connection refused by 127\.0\.0\.1:\d+ \(after 4 attempts\)$/);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const d = await startDouble(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 30));
      sendJson(res, 200, {});
    });
    doubles.push(d);
    const http = createHttpService('SQLE', new URL(d.url), { ...settings, concurrency: 3 }, silentLog);
    await Promise.all(Array.from({ length: 12 }, () => http.request({ method: 'GET', path: '/' })));
    expect(d.maxInFlight()).toBe(3);
  });

  it('sends multipart bodies with the exact bytes a signature covers', async () => {
    const d = await ok();
    const seen: number[] = [];
    const http = createHttpService('SQLE', new URL(d.url), settings, silentLog);
    const { FormData } = await import('undici');
    const form = new FormData();
    form.set('db_type', 'MySQL');
    form.set('input_zip_file', new Blob([new Uint8Array([1, 2, 3])]), 'a.zip');
    await http.request({ method: 'POST', path: '/m', body: form, prepare: (p) => (seen.push(p.body.byteLength), {}) });
    const received = d.requests[0];
    expect(received?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(received?.body.byteLength).toBe(seen[0]);
    expect(received?.body.toString('latin1')).toContain('name="input_zip_file"; filename="a.zip"');
  });
});

describe('TLS and proxies', () => {
  it('refuses a self-signed server, trusts it with ca-cert, and skips verification only when asked', async () => {
    const pki = testPki();
    const d = await ok({ tls: { key: pki.key, cert: pki.cert } });
    const plain = createHttpService('SQLE', new URL(d.url), settings, silentLog, noSleep);
    const err = await plain.request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/TLS certificate of 127\.0\.0\.1:\d+ is not trusted .*ca-cert/);
    const trusted = createHttpService('SQLE', new URL(d.url), { ...settings, caCert: pki.caCert }, silentLog);
    expect((await trusted.request({ method: 'GET', path: '/' })).status).toBe(200);
    const insecure = createHttpService('SQLE', new URL(d.url), { ...settings, insecureSkipTlsVerify: true }, silentLog);
    expect((await insecure.request({ method: 'GET', path: '/' })).status).toBe(200);
  });

  it('goes through HTTP_PROXY for http and HTTPS_PROXY for https, except NO_PROXY hosts', async () => {
    const pki = testPki();
    const proxy = await startProxy();
    doubles.push(proxy);
    const httpDouble = await ok();
    const httpsDouble = await ok({ tls: { key: pki.key, cert: pki.cert } });
    const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '' };
    const viaProxy = (url: string, extra: Partial<HttpSettings> = {}) =>
      createHttpService('DLI', new URL(url), { ...settings, ...extra }, silentLog, { dispatcher: createDispatcher({ ...settings, ...extra }, env) });
    expect((await viaProxy(httpDouble.url).request({ method: 'GET', path: '/p' })).status).toBe(200);
    expect((await viaProxy(httpsDouble.url, { caCert: pki.caCert }).request({ method: 'GET', path: '/s' })).status).toBe(200);
    // undici tunnels through the proxy with CONNECT for http and https targets alike.
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${httpDouble.port}`, `CONNECT 127.0.0.1:${httpsDouble.port}`]);
    const bypass = createHttpService('DLI', new URL(httpDouble.url), settings, silentLog, {
      dispatcher: createDispatcher(settings, { ...env, NO_PROXY: '127.0.0.1' }),
    });
    await bypass.request({ method: 'GET', path: '/direct' });
    expect(proxy.seen).toHaveLength(2);
  });
});

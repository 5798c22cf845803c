// Turns a case of the fault matrix (matrix.ts) into doubles, inputs and fault injectors: one
// scenario whose audit is split into two SQLE records (db/a.sql with a finding, then db/big.sql),
// so that a fault on the second record shows that the first record's findings survive.
import type http from 'node:http';
import net from 'node:net';
import { DOUBLE_AK, DOUBLE_PROJECT_ID, DOUBLE_REGION, DOUBLE_SK, DOUBLE_USER, startDliDouble, type DliDouble } from '../doubles/dli/index.js';
import type { DoubleRequest, FaultInjector, RecordedRequest, RunningDouble } from '../doubles/http-double.js';
import { COULD_NOT_FORWARD } from '../doubles/sqle/routes/direct.js';
import type { RunOptions, RunResult } from './harness.js';
import { ENDPOINTS, type EndpointId, type FaultCase } from './matrix.js';
import { startScenario, type Scenario } from './scenario.js';

/** The file audited in the first record: one warning (fail-on error, so the run passes). */
export const EARLY_FILE = 'db/a.sql';
/** The file of the second record: 3,000 clean statements, one more than fits with EARLY_FILE. */
export const LATE_FILE = 'db/big.sql';
const DDL_FILE = 'dli/t1.sql';
const CLEAN = 'SELECT id FROM orders WHERE id = 1;\n';

export const FILES: Record<string, string> = {
  [EARLY_FILE]: 'SELEC broken FROM t;\n',
  [LATE_FILE]: CLEAN.repeat(3000),
  [DDL_FILE]: 'CREATE TABLE t1 (id INT) USING parquet;\n',
};

export interface FaultRun {
  scenario: Scenario;
  dli?: DliDouble;
  /** The double the fault is injected into. */
  target: RunningDouble;
  run(): Promise<RunResult>;
  /** Requests to the faulty endpoint, as that double recorded them. */
  hits(): RecordedRequest[];
  close(): Promise<void>;
}

const uses = (endpoint: EndpointId, ...ids: EndpointId[]) => ids.includes(endpoint);

/** Starts the doubles of one case and arms its fault. */
export async function prepareFault(c: FaultCase): Promise<FaultRun> {
  const scenario = await startScenario({ files: FILES, changed: Object.keys(FILES).map((filename) => ({ filename, status: 'added' })) });
  const dliCreds = [{ ak: DOUBLE_AK, sk: DOUBLE_SK }];
  const withDli = ENDPOINTS[c.endpoint].service === 'DLI';
  const dli = withDli ? await startDliDouble({ credentials: dliCreds }) : undefined;

  const inputs: Record<string, string> = { files: 'db/**/*.sql' };
  const extra: Partial<RunOptions> = {};
  if (uses(c.endpoint, 'dms-login')) Object.assign(inputs, { 'sqle-token': '', 'sqle-username': 'admin', 'sqle-password': 'admin' });
  if (dli) {
    Object.assign(inputs, {
      'dli-mode': 'check',
      'dli-files': 'dli/**/*.sql',
      'dli-region': DOUBLE_REGION,
      'dli-project-id': DOUBLE_PROJECT_ID,
      'dli-endpoint': dli.dliUrl,
      'iam-endpoint': dli.iamUrl,
    });
    if (c.endpoint === 'iam-token') Object.assign(inputs, { 'huaweicloud-username': DOUBLE_USER.name, 'huaweicloud-password': DOUBLE_USER.password, 'huaweicloud-domain': DOUBLE_USER.domain });
    else Object.assign(inputs, { 'huaweicloud-ak': DOUBLE_AK, 'huaweicloud-sk': DOUBLE_SK });
  }
  if (c.fault === 'slow') inputs['timeout'] = '2';

  const target = targetDouble(c.endpoint, scenario, dli);
  const isHit = hitMatcher(c.endpoint, scenario);
  const hits = () => target.requests.filter(isHit);

  if (c.fault === 'refused') {
    const closed = `http://127.0.0.1:${await closedPort()}`;
    if (ENDPOINTS[c.endpoint].service === 'SQLE') inputs['sqle-url'] = closed;
    else if (c.endpoint === 'iam-token') inputs['iam-endpoint'] = closed;
    else if (c.endpoint === 'dli-check') inputs['dli-endpoint'] = closed;
    else {
      extra.githubApiUrl = closed;
      // The check run is then the first GitHub call: an event without a list of changed files.
      if (c.endpoint === 'github-check-run') Object.assign(extra, { eventName: 'workflow_dispatch', payload: {} });
    }
  } else {
    target.faults = armed(c, scenario, isHit, dliCreds);
  }

  return {
    scenario,
    ...(dli ? { dli } : {}),
    target,
    hits,
    run: () => scenario.run(inputs, extra),
    close: async () => {
      await Promise.all([scenario.close(), dli?.close()]);
    },
  };
}

function targetDouble(endpoint: EndpointId, scenario: Scenario, dli: DliDouble | undefined): RunningDouble {
  const service = ENDPOINTS[endpoint].service;
  if (service === 'GitHub') return scenario.github;
  if (service === 'SQLE') return scenario.sqle;
  if (!dli) throw new Error('no DLI double');
  return endpoint === 'iam-token' ? dli.iam : dli.dli;
}

type Matcher = (req: Pick<DoubleRequest, 'method' | 'path' | 'body'>) => boolean;

/** Which requests are "the endpoint": for the SQLE record calls, only those of the second record. */
function hitMatcher(endpoint: EndpointId, scenario: Scenario): Matcher {
  const lateTask = (path: string): boolean => {
    const id = Number(/^\/sqle\/v2\/tasks\/audits\/(\d+)\/sqls$/.exec(path)?.[1]);
    return scenario.sqle.records.some((r) => r.taskId === id && r.files.some((f) => f.path === LATE_FILE));
  };
  switch (endpoint) {
    case 'dms-login':
      return (r) => r.method === 'POST' && r.path === '/v1/dms/sessions';
    case 'sqle-audit':
      // Zip entry names are stored uncompressed: the upload of the second record names LATE_FILE.
      return (r) => r.method === 'POST' && r.path.endsWith('/sql_audit_records') && r.body.toString('latin1').includes(LATE_FILE);
    case 'sqle-results':
      return (r) => r.method === 'GET' && lateTask(r.path);
    case 'dms-project':
      return (r) => r.method === 'GET' && r.path === '/v1/dms/projects';
    case 'github-pr-files':
      return (r) => r.method === 'GET' && r.path === '/repos/acme/db/pulls/7/files';
    case 'github-check-run':
      return (r) => r.method === 'POST' && r.path === '/repos/acme/db/check-runs';
    case 'github-comment':
      return (r) => r.method === 'POST' && r.path === '/repos/acme/db/issues/7/comments';
    case 'iam-token':
      return (r) => r.method === 'POST' && r.path === '/v3/auth/tokens';
    case 'dli-check':
      return (r) => r.method === 'POST' && r.path.endsWith('/jobs/check-sql');
  }
}

/** The injector of one case: acts on the matching requests, lets every other one through. */
function armed(c: FaultCase, scenario: Scenario, isHit: Matcher, dliCreds: { ak: string; sk: string }[]): FaultInjector {
  const service = ENDPOINTS[c.endpoint].service;
  let seen = 0;
  let githubRevoked = false;
  return async (req, res) => {
    if (githubRevoked) return answer(res, 401, 'application/json', JSON.stringify({ message: 'Bad credentials', status: '401' }));
    if (!isHit(req)) return false;
    seen += 1;
    switch (c.fault) {
      case 'reset':
        return cutMidway(res);
      case 'slow':
        return holdBeyondTimeout(res);
      case 'burst-5xx':
        return seen <= 2 ? answer(res, 503, 'application/json', JSON.stringify(errorBody(service, 'Service Unavailable'))) : false;
      case 'malformed-json':
        return answer(res, 200, 'application/json; charset=UTF-8', '{"code":0,"message":"ok","data":{"task":');
      case 'unknown-code':
        return service === 'DLI'
          ? answer(res, 200, 'application/json', JSON.stringify({ is_success: false, error_code: 'DLI.8888', message: 'a business error this action has never seen' }))
          : answer(res, 200, 'application/json', JSON.stringify({ code: 8888, message: 'a business error this action has never seen' }));
      case 'html-page':
        return answer(res, 500, 'text/html', NGINX_500);
      case 'sqle-down':
        return answer(res, 502, 'application/json; charset=UTF-8', JSON.stringify({ message: COULD_NOT_FORWARD }));
      case 'token-revoked':
        if (service === 'GitHub') {
          githubRevoked = true;
          return answer(res, 401, 'application/json', JSON.stringify({ message: 'Bad credentials', status: '401' }));
        }
        if (service === 'DLI') {
          dliCreds.length = 0;
          return false;
        }
        // Revoked once the first record is complete, so what it found was found before the fault
        // (for the project lookup, once every record is: the lookup alone is then refused).
        if (seen === 1) {
          await until(() => (c.endpoint === 'dms-project' ? recordsDone(scenario, 2) : recordsDone(scenario, 1, EARLY_FILE)));
          // A lifetime unlike the current token's: a token minted in the same second would be identical.
          scenario.sqle.generateAccessToken(undefined, 29);
        }
        return false;
      case 'refused':
        return false;
    }
  };
}

function errorBody(service: string, message: string): unknown {
  return service === 'DLI' ? { error_code: 'DLI.0999', error_msg: message } : { message };
}

const NGINX_500 =
  '<!DOCTYPE html>\n<html>\n<head><title>500 Internal Server Error</title></head>\n<body>\n<center><h1>500 Internal Server Error</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';

function answer(res: http.ServerResponse, status: number, contentType: string, body: string): true {
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
  return true;
}

/** Promises a long body, sends its first bytes, then drops the connection. */
function cutMidway(res: http.ServerResponse): true {
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': '4096' });
  res.write('{"code":0,"message":"ok","data":[', () => res.destroy());
  return true;
}

/** Answers long after any `timeout: 2` gave up; the double's close() drops the connection sooner. */
function holdBeyondTimeout(res: http.ServerResponse): Promise<true> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.destroy();
      resolve(true);
    }, 30_000);
    timer.unref();
    res.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** At least `count` records (those holding `file`, when given) had their upload and results answered. */
function recordsDone(scenario: Scenario, count: number, file?: string): boolean {
  const records = scenario.sqle.records.filter((r) => !file || r.files.some((f) => f.path === file));
  const served = records.filter((record) =>
    scenario.sqle.requests.some((r) => r.path === `/sqle/v2/tasks/audits/${record.taskId}/sqls` && r.status === 200 && r.endedAt !== undefined),
  );
  return served.length >= count;
}

async function until(condition: () => boolean, limitMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error('fault injection: the condition to inject was never met');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

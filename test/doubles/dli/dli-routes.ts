// DLI's SQL job API behind the API gateway: authentication first, then the job routes.
import type http from 'node:http';
import type { DoubleRequest } from '../http-double.js';
import { advance, cancel, end, newJob, scriptFor, TERMINAL, type DoubleJob, type JobTag } from './jobs.js';
import { parseStatement, SparkSyntaxError, type Effects } from './spark-parse.js';
import { dliError, gatewayError, reply, serverNow, type DliDoubleState } from './state.js';

const JOB_PATH = /^\/v1\.0\/([^/]+)\/jobs(?:\/([^/]+)(?:\/(status))?)?$/;
const NAME_PATTERN = /^(?!_)(?![0-9]+$)[A-Za-z0-9_]*$/;
const TAG_CHARS = /^[A-Za-z0-9 _.:+\-@]*$/;

export function dliHandler(state: DliDoubleState) {
  return (req: DoubleRequest, res: http.ServerResponse): void => {
    const route = JOB_PATH.exec(req.path);
    if (!route) return gatewayNotFound(res);
    const authError = authenticate(state, req);
    if (authError) return authError.kind === 'gateway' ? gatewayError(res, authError.message) : dliError(res, 401, 'DLI.0013', authError.message);
    const [, projectId, sub, status] = route;
    if (projectId !== state.projectId) return dliError(res, 401, 'DLI.0013', `The project ${projectId} does not match the credentials`);
    if (req.method === 'POST' && sub === 'submit-job' && !status) return submitJob(state, req, res);
    if (req.method === 'POST' && sub === 'check-sql' && !status) return checkSql(state, req, res);
    if (req.method === 'GET' && !sub) return listJobs(state, req, res);
    if (req.method === 'GET' && sub && status) return jobStatus(state, sub, res);
    if (req.method === 'DELETE' && sub && !status) return cancelJob(state, sub, res);
    gatewayNotFound(res);
  };
}

function authenticate(state: DliDoubleState, req: DoubleRequest): { kind: 'gateway' | 'dli'; message: string } | undefined {
  const token = req.headers['x-auth-token'];
  if (typeof token === 'string') {
    const issued = state.tokens.get(token);
    if (!issued) return { kind: 'gateway', message: 'Incorrect IAM authentication information: decrypt token fail' };
    if (issued.expiresAt <= serverNow(state)) return { kind: 'gateway', message: 'Incorrect IAM authentication information: token expired' };
    if (issued.projectId !== state.projectId) return { kind: 'dli', message: 'The token is not scoped to this project' };
    return undefined;
  }
  if (!req.headers['authorization']) return { kind: 'gateway', message: 'Incorrect IAM authentication information: no authorization header' };
  const failure = state.gateway.verify(req, serverNow(state));
  return failure ? { kind: 'gateway', message: failure } : undefined;
}

interface SqlBody {
  sql: string;
  currentdb?: string;
  queue_name?: string;
  conf: string[];
  tags: JobTag[];
}

/** Validates the JSON body like DLI does; answers the error itself and returns undefined. */
function readBody(req: DoubleRequest, res: http.ServerResponse): SqlBody | undefined {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 'DLI.0001', 'unsupported media Type');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return refuse(res, 'DLI.0001', 'The request body is not valid JSON');
  }
  if (typeof raw['sql'] !== 'string' || !raw['sql'].trim()) return refuse(res, 'DLI.0001', 'The parameter sql is mandatory');
  for (const key of ['currentdb', 'queue_name'] as const) {
    const v = raw[key];
    if (v !== undefined && (typeof v !== 'string' || !NAME_PATTERN.test(v))) return refuse(res, 'DLI.0001', `The parameter ${key} is invalid`);
  }
  const conf = raw['conf'] ?? [];
  if (!Array.isArray(conf) || !conf.every((c) => typeof c === 'string' && c.includes('='))) return refuse(res, 'DLI.0001', 'conf must be a list of key=value strings');
  const tags = raw['tags'] ?? [];
  if (!Array.isArray(tags) || !tags.every(validTag)) return refuse(res, 'DLI.0001', 'The tags are invalid');
  return {
    sql: raw['sql'],
    ...(typeof raw['currentdb'] === 'string' ? { currentdb: raw['currentdb'] } : {}),
    ...(typeof raw['queue_name'] === 'string' ? { queue_name: raw['queue_name'] } : {}),
    conf: conf as string[],
    tags: (tags as JobTag[]).map((t) => ({ key: t.key, value: t.value })),
  };
}

function refuse(res: http.ServerResponse, code: string, message: string): undefined {
  dliError(res, 400, code, message);
  return undefined;
}

function validTag(t: unknown): t is JobTag {
  if (!t || typeof t !== 'object') return false;
  const { key, value } = t as Record<string, unknown>;
  return (
    typeof key === 'string' && typeof value === 'string' && key.length >= 1 && key.length <= 128 && !key.startsWith('_sys_') &&
    value.length <= 255 && TAG_CHARS.test(key) && TAG_CHARS.test(value)
  );
}

function parseOrReply(sql: string, res: http.ServerResponse): Effects | undefined {
  try {
    return parseStatement(sql);
  } catch (err) {
    if (err instanceof SparkSyntaxError) return refuse(res, 'DLI.0004', err.message);
    throw err;
  }
}

function submitJob(state: DliDoubleState, req: DoubleRequest, res: http.ServerResponse): void {
  const body = readBody(req, res);
  if (!body) return;
  const queue = body.queue_name ?? 'default';
  if (!state.queues.includes(queue)) return dliError(res, 400, 'DLI.0002', `There is no queue named ${queue}`);
  const effects = parseOrReply(body.sql, res);
  if (!effects) return;
  const asyncOff = body.conf.some((c) => c.replace(/\s/g, '').toLowerCase() === 'dli.sql.sqlasync.enabled=false');
  const jobMode = effects.jobType === 'DCL' || (effects.jobType === 'DDL' && asyncOff) ? 'sync' : 'async';
  const script = scriptFor(state.scripts, body.sql);
  const job = newJob(
    {
      sql: body.sql,
      tags: body.tags,
      conf: body.conf,
      queue,
      ...(body.currentdb ? { currentdb: body.currentdb } : {}),
      jobType: effects.jobType,
      jobMode,
      effects,
      ...(script ? { script } : {}),
    },
    serverNow(state),
  );
  state.jobs.push(job);
  if (jobMode === 'sync') {
    end(job, state.catalog, serverNow(state));
    if (job.status === 'FAILED') return dliError(res, 400, 'DLI.0005', job.message);
  }
  reply(res, 200, { is_success: true, message: '', job_id: job.id, job_type: job.jobType, job_mode: job.jobMode });
}

function checkSql(state: DliDoubleState, req: DoubleRequest, res: http.ServerResponse): void {
  const body = readBody(req, res);
  if (!body) return;
  const effects = parseOrReply(body.sql, res);
  if (!effects) return;
  const error = state.catalog.check(effects, body.currentdb);
  if (error) return dliError(res, 400, error.code, error.message);
  reply(res, 200, { is_success: true, message: 'the sql is ok', job_type: effects.jobType });
}

function jobStatus(state: DliDoubleState, id: string, res: http.ServerResponse): void {
  const job = state.jobs.find((j) => j.id === id);
  if (!job) return dliError(res, 400, 'DLI.0002', `The job ${id} does not exist`);
  advance(job, state.catalog, serverNow(state), true);
  reply(res, 200, { is_success: true, ...jobFields(job, serverNow(state)) });
}

function listJobs(state: DliDoubleState, req: DoubleRequest, res: http.ServerResponse): void {
  const pageSize = Number(req.query.get('page-size') ?? 50);
  const page = Number(req.query.get('current-page') ?? 1);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return dliError(res, 400, 'DLI.0001', 'page-size must be between 1 and 100');
  if (!Number.isInteger(page) || page < 1) return dliError(res, 400, 'DLI.0001', 'current-page must be at least 1');
  const wanted = (req.query.get('tags') ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => ({ key: kv.slice(0, kv.indexOf('=')), value: kv.slice(kv.indexOf('=') + 1) }));
  const status = req.query.get('job-status');
  const now = serverNow(state);
  for (const job of state.jobs) advance(job, state.catalog, now, false);
  const matching = state.jobs
    .filter((j) => wanted.every((w) => j.tags.some((t) => t.key === w.key && t.value === w.value)))
    .filter((j) => !status || j.status === status)
    .sort((a, b) => b.submittedAt - a.submittedAt);
  const jobs = matching.slice((page - 1) * pageSize, page * pageSize).map((j) => jobFields(j, now));
  reply(res, 200, { is_success: true, message: '', job_count: matching.length, jobs });
}

function cancelJob(state: DliDoubleState, id: string, res: http.ServerResponse): void {
  const job = state.jobs.find((j) => j.id === id);
  if (!job) return dliError(res, 400, 'DLI.0002', `The job ${id} does not exist`);
  advance(job, state.catalog, serverNow(state), false);
  if (TERMINAL.has(job.status)) return dliError(res, 400, 'DLI.0001', `The job ${id} is ${job.status} and cannot be cancelled`);
  cancel(job, serverNow(state));
  reply(res, 200, { is_success: true, message: '' });
}

function jobFields(job: DoubleJob, now: number): Record<string, unknown> {
  return {
    message: job.message,
    job_id: job.id,
    job_type: job.jobType,
    job_mode: job.jobMode,
    queue_name: job.queue,
    owner: 'ci',
    start_time: job.submittedAt,
    duration: (job.endedAt ?? now) - job.submittedAt,
    status: job.status,
    database_name: job.currentdb ?? '',
    statement: job.sql,
    tags: job.tags,
    user_conf: JSON.stringify(Object.fromEntries(job.conf.map((c) => c.split('=').map((s) => s.trim())))),
  };
}

function gatewayNotFound(res: http.ServerResponse): void {
  reply(res, 404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' });
}

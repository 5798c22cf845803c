// The DLI SQL job API over the project's HTTP layer.
import type { z } from 'zod';
import { ServiceError, displayPath } from '../http/errors.js';
import type { HttpRequest, HttpService } from '../http/types.js';
import type { DliAuth } from './auth.js';
import { apiError, type ErrorContext } from './errors.js';
import { cancelJobResponse, checkSqlResponse, jobStatusResponse, listJobsResponse, submitJobResponse } from './schemas.js';

export interface JobTag {
  key: string;
  value: string;
}

export interface SubmitJob {
  sql: string;
  currentdb?: string;
  queueName?: string;
  conf?: string[];
  tags?: JobTag[];
}

export interface SubmittedJob {
  jobId: string;
  jobType?: string;
  /** 'sync' means the job is already complete. */
  jobMode?: string;
  message: string;
}

export interface JobStatus {
  jobId: string;
  /** LAUNCHING, RUNNING, SCALING, FINISHED, FAILED, CANCELLED, or a value DLI adds later. */
  status: string;
  message: string;
  durationMs?: number;
}

export interface JobSummary {
  jobId: string;
  status: string;
  statement?: string;
  /** Undefined when DLI did not say. */
  tags?: JobTag[];
  message?: string;
}

export interface ListJobsQuery {
  /** All must match. */
  tags?: JobTag[];
  pageSize?: number;
  currentPage?: number;
}

export interface JobList {
  jobCount?: number;
  jobs: JobSummary[];
}

export type SqlCheck = { ok: true; jobType?: string; message: string } | { ok: false; code?: string; message: string };

export interface DliClient {
  readonly projectId: string;
  submitJob(job: SubmitJob): Promise<SubmittedJob>;
  jobStatus(jobId: string): Promise<JobStatus>;
  listJobs(query: ListJobsQuery): Promise<JobList>;
  cancelJob(jobId: string): Promise<void>;
  /** Statement errors (syntax, semantic, unknown object...) come back as `ok: false`; anything else throws. */
  checkSql(sql: string, currentdb?: string): Promise<SqlCheck>;
}

/** DLI error codes that are about the statement itself (check-sql). */
const STATEMENT_ERROR_CODES = new Set(['DLI.0001', 'DLI.0002', 'DLI.0004', 'DLI.0005', 'DLI.0006', 'DLI.0007', 'DLI.0008']);

export function createDliClient(http: HttpService, auth: DliAuth, context: Omit<ErrorContext, 'authKind'> = {}): DliClient {
  const errorContext: ErrorContext = { ...context, authKind: auth.kind };
  const base = `/v1.0/${encodeURIComponent(auth.projectId)}/jobs`;

  async function call<S extends z.ZodType>(req: HttpRequest, schema: S): Promise<z.infer<S>> {
    // Content-Type on every call, bodyless ones included, like the official SDKs (vectors V2-V4);
    // lower-case so it replaces the HTTP layer's own instead of being sent twice.
    const headers = { 'content-type': 'application/json', ...auth.headers, ...req.headers };
    const res = await http.request({ ...req, headers, prepare: auth.prepare });
    const body = parseJson(res.text);
    const failed = body !== null && typeof body === 'object' && (body as Record<string, unknown>)['is_success'] === false;
    if (res.status < 200 || res.status >= 300 || failed) throw apiError('DLI', req, res, errorContext);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? ` (${issue.path.join('.') || 'body'}: ${issue.message})` : '';
      throw new ServiceError('DLI', req.method, displayPath(req), res.status, `an answer of an unexpected shape${where}`, undefined, 'Check dli-endpoint');
    }
    return parsed.data;
  }

  return {
    projectId: auth.projectId,

    async submitJob(job) {
      const json = {
        sql: job.sql,
        ...(job.currentdb ? { currentdb: job.currentdb } : {}),
        ...(job.queueName ? { queue_name: job.queueName } : {}),
        ...(job.conf?.length ? { conf: job.conf } : {}),
        ...(job.tags?.length ? { tags: job.tags } : {}),
      };
      const r = await call({ method: 'POST', path: `${base}/submit-job`, json }, submitJobResponse);
      return { jobId: r.job_id, message: r.message ?? '', ...optional('jobType', r.job_type), ...optional('jobMode', r.job_mode) };
    },

    async jobStatus(jobId) {
      const r = await call({ method: 'GET', path: `${base}/${encodeURIComponent(jobId)}/status` }, jobStatusResponse);
      return { jobId, status: r.status, message: r.message ?? '', ...optional('durationMs', r.duration) };
    },

    async listJobs(query) {
      const r = await call(
        {
          method: 'GET',
          path: base,
          query: {
            'page-size': query.pageSize,
            'current-page': query.currentPage,
            tags: query.tags?.length ? query.tags.map((t) => `${t.key}=${t.value}`).join(',') : undefined,
          },
        },
        listJobsResponse,
      );
      const jobs = (r.jobs ?? []).map((j) => ({
        jobId: j.job_id,
        status: j.status,
        ...optional('statement', j.statement),
        ...optional('tags', j.tags),
        ...optional('message', j.message),
      }));
      return { jobs, ...optional('jobCount', r.job_count) };
    },

    async cancelJob(jobId) {
      await call({ method: 'DELETE', path: `${base}/${encodeURIComponent(jobId)}` }, cancelJobResponse);
    },

    async checkSql(sql, currentdb) {
      try {
        const r = await call({ method: 'POST', path: `${base}/check-sql`, json: { sql, ...(currentdb ? { currentdb } : {}) }, idempotent: true }, checkSqlResponse);
        return { ok: true, message: r.message ?? '', ...optional('jobType', r.job_type) };
      } catch (err) {
        if (err instanceof ServiceError && err.status === 400 && typeof err.code === 'string' && STATEMENT_ERROR_CODES.has(err.code)) {
          return { ok: false, code: err.code, message: err.serverMessage };
        }
        throw err;
      }
    },
  };
}

function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

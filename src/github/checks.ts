// Publishes a completed check run with any number of annotations: the first 50 with the create,
// the rest as updates of at most 50 each (GitHub appends them), sent in parallel.
import { mapLimit } from '../http/limiter.js';
import type { GitHub } from './client.js';
import { describeGitHubError, type GitHubFailure } from './errors.js';
import { checkRunSchema, parseAnswer } from './schemas.js';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  /** Only when start_line === end_line (GitHub's rule); dropped otherwise. */
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunRequest {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  /** At most 65,535 characters (GitHub refuses more): the caller truncates. */
  summary: string;
  text?: string;
  annotations: CheckAnnotation[];
}

export interface BatchFailure extends GitHubFailure {
  /** Annotations of the refused batch. */
  annotations: number;
}

export type CheckRunResult =
  | { ok: true; url: string; sent: number; failures: BatchFailure[] }
  | { ok: false; status: number; message: string };

export const ANNOTATIONS_PER_REQUEST = 50;
const MAX_TITLE_CHARS = 255;
const MAX_TEXT_BYTES = 64 * 1024;

function truncateChars(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}

function truncateBytes(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max - 3) break;
    out += ch;
    bytes += n;
  }
  return out + '…';
}

/** Keeps an annotation within GitHub's rules so one bad field cannot cost a whole batch. */
export function normalizeAnnotation(a: CheckAnnotation): CheckAnnotation {
  const { start_column, end_column, title, raw_details, ...rest } = a;
  const out: CheckAnnotation = { ...rest, message: truncateBytes(a.message, MAX_TEXT_BYTES) };
  if (a.start_line === a.end_line) {
    if (start_column !== undefined) out.start_column = start_column;
    if (end_column !== undefined) out.end_column = end_column;
  }
  if (title !== undefined) out.title = truncateChars(title, MAX_TITLE_CHARS);
  if (raw_details !== undefined) out.raw_details = truncateBytes(raw_details, MAX_TEXT_BYTES);
  return out;
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function publishCheckRun(gh: GitHub, req: CheckRunRequest, concurrency: number): Promise<CheckRunResult> {
  const [first = [], ...rest] = batches(req.annotations.map(normalizeAnnotation), ANNOTATIONS_PER_REQUEST);
  const output = (annotations: CheckAnnotation[]) => ({ title: req.title, summary: req.summary, ...(req.text !== undefined ? { text: req.text } : {}), annotations });
  const failures: BatchFailure[] = [];

  const create = (annotations: CheckAnnotation[]) =>
    gh.request('POST /repos/{owner}/{repo}/check-runs', {
      owner: req.owner,
      repo: req.repo,
      name: req.name,
      head_sha: req.headSha,
      status: 'completed',
      conclusion: req.conclusion,
      output: output(annotations),
    });

  let created;
  try {
    created = await create(first);
  } catch (err) {
    const failure = describeGitHubError(err, 'create the check run', 'checks: write');
    if (failure.status !== 422 || first.length === 0) return { ok: false, ...failure };
    // The first batch may be what GitHub refused: create the run without it and report the batch.
    try {
      created = await create([]);
      failures.push({ ...failure, annotations: first.length });
    } catch (retryErr) {
      return { ok: false, ...describeGitHubError(retryErr, 'create the check run', 'checks: write') };
    }
  }

  let run;
  try {
    run = parseAnswer(checkRunSchema, created.data, 'the check run creation');
  } catch (err) {
    return { ok: false, status: 0, message: (err as Error).message };
  }
  const sentFirst = failures.length === 0 ? first.length : 0;

  const sentRest = await mapLimit(rest, Math.max(1, concurrency), async (annotations, i) => {
    try {
      await gh.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        owner: req.owner,
        repo: req.repo,
        check_run_id: run.id,
        output: output(annotations),
      });
      return annotations.length;
    } catch (err) {
      const failure = describeGitHubError(err, `add annotations ${(i + 1) * ANNOTATIONS_PER_REQUEST + 1}–${(i + 1) * ANNOTATIONS_PER_REQUEST + annotations.length} to the check run`, 'checks: write');
      failures.push({ ...failure, annotations: annotations.length });
      return 0;
    }
  });

  for (const f of failures) gh.log.warning(`${f.annotations} annotations were not published: ${f.message}`);
  return { ok: true, url: run.html_url ?? run.url, sent: sentFirst + sentRest.reduce((a, b) => a + b, 0), failures };
}

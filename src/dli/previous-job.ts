// Looks up the jobs an earlier run submitted for the same statement (by its tag).
import type { DliClient, JobSummary } from './client.js';
import { isTerminal } from './poll.js';
import { STATEMENT_TAG, lookupTags } from './tags.js';

const PAGE_SIZE = 100;
const MAX_PAGES = 20;

export interface PreviousJobs {
  finished?: JobSummary;
  /** A job with the same tags that has not ended yet (e.g. a run that was interrupted). */
  running?: JobSummary;
}

export async function findPreviousJobs(client: DliClient, hash: string, sql: string): Promise<PreviousJobs> {
  const found: PreviousJobs = {};
  let seen = 0;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const list = await client.listJobs({ tags: lookupTags(hash), pageSize: PAGE_SIZE, currentPage: page });
    for (const job of list.jobs) {
      if (!isSameStatement(job, hash, sql)) continue;
      const status = job.status.toUpperCase();
      if (status === 'FINISHED') return { finished: job };
      if (!isTerminal(status)) found.running ??= job;
    }
    seen += list.jobs.length;
    if (list.jobs.length < PAGE_SIZE || (list.jobCount !== undefined && seen >= list.jobCount)) break;
  }
  return found;
}

/** Does not trust the server-side filter alone: a job must carry the tag (or, untagged, the same SQL). */
function isSameStatement(job: JobSummary, hash: string, sql: string): boolean {
  if (job.tags) return job.tags.some((t) => t.key === STATEMENT_TAG && t.value === hash);
  return job.statement?.trim() === sql.trim();
}

// The fewest sequential round trips the action's design allows for a run, derived from its data
// dependencies (see docs/performance.md): each step needs an answer of the step before it, and the
// requests within a step go out together, in waves of at most `concurrency`.

export interface RunShape {
  /** Files of the pull request (GitHub lists at most 3,000, 100 a page). */
  prFiles: number;
  /** Audit records posted to SQLE. */
  records: number;
  /** Annotations written to the check run (50 a request). */
  annotations: number;
  concurrency: number;
}

export interface RoundTrips {
  /** The pull request's file pages: the count is in the event, so every page goes out at once. */
  listing: number;
  /**
   * The audit records posted together, then each record's results (its first page sized to hold
   * them all, the project uid alongside) as soon as its POST is answered. Records and results share
   * SQLE's `concurrency` slots, so past `concurrency` records the two steps overlap in
   * max(⌈records / concurrency⌉ + 1, ⌈2 × records / concurrency⌉) waves.
   */
  auditAndResults: number;
  /** The check run's creation with the first 50 annotations, then the other batches together. */
  checkRun: number;
  /** The comment: list the comments, create ours, list again to settle a race with another run. */
  comment: number;
  /** listing + auditAndResults + the longer of checkRun and comment, which need nothing of each other. */
  total: number;
}

const FILES_PER_PAGE = 100;
const MAX_LISTED_FILES = 3000;
const ANNOTATIONS_PER_REQUEST = 50;
const COMMENT_ROUND_TRIPS = 3;

const waves = (requests: number, concurrency: number): number => Math.max(1, Math.ceil(requests / concurrency));

export function minimalRoundTrips(shape: RunShape): RoundTrips {
  const c = Math.max(1, shape.concurrency);
  const pages = Math.max(1, Math.ceil(Math.min(shape.prFiles, MAX_LISTED_FILES) / FILES_PER_PAGE));
  const batches = Math.max(1, Math.ceil(shape.annotations / ANNOTATIONS_PER_REQUEST));
  const listing = waves(pages, c);
  const auditAndResults = Math.max(waves(shape.records, c) + 1, waves(2 * shape.records, c));
  const checkRun = 1 + (batches > 1 ? waves(batches - 1, c) : 0);
  const comment = COMMENT_ROUND_TRIPS;
  return { listing, auditAndResults, checkRun, comment, total: listing + auditAndResults + Math.max(checkRun, comment) };
}

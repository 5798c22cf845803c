// The pull requests the benchmark runs, with what a correct run of each must report (a run that
// audited less than it should would otherwise look fast).
import { cleanFile, CLEAN_FILE_STATEMENTS, dumpFile, findingsFile } from './corpus.js';

export interface BenchCase {
  name: string;
  /** Files of the pull request. */
  prFiles: number;
  files: () => Record<string, string>;
  expect: { result: string; statements: number; errors: number; annotations: number };
  /** 'size': one of the pull requests whose round trips must not grow with their size. */
  kind: 'size' | 'findings' | 'memory';
}

function cleanPullRequest(n: number): BenchCase {
  return {
    name: `${n.toLocaleString('en-US')} file${n === 1 ? '' : 's'}`,
    prFiles: n,
    files: () => Object.fromEntries(Array.from({ length: n }, (_, i) => [`db/migrations/V${i + 1}__orders_${i + 1}.sql`, cleanFile(i + 1)])),
    expect: { result: 'passed', statements: n * CLEAN_FILE_STATEMENTS, errors: 0, annotations: 0 },
    kind: 'size',
  };
}

const FINDINGS_FILES = 200;
const FINDINGS_PER_FILE = 50;

export const SIZE_CASES: BenchCase[] = [1, 50, 500, 3000].map(cleanPullRequest);

export const FINDINGS_CASE: BenchCase = {
  name: '10,000 findings',
  prFiles: FINDINGS_FILES,
  files: () => Object.fromEntries(Array.from({ length: FINDINGS_FILES }, (_, i) => [`db/reports/R${i + 1}.sql`, findingsFile(i + 1, FINDINGS_PER_FILE)])),
  expect: { result: 'failed', statements: FINDINGS_FILES * FINDINGS_PER_FILE, errors: FINDINGS_FILES * FINDINGS_PER_FILE, annotations: FINDINGS_FILES * FINDINGS_PER_FILE },
  kind: 'findings',
};

export const LARGE_FILE_BYTES = 100 * 1024 * 1024;

export function largeFileCase(): BenchCase {
  const { text, statements } = dumpFile(LARGE_FILE_BYTES);
  return {
    name: '100 MB file',
    prFiles: 1,
    files: () => ({ 'db/seed/events.sql': text }),
    expect: { result: 'passed', statements, errors: 0, annotations: 0 },
    kind: 'memory',
  };
}

/** Which expectations a run missed; empty when it did everything it should. */
export function missedExpectations(c: BenchCase, outputs: Record<string, string>, annotations: number): string[] {
  const missed: string[] = [];
  const check = (what: string, got: string | number | undefined, want: string | number): void => {
    if (String(got) !== String(want)) missed.push(`${what} ${String(got)} (expected ${want})`);
  };
  check('result', outputs['result'], c.expect.result);
  check('statements-audited', outputs['statements-audited'], c.expect.statements);
  check('error-count', outputs['error-count'], c.expect.errors);
  check('annotations', annotations, c.expect.annotations);
  return missed;
}

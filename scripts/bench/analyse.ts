// Turns one run's logs into the benchmark's figures: requests per service, round trips on the
// critical path against the design's minimum, the critical-path limit and the ratio of wall time to it.
import { minimalRoundTrips, type RoundTrips } from './design.js';
import type { CaseRun } from './run-case.js';
import { criticalPath, describePath, maxOverlap, type Span } from './timeline.js';

export interface CaseFigures {
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  requests: Record<Span['service'], number>;
  roundTrips: {
    measured: number;
    chain: string;
    minimal: RoundTrips;
    /** measured minus the waves that `concurrency` alone imposes: what should not grow with the pull request. */
    beyondConcurrency: number;
    /** Of the measured, those to SQLE/DMS. */
    sqle: number;
  };
  /** Server time of the audit stage: the longest audit POST, less the injected latency (includes the modelled audit cost). */
  auditServerMs: number;
  limitMs: number;
  ratio: number;
  recordPosts: { count: number; maxInFlight: number; spans: { startMs: number; endMs: number; statements: number }[] };
  annotations: number;
  outputs: Record<string, string>;
  exitCode: number | null;
  /** How far the doubles' clocks may be off the benchmark's (ms). */
  clockErrorMs: number;
}

const isRecordPost = (s: Span): boolean => s.service === 'sqle' && s.method === 'POST' && s.path.endsWith('/sql_audit_records');

export function analyse(run: CaseRun, shape: { prFiles: number; latencyMs: number; concurrency: number }): CaseFigures {
  const path = criticalPath(run.spans, shape.concurrency);
  const posts = run.spans.filter(isRecordPost);
  const minimal = minimalRoundTrips({ prFiles: shape.prFiles, records: posts.length, annotations: run.annotations, concurrency: shape.concurrency });
  const unlimited = minimalRoundTrips({ prFiles: shape.prFiles, records: posts.length, annotations: run.annotations, concurrency: Number.POSITIVE_INFINITY });
  const cpuMs = run.usage.userCpuMs + run.usage.systemCpuMs;
  const auditServerMs = Math.max(0, ...posts.map((p) => p.end - p.start - shape.latencyMs));
  const limitMs = shape.latencyMs * minimal.total + cpuMs + auditServerMs;
  const requests = { github: 0, sqle: 0, dms: 0 };
  for (const s of run.spans) requests[s.service] += 1;
  const firstPost = Math.min(...posts.map((p) => p.start));
  const unmatched = [...run.records];
  const statementsOf = (post: Span): number => {
    const at = unmatched.findIndex((r) => r.start >= post.start - run.clockErrorMs * 2 && r.end <= post.end + run.clockErrorMs * 2);
    return at < 0 ? 0 : (unmatched.splice(at, 1)[0]?.statements ?? 0);
  };
  return {
    wallMs: run.wallMs,
    cpuMs,
    peakRssBytes: run.usage.maxRssBytes,
    requests,
    roundTrips: {
      measured: path.roundTrips,
      chain: describePath(path),
      minimal,
      beyondConcurrency: path.roundTrips - (minimal.total - unlimited.total),
      sqle: path.steps.filter((s) => !s.kind.startsWith('gh ')).reduce((n, s) => n + s.waves, 0),
    },
    auditServerMs,
    limitMs,
    ratio: run.wallMs / limitMs,
    recordPosts: {
      count: posts.length,
      maxInFlight: maxOverlap(posts),
      spans: posts.map((p) => ({ startMs: p.start - firstPost, endMs: p.end - firstPost, statements: statementsOf(p) })),
    },
    annotations: run.annotations,
    outputs: run.outputs,
    exitCode: run.exitCode,
    clockErrorMs: run.clockErrorMs,
  };
}

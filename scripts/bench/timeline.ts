// Reads the doubles' request logs as one timeline: the sequential round trips on the critical path,
// and how many requests were in flight at once.

export interface Span {
  service: 'github' | 'sqle' | 'dms';
  method: string;
  path: string;
  /** Benchmark clock (ms): when the double had the whole request, and when its answer was sent. */
  start: number;
  end: number;
  status: number;
}

/** Requests of one kind that the client sent as one step of its work (see `fanOuts`). */
export interface FanOut {
  kind: string;
  spans: Span[];
  start: number;
  end: number;
  /** Most of its requests in flight at once. */
  inFlight: number;
  /** Round trips it took: see `fanOuts` and `longestRun`. */
  waves: number;
}

export interface CriticalPath {
  /** The fan-outs that waited one for another, first to last. */
  steps: FanOut[];
  roundTrips: number;
}

/** The kind of a request: its service, method and route (ids dropped), e.g. `gh GET pulls/files`. */
export function kindOf(span: Span): string {
  const service = span.service === 'github' ? 'gh' : span.service;
  const tail = span.path
    .split('/')
    .filter((p) => p && !/^\d+$/.test(p))
    .slice(-2)
    .join('/');
  return `${service} ${span.method} ${tail}`;
}

/**
 * Groups requests into fan-outs: a request joins the fan-out of the previous requests of its kind
 * unless, since the last of their answers before it, the client sent a request of another kind (it
 * had moved on to another step and came back, as when a comment is listed, created, listed again).
 * While none of them has been answered, it always joins.
 */
export function fanOuts(spans: readonly Span[], concurrency: number): FanOut[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const current = new Map<string, FanOut>();
  const all: FanOut[] = [];
  for (const span of sorted) {
    const kind = kindOf(span);
    const group = current.get(kind);
    const answers = group ? group.spans.map((s) => s.end).filter((end) => end <= span.start) : [];
    const answered = Math.max(...answers);
    const movedOn = answers.length > 0 && sorted.some((s) => kindOf(s) !== kind && s.start >= answered && s.start < span.start);
    if (group && !movedOn) {
      group.spans.push(span);
      group.end = Math.max(group.end, span.end);
    } else {
      const fresh: FanOut = { kind, spans: [span], start: span.start, end: span.end, inFlight: 1, waves: 1 };
      current.set(kind, fresh);
      all.push(fresh);
    }
  }
  for (const g of all) {
    const others = sorted.filter((s) => !g.spans.includes(s)).map((s) => s.end);
    g.inFlight = maxOverlap(g.spans);
    const run = longestRun(g.spans, others);
    // A fan-out that filled every slot is held back by the cap alone: ⌈requests / concurrency⌉ waves,
    // however its workers drift. One that never filled them shows its own sequencing in full.
    const saturated = g.inFlight >= Math.min(g.spans.length, concurrency);
    g.waves = saturated ? Math.min(run, Math.ceil(g.spans.length / concurrency)) : run;
  }
  return all;
}

/**
 * The sequential round trips on the critical path. Requests are grouped into fan-outs (`fanOuts`).
 * A fan-out waited for the answer sent last before its first request arrived; its depth is that
 * answer's fan-out's depth plus its own waves. The deepest fan-out's chain is the
 * critical path, and the sum of its waves the round trips on it.
 */
export function criticalPath(spans: readonly Span[], concurrency: number): CriticalPath {
  const groups = fanOuts(spans, concurrency);
  const groupOf = new Map<Span, FanOut>();
  for (const g of groups) for (const s of g.spans) groupOf.set(s, g);
  const byEnd = [...spans].sort((a, b) => a.end - b.end);
  const depth = new Map<FanOut, number>();
  const waitedFor = new Map<FanOut, FanOut>();
  for (const g of groups) {
    let cause: FanOut | undefined;
    for (let i = byEnd.length - 1; i >= 0 && !cause; i--) {
      const answer = byEnd[i] as Span;
      if (answer.end <= g.start && groupOf.get(answer) !== g) cause = groupOf.get(answer);
    }
    depth.set(g, (cause ? (depth.get(cause) ?? 0) : 0) + g.waves);
    if (cause) waitedFor.set(g, cause);
  }
  let deepest: FanOut | undefined;
  for (const g of groups) if (!deepest || (depth.get(g) ?? 0) > (depth.get(deepest) ?? 0)) deepest = g;
  const steps: FanOut[] = [];
  for (let at = deepest; at; at = waitedFor.get(at)) steps.unshift(at);
  return { steps, roundTrips: deepest ? (depth.get(deepest) ?? 0) : 0 };
}

/**
 * The longest run of spans each arriving after the previous one's answer, where no answer from
 * outside the fan-out (`otherAnswers`) came between the previous one's sending and the next one's
 * arrival: such an answer may be what released the next one (a record's results follow its own
 * POST, not the results of the record before), so that step is not a round trip of the fan-out.
 */
function longestRun(spans: readonly Span[], otherAnswers: readonly number[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const releasedElsewhere = (a: Span, b: Span): boolean => otherAnswers.some((end) => end > a.start && end <= b.start);
  const length: number[] = [];
  sorted.forEach((span, j) => {
    let best = 0;
    for (let i = 0; i < j; i++) {
      const before = sorted[i] as Span;
      if (before.end <= span.start && !releasedElsewhere(before, span)) best = Math.max(best, length[i] as number);
    }
    length[j] = best + 1;
  });
  return Math.max(0, ...length);
}

/** Most of `spans` in flight at the same moment. */
export function maxOverlap(spans: readonly { start: number; end: number }[]): number {
  const events = spans.flatMap((s) => [
    { at: s.start, delta: 1 },
    { at: s.end, delta: -1 },
  ]);
  // An answer sent at the very moment another request arrives does not overlap it.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let most = 0;
  for (const e of events) {
    current += e.delta;
    most = Math.max(most, current);
  }
  return most;
}

/** The critical path as `gh GET pulls/files (30, 8 at once, 4 waves) → sqle POST …`. */
export function describePath(path: CriticalPath): string {
  return path.steps
    .map((s) => {
      const n = s.spans.length;
      if (n === 1) return s.kind;
      return `${s.kind} (${n}, ${s.inFlight} at once${s.waves > 1 ? `, ${s.waves} waves` : ''})`;
    })
    .join(' → ');
}

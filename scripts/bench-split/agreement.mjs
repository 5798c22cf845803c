// Compares statement boundaries of our splitter with dbgate-query-splitter's rich output.
// A statement agrees when both end it at the same offset (after its last non-blank character)
// and our start lies inside theirs: dbgate keeps leading comments in a statement, we do not.

export function compareBoundaries(ours, theirs) {
  const byEnd = new Map();
  for (const t of theirs) byEnd.set(t.trimEnd.position, t);
  let matched = 0;
  const mismatches = [];
  for (const s of ours) {
    const t = byEnd.get(s.end);
    if (t && t.trimStart.position <= s.start && s.start < s.end) matched++;
    else if (mismatches.length < 5) mismatches.push({ start: s.start, end: s.end, text: s.text.slice(0, 80) });
  }
  const total = Math.max(ours.length, theirs.length);
  return {
    ours: ours.length,
    theirs: theirs.length,
    matched,
    percent: total === 0 ? 100 : (100 * matched) / total,
    mismatches,
  };
}

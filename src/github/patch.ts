// Reads the line numbers a unified diff adds or changes in the new file.

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * The new file's added/modified lines (1-based) of GitHub's `patch` (hunks only, no file header).
 * Hunk line counts decide where a hunk ends, so content lines that look like headers
 * (a removed SQL comment `--- x`, an added `+++`) are read as content.
 */
export function changedLinesFromPatch(patch: string): Set<number> {
  const changed = new Set<number>();
  let oldLeft = 0;
  let newLeft = 0;
  let newLine = 0;
  for (const raw of patch.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (oldLeft <= 0 && newLeft <= 0) {
      const m = HUNK_HEADER.exec(line);
      if (m) {
        oldLeft = m[1] === undefined ? 1 : Number(m[1]);
        newLine = Number(m[2]);
        newLeft = m[3] === undefined ? 1 : Number(m[3]);
      }
      continue;
    }
    const kind = line[0];
    if (kind === '\\') continue; // "\ No newline at end of file"
    if (kind === '+') {
      changed.add(newLine);
      newLine += 1;
      newLeft -= 1;
    } else if (kind === '-') {
      oldLeft -= 1;
    } else {
      // Context (' '), or an empty line where a tool trimmed the context line's leading space.
      newLine += 1;
      newLeft -= 1;
      oldLeft -= 1;
    }
  }
  return changed;
}

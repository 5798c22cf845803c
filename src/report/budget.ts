// Size budgets: GitHub refuses a job summary over 1 MiB and a comment over 65,536 characters.

export type Measure = (text: string) => number;

/** UTF-8 bytes: how the job summary's limit is counted. */
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');
/** JavaScript string length: how the comment and check-run limits are counted. */
export const utf16Units: Measure = (text) => text.length;

/** What is left of a size limit while a document is assembled line by line. */
export class Budget {
  private used = 0;

  constructor(
    readonly limit: number,
    readonly measure: Measure,
  ) {}

  get left(): number {
    return this.limit - this.used;
  }

  /** Size of `lines` once joined, each followed by a newline. */
  sizeOf(lines: readonly string[]): number {
    return lines.reduce((sum, line) => sum + this.measure(line) + 1, 0);
  }

  /** Whether `lines` fit while keeping `reserve` free. */
  fits(lines: readonly string[], reserve = 0): boolean {
    return this.sizeOf(lines) + reserve <= this.left;
  }

  /** Counts `lines` as used when they fit (keeping `reserve` free); says whether they did. */
  take(lines: readonly string[], reserve = 0): boolean {
    const size = this.sizeOf(lines);
    if (size + reserve > this.left) return false;
    this.used += size;
    return true;
  }

  /** Counts `lines` as used whatever their size: for parts that must appear and are bounded. */
  force(lines: readonly string[]): void {
    this.used += this.sizeOf(lines);
  }
}

/**
 * Renders `items` in order while they fit in `budget`, always leaving room for the note about the
 * rest; returns the lines to print, note included when something was left out. Items past the
 * limit are never rendered.
 */
export function fitItems<T>(
  items: readonly T[],
  render: (item: T) => readonly string[],
  budget: Budget,
  omittedNote: (count: number) => string,
): string[] {
  const lines: string[] = [];
  const reserve = budget.sizeOf([omittedNote(items.length)]);
  let shown = 0;
  for (const item of items) {
    const isLast = shown === items.length - 1;
    const rendered = render(item);
    if (!budget.take(rendered, isLast ? 0 : reserve)) break;
    lines.push(...rendered);
    shown += 1;
  }
  if (shown < items.length) {
    const note = omittedNote(items.length - shown);
    budget.force([note]);
    lines.push(note);
  }
  return lines;
}

/** Cuts `text` to at most `maxBytes` of UTF-8 (never inside a character), marking the cut with '…'. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const limit = maxBytes - utf8Bytes('…');
  let size = 0;
  let out = '';
  for (const char of text) {
    const charSize = utf8Bytes(char);
    if (size + charSize > limit) break;
    size += charSize;
    out += char;
  }
  return out + '…';
}

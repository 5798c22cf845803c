// Turns statement spans into located statements: 1-based lines and columns, UTF-8 byte offsets.
// Spans arrive in order, so the cursors walk the text once: line breaks are found with native
// indexOf, and bytes are counted only over runs of non-ASCII characters.
import type { Statement } from '../types.js';
import { LF } from './chars.js';
import type { Spans } from './spans.js';
import { Utf8Offsets } from './utf8.js';

/** Line number and line start of increasing offsets (`\r\n`, `\n` and lone `\r` are line breaks). */
class LineCursor {
  line = 1;
  lineStart = 0;
  private nextLf: number;
  private nextCr: number;

  constructor(private readonly text: string) {
    this.nextLf = this.find('\n', 0);
    this.nextCr = this.find('\r', 0);
  }

  /** Moves past every line break before `target`. */
  advance(target: number): void {
    while (this.nextLf < target || this.nextCr < target) {
      if (this.nextLf < this.nextCr) {
        this.line++;
        this.lineStart = this.nextLf + 1;
        this.nextLf = this.find('\n', this.nextLf + 1);
      } else {
        const cr = this.nextCr;
        // A `\r` directly before `\n` is counted with that `\n`.
        if (this.text.charCodeAt(cr + 1) !== LF) {
          this.line++;
          this.lineStart = cr + 1;
        }
        this.nextCr = this.find('\r', cr + 1);
      }
    }
  }

  private find(ch: string, from: number): number {
    const i = this.text.indexOf(ch, from);
    return i < 0 ? Infinity : i;
  }
}

export function locateSpans(text: string, spans: Spans): Statement[] {
  const count = spans.length >> 1;
  const statements: Statement[] = [];
  const lines = new LineCursor(text);
  const bytes = new Utf8Offsets(text);
  for (let k = 0; k < count; k++) {
    const start = spans[2 * k] as number;
    const end = spans[2 * k + 1] as number;
    lines.advance(start);
    const startLine = lines.line;
    const startColumn = start - lines.lineStart + 1;
    // The last character of a statement is never a line break, so the line reached at `end`
    // is the line of that character.
    lines.advance(end);
    statements.push({
      text: text.slice(start, end),
      startLine,
      startColumn,
      endLine: lines.line,
      endColumn: end - lines.lineStart,
      start,
      end,
      startByte: bytes.at(start),
      endByte: bytes.at(end),
    });
  }
  return statements;
}

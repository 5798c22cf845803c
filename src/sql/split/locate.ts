// Turns statement spans into located statements: 1-based lines and columns, UTF-8 byte offsets, in
// a whole script or in a piece of it. Spans arrive in order, so the cursors walk the text once:
// line breaks are found with native indexOf, and bytes are counted only over runs of non-ASCII
// characters.
import type { Located, Statement } from '../types.js';
import { LF } from './chars.js';
import type { Spans } from './spans.js';
import { Utf8Offsets } from './utf8.js';

/** Line number and line start of increasing offsets (`\r\n`, `\n` and lone `\r` are line breaks). */
class LineCursor {
  private nextLf: number;
  private nextCr: number;

  /** `lineStart` may be negative: the line started before the text does. */
  constructor(
    private readonly text: string,
    public line: number,
    public lineStart: number,
  ) {
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

/** Where a piece of a script starts within the whole script. */
export interface Origin {
  /** Line of the piece's first character. */
  readonly line: number;
  /** UTF-16 units between the start of that line and the piece's first character. */
  readonly column: number;
  /** UTF-8 byte offset of the piece's first character. */
  readonly byte: number;
}

const SCRIPT_START: Origin = { line: 1, column: 0, byte: 0 };

/**
 * Lines, columns and UTF-8 byte offsets in the whole script of increasing offsets into `text`, a
 * piece of it that starts at `origin`.
 */
export class ScriptPositions implements Located {
  /** The position of the span last given to `moveTo`. */
  startLine = 0;
  startColumn = 0;
  endLine = 0;
  endColumn = 0;
  startByte = 0;
  endByte = 0;
  private readonly lines: LineCursor;
  private readonly bytes: Utf8Offsets;

  constructor(text: string, private readonly origin: Origin = SCRIPT_START) {
    this.lines = new LineCursor(text, origin.line, -origin.column);
    this.bytes = new Utf8Offsets(text);
  }

  /** Locates the span [start, end) of a statement; `start` must not be below earlier offsets. */
  moveTo(start: number, end: number): void {
    const { lines, bytes } = this;
    lines.advance(start);
    this.startLine = lines.line;
    this.startColumn = start - lines.lineStart + 1;
    // The last character of a statement is never a line break, so the line reached at `end`
    // is the line of that character.
    lines.advance(end);
    this.endLine = lines.line;
    this.endColumn = end - lines.lineStart;
    this.startByte = this.origin.byte + bytes.at(start);
    this.endByte = this.origin.byte + bytes.at(end);
  }

  /** The position of the span last given to `moveTo`, as a plain object. */
  located(): Located {
    const { startLine, startColumn, endLine, endColumn, startByte, endByte } = this;
    return { startLine, startColumn, endLine, endColumn, startByte, endByte };
  }

  /** Where a piece of the script cut at `offset` starts; `offset` must not be below earlier offsets. */
  originAt(offset: number): Origin {
    const { lines } = this;
    lines.advance(offset);
    return { line: lines.line, column: offset - lines.lineStart, byte: this.origin.byte + this.bytes.at(offset) };
  }
}

/** The statements of `text` at `spans`. */
export function locateSpans(text: string, spans: Spans): Statement[] {
  const count = spans.length >> 1;
  const statements: Statement[] = [];
  const p = new ScriptPositions(text);
  for (let k = 0; k < count; k++) {
    const start = spans[2 * k] as number;
    const end = spans[2 * k + 1] as number;
    p.moveTo(start, end);
    statements.push({
      text: text.slice(start, end),
      startLine: p.startLine,
      startColumn: p.startColumn,
      endLine: p.endLine,
      endColumn: p.endColumn,
      start,
      end,
      startByte: p.startByte,
      endByte: p.endByte,
    });
  }
  return statements;
}

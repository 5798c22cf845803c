// Splits a script held as UTF-8 bytes without ever decoding all of it: one window of whole lines at
// a time is decoded and scanned. Every statement of a window but the last is final (the scan went
// past its end and the next one began); the next window starts over at the last final statement's
// checkpoint, with the dialect state there. A window that holds no line break, or fewer than two
// statements, is doubled and scanned again, so the work stays linear. Each window also holds a
// little text before the point where scanning resumes, for the scanners' look-behind (is a `GO`
// or a `/` at the start of its line?), and the positions carry over from window to window.
import { Buffer } from 'node:buffer';
import type { Dialect, Located } from '../types.js';
import { CR, LF, isLineBreak } from './chars.js';
import { ScriptPositions, type Origin } from './locate.js';
import { Checkpoints } from './scanner.js';
import { scannerFor } from './scanners.js';

/**
 * Under a megabyte, context included: Node decodes longer texts into external strings, which only
 * a full garbage collection frees, and dead 8 MB windows piled up to ~100 MB over a 100 MB
 * script; shorter ones are ordinary heap strings, freed as the scan goes (+30 MB RSS instead).
 */
const DEFAULT_WINDOW_BYTES = 960 << 10;
/**
 * At most this many UTF-16 units before the resume point are decoded again with the next window,
 * so that a script of very long lines does not become quadratic.
 */
const MAX_CONTEXT = 4096;

export interface SplitUtf8Options {
  /** Bytes decoded at a time from the resume point (before the cut at the last line break); at least 1. */
  windowBytes?: number;
}

/**
 * Splits `bytes` (UTF-8 without a byte-order mark) into statements located exactly as
 * `splitSql` locates them in the decoded text, decoding about one window at a time.
 */
export function splitUtf8(bytes: Uint8Array, dialect: Dialect, options: SplitUtf8Options = {}): Located[] {
  const windowBytes = options.windowBytes ?? DEFAULT_WINDOW_BYTES;
  if (!(windowBytes >= 1)) throw new RangeError(`windowBytes must be at least 1, not ${windowBytes}`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const located: Located[] = [];
  /** Where the next window's text starts in the script. */
  let origin: Origin = { line: 1, column: 0, byte: 0 };
  /** Where scanning resumes: in the next window's text (UTF-16 units) and in the bytes. */
  let resume = 0;
  let resumeByte = 0;
  /** The dialect state at the resume point; undefined stands for the dialect's initial state. */
  let state: unknown;
  let window = windowBytes;
  for (;;) {
    const limit = resumeByte + window;
    const atEnd = limit >= buffer.length;
    const end = atEnd ? buffer.length : afterLastLineBreak(buffer, resumeByte, limit);
    if (end < 0) {
      window *= 2;
      continue;
    }
    const text = buffer.toString('utf8', origin.byte, end);
    const checkpoints = new Checkpoints<unknown>();
    const spans = scannerFor(dialect, text).scan(resume, state, checkpoints);
    const final = atEnd ? spans.length >> 1 : (spans.length >> 1) - 1;
    if (final < 1 && !atEnd) {
      window *= 2;
      continue;
    }
    const positions = new ScriptPositions(text, origin);
    for (let k = 0; k < final; k++) {
      positions.moveTo(spans[2 * k] as number, spans[2 * k + 1] as number);
      located.push(positions.located());
    }
    if (atEnd) return located;

    const last = final - 1;
    const nextResume = checkpoints.resumes[last] as number;
    const contextStart = lookBehindStart(text, nextResume, spans[2 * last + 1] as number);
    origin = positions.originAt(contextStart);
    resumeByte = positions.originAt(nextResume).byte;
    resume = nextResume - contextStart;
    state = checkpoints.states[last];
    window = windowBytes;
  }
}

/**
 * The end of a window that must end before `limit`: just after its last line break at or after
 * `from` (a `\r\n` pair is never cut), or -1 when there is none.
 */
function afterLastLineBreak(bytes: Buffer, from: number, limit: number): number {
  const region = bytes.subarray(from, limit);
  const lf = region.lastIndexOf(LF);
  const cr = region.lastIndexOf(CR);
  if (lf > cr) return from + lf + 1;
  if (cr < 0) return -1;
  return from + cr + (bytes[from + cr + 1] === LF ? 2 : 1);
}

/**
 * Where the next window's text starts: the start of the line holding `resume`, but not before
 * `floor` (the end of the last final statement: the position cursors only move forward) nor
 * more than MAX_CONTEXT units before `resume`. That is all the scanners' look-behind needs: from
 * a statement's first character they look back a few characters, which lie after `floor`, or
 * across spaces and tabs to the start of the line; a window that starts in such a run of blanks
 * only does so where the blanks reach back to a line break.
 */
function lookBehindStart(text: string, resume: number, floor: number): number {
  let start = resume;
  const limit = Math.max(floor, resume - MAX_CONTEXT);
  while (start > limit && !isLineBreak(text.charCodeAt(start - 1))) start--;
  // Never between the halves of a surrogate pair, which would not decode from the bytes.
  if (isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  return Math.max(start, floor);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c < 0xdc00;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c < 0xe000;
}

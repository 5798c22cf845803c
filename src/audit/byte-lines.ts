// Line-level work on a file's UTF-8 bytes without decoding the file into one string: what a
// 100 MB file needs, since the bytes are all the action keeps of it.
const LF = 0x0a;
const CR = 0x0d;

/**
 * The line breaks of bytes [from, to) and nothing else, except the lines listed in `kept` (whole
 * lines, sorted by position), which stay as they are. `\r\n`, `\n` and lone `\r` are kept as they
 * are written, so the result has exactly the lines of the range.
 */
export function lineBreaksOnly(bytes: Uint8Array, from: number, to: number, kept: readonly ByteRange[] = []): Uint8Array {
  const pieces: Uint8Array[] = [];
  let at = from;
  for (const line of kept) {
    if (line.startByte < at || line.endByte > to) continue;
    pieces.push(breaksIn(bytes, at, line.startByte), bytes.subarray(line.startByte, line.endByte));
    at = line.endByte;
  }
  pieces.push(breaksIn(bytes, at, to));
  return pieces.length === 1 ? (pieces[0] as Uint8Array) : Buffer.concat(pieces);
}

export interface ByteRange {
  startByte: number;
  endByte: number;
}

function breaksIn(bytes: Uint8Array, from: number, to: number): Uint8Array {
  // No CR in the range: only LFs, as many as the range holds.
  if (!holdsByte(bytes, CR, from, to)) return Buffer.alloc(countByte(bytes, LF, from, to), LF);
  const out = Buffer.allocUnsafe(countByte(bytes, LF, from, to) + countByte(bytes, CR, from, to));
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i] as number;
    if (c === LF || c === CR) out[n++] = c;
  }
  return out;
}

/** Whether [from, to) holds the byte, searching that range only. */
const holdsByte = (bytes: Uint8Array, value: number, from: number, to: number): boolean => bytes.subarray(from, to).indexOf(value) >= 0;

/** Occurrences of one byte value in [from, to), found by the native indexOf. */
function countByte(bytes: Uint8Array, value: number, from: number, to: number): number {
  let n = 0;
  const range = bytes.subarray(from, to);
  for (let i = range.indexOf(value); i >= 0; i = range.indexOf(value, i + 1)) n++;
  return n;
}

export interface MatchedLine extends ByteRange {
  /** 1-based line of the match's start. */
  line: number;
}

/**
 * Bytes decoded at a time; a chunk always ends at a line break, so no line is ever cut. Below the
 * size (about 1 MB) from which Node makes decoded text an external string, which V8 frees only on
 * a full collection: a 100 MB file decoded 4 MiB at a time left about 100 MB of them waiting.
 */
const CHUNK_BYTES = 512 * 1024;

/**
 * Every match of `pattern` (global), with the 1-based line where it starts and its byte range,
 * decoding the file a chunk of whole lines at a time. Chunks start at a line start and end just
 * after a line break, so a pattern anchored with `(?<![^\r\n])` and `(?![^\r\n])` sees line edges
 * as in the whole text. A line longer than a chunk is skipped: the patterns this serves (DELIMITER
 * commands) are short, and scanning it would need it whole.
 */
export function matchingLines(bytes: Uint8Array, pattern: RegExp): MatchedLine[] {
  const found: MatchedLine[] = [];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let line = 1;
  let from = 0;
  while (from < buffer.length) {
    const to = chunkEnd(buffer, from);
    if (to < 0) {
      const next = nextLineStart(buffer, from + CHUNK_BYTES - 1);
      line += lineBreaksIn(buffer, from, next);
      from = next;
      continue;
    }
    const text = buffer.toString('utf8', from, to);
    let char = 0;
    let byte = from;
    for (const m of text.matchAll(pattern)) {
      const start = byte + Buffer.byteLength(text.slice(char, m.index));
      line += lineBreaksIn(buffer, byte, start);
      char = m.index;
      byte = start;
      found.push({ line, startByte: start, endByte: start + Buffer.byteLength(m[0]) });
    }
    line += lineBreaksIn(buffer, byte, to);
    from = to;
  }
  return found;
}

/** Line breaks in bytes [from, to) (`\r\n` counts once; `from` is never between its two bytes). */
function lineBreaksIn(bytes: Uint8Array, from: number, to: number): number {
  const lfs = countByte(bytes, LF, from, to);
  if (!holdsByte(bytes, CR, from, to)) return lfs;
  let crs = 0;
  const range = bytes.subarray(from, to);
  for (let i = range.indexOf(CR); i >= 0; i = range.indexOf(CR, i + 1)) if (bytes[from + i + 1] !== LF) crs++;
  return lfs + crs;
}

/** The end of the chunk from `from`: just after its last line break (or the file's end); -1 when it holds none. */
function chunkEnd(buffer: Buffer, from: number): number {
  const limit = from + CHUNK_BYTES;
  if (limit >= buffer.length) return buffer.length;
  const lastBreak = Math.max(buffer.lastIndexOf(LF, limit - 1), buffer.lastIndexOf(CR, limit - 2));
  if (lastBreak < from) return -1;
  // A CR at the end whose LF follows is counted with that LF.
  return buffer[lastBreak] === CR && buffer[lastBreak + 1] === LF ? lastBreak + 2 : lastBreak + 1;
}

function nextLineStart(buffer: Buffer, from: number): number {
  for (let i = from; i < buffer.length; i++) {
    const c = buffer[i];
    if (c === LF) return i + 1;
    if (c === CR) return buffer[i + 1] === LF ? i + 2 : i + 1;
  }
  return buffer.length;
}

import type { Located } from '../sql/types.js';
import { lineBreaksOnly } from './byte-lines.js';
import type { DelimiterLine } from './delimiter-lines.js';

/**
 * What a part of a file keeps of the file outside its own statements: every line break as written
 * and every line holding only a DELIMITER command, in order, with where each statement's start and
 * end fall in it. Parts take slices of it: it is built once, while the file is in memory, however
 * many parts the file is audited in (about one byte per line).
 */
export interface Skeleton {
  bytes: Buffer;
  /** Offset in `bytes` of each statement's start, and of its end. */
  atStart: Uint32Array;
  atEnd: Uint32Array;
}

/** The skeleton of a file's bytes, given its statements and DELIMITER lines (both in order). */
export function skeletonOf(bytes: Uint8Array, statements: readonly Located[], delimiters: readonly DelimiterLine[]): Skeleton {
  const kept = delimiters.filter((d) => d.alone);
  const pieces: Uint8Array[] = [];
  const atStart = new Uint32Array(statements.length);
  const atEnd = new Uint32Array(statements.length);
  let length = 0;
  let at = 0;
  let k = 0;
  // Only lines between statements are DELIMITER commands: a line inside a statement that reads
  // like one (a column named `delimiter`) is text, blanked like the rest.
  const add = (to: number, between: boolean): void => {
    const inside: DelimiterLine[] = [];
    for (; k < kept.length && (kept[k] as DelimiterLine).startByte < to; k++) if (between) inside.push(kept[k] as DelimiterLine);
    const piece = lineBreaksOnly(bytes, at, to, inside);
    pieces.push(piece);
    length += piece.length;
    at = to;
  };
  statements.forEach((statement, i) => {
    add(statement.startByte, true);
    atStart[i] = length;
    add(statement.endByte, false);
    atEnd[i] = length;
  });
  add(bytes.length, true);
  return { bytes: Buffer.concat(pieces, length), atStart, atEnd };
}

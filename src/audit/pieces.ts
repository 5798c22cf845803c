import type { FileContent } from './content.js';

/** Part of what is sent for a file: bytes at hand, or a range of its content, read as it is sent. */
export type Piece = Uint8Array | ContentRange;

export interface ContentRange {
  content: FileContent;
  from: number;
  to: number;
}

/** A file's content read back from disk comes a chunk of this size at a time, never whole. */
const READ_BYTES = 1024 * 1024;

export function* chunksOf(pieces: readonly Piece[]): Generator<Uint8Array> {
  for (const piece of pieces) {
    if (piece instanceof Uint8Array) {
      if (piece.length > 0) yield piece;
      continue;
    }
    for (let at = piece.from; at < piece.to; at += READ_BYTES) yield piece.content.read(at, Math.min(piece.to, at + READ_BYTES));
  }
}

export function piecesLength(pieces: readonly Piece[]): number {
  return pieces.reduce((n, piece) => n + (piece instanceof Uint8Array ? piece.length : piece.to - piece.from), 0);
}

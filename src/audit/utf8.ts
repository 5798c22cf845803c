const LF = 0x0a;
const CR = 0x0d;

/**
 * A file's bytes as they go to SQLE: every CR not followed by LF (in its chunk or at the start of
 * the next) becomes LF, so SQLE counts lines as we do. Chunks without a CR, nearly all, are passed
 * on as they are; only a chunk holding one is copied.
 */
export function* withLoneCrAsLf(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  let held: Uint8Array | undefined;
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (held) yield converted(held, chunk[0]);
    held = chunk;
  }
  if (held) yield converted(held, undefined);
}

function converted(chunk: Uint8Array, nextByte: number | undefined): Uint8Array {
  if (chunk.indexOf(CR) < 0) return chunk;
  const copy = Buffer.from(chunk);
  for (let at = copy.indexOf(CR); at >= 0; at = copy.indexOf(CR, at + 1)) {
    const following = at + 1 < copy.length ? copy[at + 1] : nextByte;
    if (following !== LF) copy[at] = LF;
  }
  return copy;
}

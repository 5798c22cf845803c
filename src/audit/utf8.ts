const LONE_CR = /\r(?!\n)/g;

/**
 * The UTF-8 bytes of the text the pieces make when joined, written piece by piece into one buffer:
 * joining a part's pieces first would copy the whole part into a string the heap keeps until
 * collected. With `loneCrToLf`, a CR not followed by LF (in its piece or the next) becomes LF.
 */
export function utf8Of(pieces: readonly string[], { loneCrToLf = false } = {}): Buffer {
  const texts = loneCrToLf ? pieces.map((piece, i) => withoutLoneCr(piece, pieces[i + 1])) : pieces;
  const bytes = Buffer.allocUnsafe(texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0));
  let at = 0;
  for (const t of texts) at += bytes.write(t, at, 'utf8');
  return bytes;
}

function withoutLoneCr(piece: string, next: string | undefined): string {
  // A CR ending this piece is half of a CRLF when the next piece starts with LF.
  if (piece.endsWith('\r') && next?.startsWith('\n')) return `${piece.slice(0, -1).replace(LONE_CR, '\n')}\r`;
  return piece.replace(LONE_CR, '\n');
}

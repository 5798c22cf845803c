// Skipping over quoted tokens. Every function takes the index of the token's opening quote and
// returns the index just past its end (the text's length when it is unterminated), so scanners
// always make progress and stay linear.

/** A token closed by `quote`, where a doubled quote stands for one (`'it''s'`, `"a""b"`, `[a]]b]`). */
export function doubledQuoteEnd(text: string, pos: number, quote: string): number {
  const q = quote.charCodeAt(0);
  let i = pos + 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close < 0) return text.length;
    if (text.charCodeAt(close + 1) !== q) return close + 1;
    i = close + 2;
  }
}

/**
 * Remembers where the next backslash is, so that scanning many strings costs one pass over the
 * text in total even when backslashes are rare or absent.
 */
export class BackslashIndex {
  private from = 0;
  private at = -1;

  constructor(private readonly text: string) {}

  /** Index of the first backslash at or after `pos`, or the text's length. */
  next(pos: number): number {
    if (pos < this.from || pos > this.at) {
      const found = this.text.indexOf('\\', pos);
      this.at = found < 0 ? this.text.length : found;
    }
    this.from = pos;
    return this.at;
  }
}

/** A string where a backslash escapes the next character and a doubled quote stands for one. */
export function escapedQuoteEnd(text: string, pos: number, quote: string, backslashes: BackslashIndex): number {
  const n = text.length;
  const q = quote.charCodeAt(0);
  let i = pos + 1;
  let close = -1;
  for (;;) {
    if (close < i) {
      close = text.indexOf(quote, i);
      if (close < 0) return n;
    }
    const escape = backslashes.next(i);
    if (escape < close) {
      i = escape + 2;
      continue;
    }
    if (text.charCodeAt(close + 1) !== q) return close + 1;
    i = close + 2;
  }
}

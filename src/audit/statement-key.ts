// How SQLE's text of a statement is compared with ours: whatever their leading comments,
// whitespace, letter case or trailing delimiter.

/** The statement as compared: leading comments, all whitespace and trailing `;` removed, lower case. */
export function statementKey(sql: string): string {
  return stripLeadingComments(sql).replace(/\s+/g, '').replace(/;+$/, '').toLowerCase();
}

/**
 * A short stand-in for statementKey when only equality matters: two 32-bit hashes and the length
 * of the compared text, computed in one pass without building it (a huge file's statements would
 * otherwise be copied several times over just to be compared).
 */
export function statementHash(sql: string): string {
  const s = stripLeadingComments(sql);
  const hash = new KeyHash();
  for (let i = 0; i < s.length; i++) hash.add(s.charCodeAt(i));
  return hash.value();
}

/** statementHash of the UTF-8 text bytes[from, to), read from the bytes without decoding them (but for leading comments). */
export function statementHashOfBytes(bytes: Uint8Array, from: number, to: number): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headEnd = Math.min(to, from + HEAD_BYTES);
  const head = buffer.toString('utf8', from, headEnd);
  const skipped = head.length - stripLeadingComments(head).length;
  // Comments running past the head (or into a character it cut): decode the whole statement.
  if (headEnd < to && skipped > head.length - 4) return statementHash(buffer.toString('utf8', from, to));
  const hash = new KeyHash();
  for (let i = from + Buffer.byteLength(head.slice(0, skipped)); i < to; ) {
    const b = buffer[i] as number;
    if (b < 0x80) {
      hash.add(b);
      i++;
      continue;
    }
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    const point = length === 2 ? ((b & 0x1f) << 6) | ((buffer[i + 1] as number) & 0x3f) : length === 3 ? ((b & 0x0f) << 12) | (((buffer[i + 1] as number) & 0x3f) << 6) | ((buffer[i + 2] as number) & 0x3f) : ((b & 0x07) << 18) | (((buffer[i + 1] as number) & 0x3f) << 12) | (((buffer[i + 2] as number) & 0x3f) << 6) | ((buffer[i + 3] as number) & 0x3f);
    if (point > 0xffff) {
      hash.add(0xd800 + ((point - 0x10000) >> 10));
      hash.add(0xdc00 + ((point - 0x10000) & 0x3ff));
    } else hash.add(point);
    i += length;
  }
  return hash.value();
}

const HEAD_BYTES = 4096;

/** Hashes UTF-16 code units as statementKey would compare them: no whitespace, no trailing `;`, lower case. */
class KeyHash {
  private h1 = 0x811c9dc5;
  private h2 = 0x2545f491;
  private length = 0;
  private pendingSemicolons = 0;

  add(c: number): void {
    if (isWhitespace(c)) return;
    // Semicolons count only once something follows them: trailing ones are dropped.
    if (c === SEMICOLON) {
      this.pendingSemicolons++;
      return;
    }
    for (; this.pendingSemicolons > 0; this.pendingSemicolons--) this.mix(SEMICOLON);
    if (c < 0x80) this.mix(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
    else {
      const lower = String.fromCharCode(c).toLowerCase();
      for (let k = 0; k < lower.length; k++) this.mix(lower.charCodeAt(k));
    }
  }

  value(): string {
    return `${this.h1 >>> 0}.${this.h2 >>> 0}.${this.length}`;
  }

  private mix(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, 0x01000193);
    this.h2 = Math.imul(this.h2 ^ c, 0x5bd1e995);
    this.h2 ^= this.h2 >>> 15;
    this.length++;
  }
}

export function stripLeadingComments(sql: string): string {
  let s = sql;
  for (;;) {
    const t = s.trimStart();
    if (t.startsWith('--') || t.startsWith('#')) {
      const nl = t.search(/\r\n|\n|\r/);
      s = nl < 0 ? '' : t.slice(nl);
    } else if (t.startsWith('/*') && !t.startsWith('/*!') && !t.startsWith('/*+')) {
      const end = t.indexOf('*/', 2);
      s = end < 0 ? '' : t.slice(end + 2);
    } else return t;
  }
}

const SEMICOLON = 0x3b;

/** What `\s` matches in a JavaScript regular expression. */
function isWhitespace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// A minimal Spark SQL lexer: enough to read the leading keywords and the object names of a
// statement. Comments are dropped; string literals and back-quoted identifiers are kept whole.

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Words upper-cased; quoted identifiers without their back-quotes; strings without quotes. */
  value: string;
  /** Offset of the token in the statement text. */
  start: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (/\s/.test(c)) i += 1;
    else if (c === '-' && next === '-') i = lineEnd(text, i);
    else if (c === '/' && next === '*') i = blockCommentEnd(text, i);
    else if (c === "'" || c === '"') {
      const end = stringEnd(text, i, c);
      tokens.push({ kind: 'string', value: text.slice(i + 1, end - 1), start: i });
      i = end;
    } else if (c === '`') {
      const { value, end } = backQuoted(text, i);
      tokens.push({ kind: 'quoted', value, start: i });
      i = end;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z0-9_$\u0080-\uffff]+/.exec(text.slice(i));
      const word = m?.[0] ?? c;
      tokens.push({ kind: 'word', value: word.toUpperCase(), start: i });
      i += word.length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9][0-9A-Za-z_.]*/.exec(text.slice(i));
      const num = m?.[0] ?? c;
      tokens.push({ kind: 'number', value: num, start: i });
      i += num.length;
    } else {
      tokens.push({ kind: 'punct', value: c, start: i });
      i += 1;
    }
  }
  return tokens;
}

/** A (possibly back-quoted) identifier as Spark compares it: case-insensitively. */
export function identifierOf(token: Token | undefined): string | undefined {
  if (!token) return undefined;
  if (token.kind === 'word' || token.kind === 'number') return token.value.toLowerCase();
  if (token.kind === 'quoted') return token.value.toLowerCase();
  return undefined;
}

/** Reads `a`, `a.b` or `a.b.c` starting at tokens[index]; returns the parts and the index after it. */
export function readQualifiedName(tokens: Token[], index: number): { parts: string[]; next: number } | undefined {
  const first = identifierOf(tokens[index]);
  if (first === undefined) return undefined;
  const parts = [first];
  let i = index + 1;
  while (tokens[i]?.kind === 'punct' && tokens[i]?.value === '.') {
    const part = identifierOf(tokens[i + 1]);
    if (part === undefined) break;
    parts.push(part);
    i += 2;
  }
  return { parts, next: i };
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl + 1;
}

/** Spark block comments nest. */
function blockCommentEnd(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    if (text.startsWith('/*', j)) {
      depth += 1;
      j += 2;
    } else if (text.startsWith('*/', j)) {
      depth -= 1;
      j += 2;
      if (depth === 0) return j;
    } else j += 1;
  }
  return text.length;
}

function stringEnd(text: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') j += 2;
    else if (c === quote) return j + 1;
    else j += 1;
  }
  return text.length + 1;
}

function backQuoted(text: string, i: number): { value: string; end: number } {
  let value = '';
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '`') {
      if (text[j + 1] === '`') {
        value += '`';
        j += 2;
        continue;
      }
      return { value, end: j + 1 };
    }
    value += c;
    j += 1;
  }
  return { value, end: text.length };
}

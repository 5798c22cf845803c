// A MySQL lexer shaped like the pingcap/TiDB scanner SQLE 3.2412.1 splits with: comments and
// whitespace (Go's unicode.IsSpace) are skipped, characters >= U+0080 are identifier characters,
// `/*! ... */` version comments are lexed as code, anything else unknown is one "invalid" token.

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op' | 'hint' | 'invalid';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for strings: with the quotes). */
  text: string;
  start: number;
  end: number;
  /** Upper-cased text for words. */
  upper: string;
  /** A string, quoted identifier or comment that reached the end of the text. */
  unterminated?: boolean;
}

const GO_SPACES = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);

export function isGoSpace(code: number): boolean {
  return GO_SPACES.has(code) || (code >= 0x2000 && code <= 0x200a);
}

/** Go's strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

function isIdentChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f ||
    code === 0x24 ||
    (code >= 0x80 && code <= 0xffff && !(code >= 0xd800 && code <= 0xdfff))
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const MULTI_OPS = ['<=>', '->>', '<=', '>=', '<>', '!=', ':=', '||', '&&', '<<', '>>', '->', '@@'];

export class Lexer {
  private inVersionComment = false;

  constructor(
    readonly text: string,
    public pos = 0,
  ) {}

  /** The next token, or undefined at the end of the text. */
  next(): Token | undefined {
    this.skipTrivia();
    const { text } = this;
    const start = this.pos;
    if (start >= text.length) return undefined;
    const code = text.charCodeAt(start);
    const ch = text[start] as string;
    if (ch === "'" || ch === '"') return this.quotedToken('string', ch);
    if (ch === '`') return this.quotedToken('quoted', ch);
    if (ch === '/' && text.startsWith('/*+', start)) {
      const close = text.indexOf('*/', start + 3);
      this.pos = close < 0 ? text.length : close + 2;
      return this.make('hint', start, close < 0);
    }
    if (isDigit(code) || (ch === '.' && isDigit(text.charCodeAt(start + 1)))) return this.numberToken();
    if (isIdentChar(code) || (ch === '@' && isIdentChar(text.charCodeAt(start + 1)))) {
      this.pos = start + 1;
      while (this.pos < text.length && isIdentChar(text.charCodeAt(this.pos))) this.pos++;
      return this.make('word', start);
    }
    if (code < 0x20 || code === 0x7f || code >= 0x80) {
      this.pos = start + 1;
      return this.make('invalid', start);
    }
    const op = MULTI_OPS.find((o) => text.startsWith(o, start)) ?? ch;
    this.pos = start + op.length;
    return this.make('op', start);
  }

  private make(kind: TokenKind, start: number, unterminated = false): Token {
    const text = this.text.slice(start, this.pos);
    const token: Token = { kind, text, start, end: this.pos, upper: kind === 'word' ? text.toUpperCase() : text };
    if (unterminated) token.unterminated = true;
    return token;
  }

  private quotedToken(kind: TokenKind, quote: string): Token {
    const { text } = this;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      if (i >= text.length) {
        this.pos = text.length;
        return this.make(kind, start, true);
      }
      const c = text[i];
      if (c === '\\' && kind === 'string') i += 2;
      else if (c === quote) {
        if (text[i + 1] === quote) i += 2;
        else break;
      } else i++;
    }
    this.pos = i + 1;
    return this.make(kind, start);
  }

  private numberToken(): Token {
    const { text } = this;
    const start = this.pos;
    const numeric = /^(?:0x[0-9a-fA-F]+|0b[01]+|\d*\.?\d+(?:[eE][+-]?\d+)?|\d+\.(?:[eE][+-]?\d+)?)/.exec(text.slice(start, start + 400));
    let i = start + (numeric?.[0].length ?? 1);
    // `1abc` is an identifier in MySQL.
    const kind: TokenKind = i < text.length && isIdentChar(text.charCodeAt(i)) ? 'word' : 'number';
    while (kind === 'word' && i < text.length && isIdentChar(text.charCodeAt(i))) i++;
    this.pos = i;
    return this.make(kind, start);
  }

  private skipTrivia(): void {
    const { text } = this;
    for (;;) {
      const i = this.pos;
      if (i >= text.length) return;
      const code = text.charCodeAt(i);
      if (isGoSpace(code)) {
        this.pos++;
      } else if (text[i] === '#' || (text.startsWith('--', i) && (i + 2 >= text.length || isGoSpace(text.charCodeAt(i + 2))))) {
        const nl = text.indexOf('\n', i);
        this.pos = nl < 0 ? text.length : nl;
      } else if (text.startsWith('/*!', i)) {
        this.pos = i + 3;
        while (this.pos < text.length && isDigit(text.charCodeAt(this.pos))) this.pos++;
        this.inVersionComment = true;
      } else if (text.startsWith('/*', i) && !text.startsWith('/*+', i)) {
        const close = text.indexOf('*/', i + 2);
        this.pos = close < 0 ? text.length : close + 2;
      } else if (this.inVersionComment && text.startsWith('*/', i)) {
        this.pos = i + 2;
        this.inVersionComment = false;
      } else return;
    }
  }
}

/** Every token of a text. */
export function tokenize(text: string): Token[] {
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  for (let t = lexer.next(); t; t = lexer.next()) tokens.push(t);
  return tokens;
}

/** Count of '\n' in text[from, to). */
export function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

// Character codes and classes shared by the dialect scanners (UTF-16 code units).

const TAB = 9;
export const LF = 10;
export const CR = 13;
const SPACE = 32;
export const BANG = 33; // !
export const DQUOTE = 34; // "
export const HASH = 35; // #
export const DOLLAR = 36; // $
export const SQUOTE = 39; // '
export const LPAREN = 40; // (
export const RPAREN = 41; // )
export const STAR = 42; // *
export const PLUS = 43; // +
export const DASH = 45; // -
export const SLASH = 47; // /
export const SEMI = 59; // ;
export const LT = 60; // <
export const AT = 64; // @
export const LBRACKET = 91; // [
export const BACKTICK = 96; // `
export const LBRACE = 123; // {
const BOM = 0xfeff;

/** Whitespace between tokens: ASCII blanks, line breaks, and a stray byte-order mark. */
export function isWhitespace(c: number): boolean {
  return c === SPACE || (c >= TAB && c <= CR) || c === BOM;
}

export function isLineBreak(c: number): boolean {
  return c === LF || c === CR;
}

export function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters, digits, `_`, `$` and any non-ASCII unit: what identifiers and keywords are made of. */
export function isIdentChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95 || c === DOLLAR || c >= 128;
}

/** ASCII upper-casing of one code unit (other units unchanged). */
export function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/** A 128-entry table marking the ASCII characters a body scanner must look at. */
export function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** Index of the first character at or after `pos` that `table` marks (or the text's length). */
export function nextMarked(text: string, pos: number, table: Uint8Array): number {
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c < 128 && table[c] === 1) return pos;
    pos++;
  }
  return n;
}

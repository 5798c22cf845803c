// PostgreSQL as psql reads a script: '…' standard strings (no backslash escapes), E'…' strings
// with them, "…" identifiers, $$…$$ and $tag$…$tag$ bodies, nested /* */ comments, `--` comments,
// BEGIN ATOMIC … END bodies of SQL-standard routines, and the data of COPY … FROM stdin.
import {
  DASH, DOLLAR, DQUOTE, LPAREN, RPAREN, SEMI, SLASH, SQUOTE, STAR,
  asciiTable, isDigit, isIdentChar, upper,
} from './chars.js';
import { BackslashIndex, doubledQuoteEnd, escapedQuoteEnd, nestedBlockCommentEnd, skipTrivia } from './lexemes.js';
import { lineEnd, nextLineStart, skipLineBreak } from './lines.js';
import { pushStatement, type Spans } from './spans.js';
import { afterKeyword, isAnyKeywordAt, isKeywordAt, wordEnd } from './words.js';

const BODY_SPECIAL = asciiTable('\'"$-/;');
const ROUTINE_SPECIAL = asciiTable('\'"$-/;()ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz');

function commentEnd(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  const next = text.charCodeAt(pos + 1);
  if (c === DASH && next === DASH) return lineEnd(text, pos);
  if (c === SLASH && next === STAR) return nestedBlockCommentEnd(text, pos);
  return -1;
}

function skipPostgresTrivia(text: string, pos: number): number {
  return skipTrivia(text, pos, commentEnd);
}

/** End of the dollar-quoted string opening at `pos`, or -1 when the `$` opens none. */
function dollarQuoteEnd(text: string, pos: number): number {
  // `$` inside an identifier (`a$b`) or a parameter (`$1`) opens nothing.
  if (isIdentChar(text.charCodeAt(pos - 1))) return -1;
  let i = pos + 1;
  const first = text.charCodeAt(i);
  if (first !== DOLLAR) {
    if (!isIdentChar(first) || isDigit(first)) return -1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === DOLLAR || !isIdentChar(c)) break;
      i++;
    }
    if (text.charCodeAt(i) !== DOLLAR) return -1;
  }
  const tag = text.slice(pos, i + 1);
  const close = text.indexOf(tag, i + 1);
  return close < 0 ? text.length : close + tag.length;
}

/** True for `E'…'` / `e'…'`: the quote at `pos` follows a lone `E`. */
function isEscapeString(text: string, pos: number): boolean {
  return upper(text.charCodeAt(pos - 1)) === 69 && !isIdentChar(text.charCodeAt(pos - 2));
}

/** `CREATE [OR REPLACE] FUNCTION|PROCEDURE`: the body may be `BEGIN ATOMIC … END` with `;` inside. */
function isRoutine(text: string, start: number): boolean {
  let pos = afterKeyword(text, start, 'CREATE', skipPostgresTrivia);
  if (pos < 0) return false;
  const replace = afterKeyword(text, afterKeyword(text, pos, 'OR', skipPostgresTrivia), 'REPLACE', skipPostgresTrivia);
  if (replace >= 0) pos = replace;
  return isAnyKeywordAt(text, pos, ['FUNCTION', 'PROCEDURE']);
}

const COPY_FROM_STDIN = /^copy\b[\s\S]*\bfrom\s+stdin\b/i;

class PostgresScanner {
  private next = 0;
  private readonly backslashes: BackslashIndex;

  constructor(private readonly text: string) {
    this.backslashes = new BackslashIndex(text);
  }

  scan(): Spans {
    const { text } = this;
    const n = text.length;
    const spans: Spans = [];
    let pos = 0;
    while (pos < n) {
      const start = skipPostgresTrivia(text, pos);
      if (start >= n) break;
      const stop = this.body(start, isRoutine(text, start));
      pushStatement(spans, text, start, stop);
      pos = this.next;
      if (stop < n && isKeywordAt(text, start, 'COPY') && COPY_FROM_STDIN.test(text.slice(start, stop))) {
        pos = copyDataEnd(text, stop);
      }
    }
    return spans;
  }

  /** Returns where the statement's `;` is (or the end of the text). */
  private body(start: number, routine: boolean): number {
    const { text, backslashes } = this;
    const n = text.length;
    const special = routine ? ROUTINE_SPECIAL : BODY_SPECIAL;
    let parens = 0;
    let blocks = 0;
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 128 || special[c] === 0) {
        i++;
        continue;
      }
      switch (c) {
        case SEMI:
          if (blocks === 0) {
            this.next = i + 1;
            return i;
          }
          i++;
          break;
        case SQUOTE:
          i = isEscapeString(text, i) ? escapedQuoteEnd(text, i, "'", backslashes) : doubledQuoteEnd(text, i, "'");
          break;
        case DQUOTE:
          i = doubledQuoteEnd(text, i, '"');
          break;
        case DOLLAR: {
          const end = dollarQuoteEnd(text, i);
          i = end < 0 ? i + 1 : end;
          break;
        }
        case DASH:
        case SLASH: {
          const end = commentEnd(text, i);
          i = end < 0 ? i + 1 : end;
          break;
        }
        case LPAREN:
          parens++;
          i++;
          break;
        case RPAREN:
          if (parens > 0) parens--;
          i++;
          break;
        default: {
          // A word, in a routine: track BEGIN … END blocks outside parentheses, as psql does.
          const end = wordEnd(text, i);
          if (parens === 0 && !isIdentChar(text.charCodeAt(i - 1))) blocks = nextBlockDepth(text, i, end, blocks);
          i = end;
        }
      }
    }
    this.next = n;
    return n;
  }
}

/** BEGIN opens a block, CASE opens one inside a block, END closes one. */
function nextBlockDepth(text: string, start: number, end: number, depth: number): number {
  const len = end - start;
  if (len === 5 && isKeywordAt(text, start, 'BEGIN')) return depth + 1;
  if (len === 4 && depth > 0 && isKeywordAt(text, start, 'CASE')) return depth + 1;
  if (len === 3 && depth > 0 && isKeywordAt(text, start, 'END')) return depth - 1;
  return depth;
}

/** After `COPY … FROM stdin;` the data lines run until a line holding only `\.` (or the end). */
function copyDataEnd(text: string, terminator: number): number {
  const n = text.length;
  let line = nextLineStart(text, terminator);
  while (line < n) {
    const end = lineEnd(text, line);
    if (end - line === 2 && text.charCodeAt(line) === 92 && text.charCodeAt(line + 1) === 46) return end;
    line = skipLineBreak(text, end);
  }
  return n;
}

export function scanPostgres(text: string): Spans {
  return new PostgresScanner(text).scan();
}

// PostgreSQL as psql reads a script: '…' standard strings (no backslash escapes), E'…' strings
// with them, "…" identifiers, $$…$$ and $tag$…$tag$ bodies, nested /* */ comments, `--` comments,
// BEGIN ATOMIC … END bodies of SQL-standard routines, and the data of COPY … FROM stdin.
import {
  DASH, DOLLAR, DQUOTE, LPAREN, RPAREN, SEMI, SLASH, SQUOTE,
  asciiTable, isDigit, isIdentChar, nextMarked, upper,
} from './chars.js';
import { afterCommentOrChar, type CommentSyntax } from './comments.js';
import { lineEnd, nextLineStart, skipLineBreak } from './lines.js';
import { BackslashIndex, doubledQuoteEnd, escapedQuoteEnd } from './quotes.js';
import { StatementScanner } from './scanner.js';
import { afterKeyword, isAnyKeywordAt, isKeywordAt, wordEnd } from './words.js';

const BODY_SPECIAL = asciiTable('\'"$-/;');
const ROUTINE_SPECIAL = asciiTable('\'"$-/;()ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz');

const POSTGRES_COMMENTS: CommentSyntax = { hashComments: false, dashesNeedSpace: false, nestedBlocks: true, statementBlocks: [] };

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
  let pos = afterKeyword(text, start, 'CREATE', POSTGRES_COMMENTS);
  if (pos < 0) return false;
  const replace = afterKeyword(text, afterKeyword(text, pos, 'OR', POSTGRES_COMMENTS), 'REPLACE', POSTGRES_COMMENTS);
  if (replace >= 0) pos = replace;
  return isAnyKeywordAt(text, pos, ['FUNCTION', 'PROCEDURE']);
}

const COPY_FROM_STDIN = /^copy\b[\s\S]*\bfrom\s+stdin\b/i;

function isCopyFromStdin(text: string, start: number, stop: number): boolean {
  return isKeywordAt(text, start, 'COPY') && COPY_FROM_STDIN.test(text.slice(start, stop));
}

class PostgresScanner extends StatementScanner {
  private readonly backslashes = new BackslashIndex(this.text);

  constructor(text: string) {
    super(text, POSTGRES_COMMENTS, undefined);
  }

  /** Ends the statement at its `;` (after COPY … FROM stdin, scanning resumes past the data). */
  protected body(start: number): number {
    const { text, backslashes } = this;
    const n = text.length;
    const special = isRoutine(text, start) ? ROUTINE_SPECIAL : BODY_SPECIAL;
    let parens = 0;
    let blocks = 0;
    for (let i = nextMarked(text, start, special); i < n; i = nextMarked(text, i, special)) {
      switch (text.charCodeAt(i)) {
        case SEMI:
          if (blocks === 0) return this.stopAt(i, isCopyFromStdin(text, start, i) ? copyDataEnd(text, i) : i + 1);
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
        case LPAREN:
          parens++;
          i++;
          break;
        case RPAREN:
          if (parens > 0) parens--;
          i++;
          break;
        case DASH:
        case SLASH:
          i = afterCommentOrChar(text, i, POSTGRES_COMMENTS);
          break;
        default: {
          // A word, in a routine: track BEGIN … END blocks outside parentheses, as psql does.
          const end = wordEnd(text, i);
          if (parens === 0 && !isIdentChar(text.charCodeAt(i - 1))) blocks = nextBlockDepth(text, i, end, blocks);
          i = end;
        }
      }
    }
    return this.stopAt(n, n);
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

export function postgresScanner(text: string): StatementScanner {
  return new PostgresScanner(text);
}

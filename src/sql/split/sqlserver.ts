// SQL Server (T-SQL) as sqlcmd/SSMS read a script: `GO [count]` alone on a line ends a batch;
// within a batch `;` ends a statement, except inside BEGIN … END / CASE … END blocks, before ELSE,
// and in CREATE/ALTER PROCEDURE|FUNCTION|TRIGGER, whose body is the rest of the batch.
// '…' and N'…' strings, "…" and […] identifiers (`]]` escapes), `--` and nested /* */ comments.
import {
  CR, DASH, DQUOTE, LBRACKET, LF, SEMI, SLASH, SQUOTE, STAR,
  asciiTable, isDigit, isIdentChar, isLineBreak, upper,
} from './chars.js';
import { doubledQuoteEnd, nestedBlockCommentEnd, skipTrivia } from './lexemes.js';
import { isAtLineStart, lineEnd, skipSpacesAndTabs } from './lines.js';
import { pushStatement, type Spans } from './spans.js';
import { afterKeyword, isAnyKeywordAt, isKeywordAt, wordEnd } from './words.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_';
const BATCH_SPECIAL = asciiTable('\'"[-/\n\r');
const STATEMENT_SPECIAL = asciiTable(`'"[-/;\n\r${LETTERS}`);

function commentEnd(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  const next = text.charCodeAt(pos + 1);
  if (c === DASH && next === DASH) return lineEnd(text, pos);
  if (c === SLASH && next === STAR) return nestedBlockCommentEnd(text, pos);
  return -1;
}

function skipSqlServerTrivia(text: string, pos: number): number {
  return skipTrivia(text, pos, commentEnd);
}

/** For `GO [count] [-- comment]` starting at `pos`: the index of its line break; else -1. */
function goLineEnd(text: string, pos: number): number {
  if (upper(text.charCodeAt(pos)) !== 71 || upper(text.charCodeAt(pos + 1)) !== 79) return -1;
  if (isIdentChar(text.charCodeAt(pos + 2))) return -1;
  let i = skipSpacesAndTabs(text, pos + 2);
  while (isDigit(text.charCodeAt(i))) i++;
  i = skipSpacesAndTabs(text, i);
  if (text.charCodeAt(i) === DASH && text.charCodeAt(i + 1) === DASH) i = lineEnd(text, i);
  return i >= text.length || isLineBreak(text.charCodeAt(i)) ? i : -1;
}

/** CREATE [OR ALTER] / ALTER of a routine: its body runs to the end of the batch. */
function isRoutine(text: string, start: number): boolean {
  let pos = afterKeyword(text, start, 'ALTER', skipSqlServerTrivia);
  if (pos < 0) {
    pos = afterKeyword(text, start, 'CREATE', skipSqlServerTrivia);
    const orAlter = afterKeyword(text, afterKeyword(text, pos, 'OR', skipSqlServerTrivia), 'ALTER', skipSqlServerTrivia);
    if (orAlter >= 0) pos = orAlter;
  }
  return isAnyKeywordAt(text, pos, ['PROC', 'PROCEDURE', 'FUNCTION', 'TRIGGER']);
}

/** BEGIN words that start a statement rather than a block. */
const BEGIN_STATEMENTS = ['TRAN', 'TRANSACTION', 'DISTRIBUTED', 'DIALOG', 'CONVERSATION'];

class SqlServerScanner {
  private next = 0;

  constructor(private readonly text: string) {}

  scan(): Spans {
    const { text } = this;
    const n = text.length;
    const spans: Spans = [];
    let pos = 0;
    while (pos < n) {
      const start = skipSqlServerTrivia(text, pos);
      if (start >= n) break;
      const go = isAtLineStart(text, start) ? goLineEnd(text, start) : -1;
      if (go >= 0) {
        pos = go;
        continue;
      }
      pushStatement(spans, text, start, this.body(start, isRoutine(text, start)));
      pos = this.next;
    }
    return spans;
  }

  /** Returns where the statement ends: its `;`, the line break before a GO line, or the end. */
  private body(start: number, wholeBatch: boolean): number {
    const { text } = this;
    const n = text.length;
    const special = wholeBatch ? BATCH_SPECIAL : STATEMENT_SPECIAL;
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
          if (blocks === 0 && !isKeywordAt(text, skipSqlServerTrivia(text, i + 1), 'ELSE')) {
            this.next = i + 1;
            return i;
          }
          i++;
          break;
        case LF:
        case CR: {
          const lineStart = skipSpacesAndTabs(text, i + 1);
          if (goLineEnd(text, lineStart) >= 0) {
            this.next = lineStart;
            return i;
          }
          i++;
          break;
        }
        case SQUOTE:
          i = doubledQuoteEnd(text, i, "'");
          break;
        case DQUOTE:
          i = doubledQuoteEnd(text, i, '"');
          break;
        case LBRACKET:
          i = doubledQuoteEnd(text, i, ']');
          break;
        case DASH:
        case SLASH: {
          const end = commentEnd(text, i);
          i = end < 0 ? i + 1 : end;
          break;
        }
        default: {
          const end = wordEnd(text, i);
          if (!isIdentChar(text.charCodeAt(i - 1))) blocks = nextBlockDepth(text, i, end, blocks);
          i = end;
        }
      }
    }
    this.next = n;
    return n;
  }
}

/** BEGIN (not BEGIN TRAN…) and CASE open a block; END (not END CONVERSATION) closes one. */
function nextBlockDepth(text: string, start: number, end: number, depth: number): number {
  const len = end - start;
  if (len === 5 && isKeywordAt(text, start, 'BEGIN')) {
    return isAnyKeywordAt(text, skipSqlServerTrivia(text, end), BEGIN_STATEMENTS) ? depth : depth + 1;
  }
  if (len === 4 && isKeywordAt(text, start, 'CASE')) return depth + 1;
  if (len === 3 && depth > 0 && isKeywordAt(text, start, 'END')) {
    return isKeywordAt(text, skipSqlServerTrivia(text, end), 'CONVERSATION') ? depth : depth - 1;
  }
  return depth;
}

export function scanSqlServer(text: string): Spans {
  return new SqlServerScanner(text).scan();
}

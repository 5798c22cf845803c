// SQL Server (T-SQL) as sqlcmd/SSMS read a script: `GO [count]` alone on a line ends a batch;
// within a batch `;` ends a statement, except inside BEGIN … END / CASE … END blocks, before ELSE,
// and in CREATE/ALTER PROCEDURE|FUNCTION|TRIGGER, whose body is the rest of the batch.
// '…' and N'…' strings, "…" and […] identifiers (`]]` escapes), `--` and nested /* */ comments.
import {
  CR, DASH, DQUOTE, LBRACKET, LF, SEMI, SLASH, SQUOTE,
  asciiTable, isDigit, isIdentChar, isLineBreak, nextMarked, upper,
} from './chars.js';
import { afterCommentOrChar, skipTrivia, type CommentSyntax } from './comments.js';
import { isAtLineStart, lineEnd, skipSpacesAndTabs } from './lines.js';
import { doubledQuoteEnd } from './quotes.js';
import { StatementScanner } from './scanner.js';
import type { Spans } from './spans.js';
import { afterKeyword, isAnyKeywordAt, isKeywordAt, wordEnd } from './words.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_';
const BATCH_SPECIAL = asciiTable('\'"[-/\n\r');
const STATEMENT_SPECIAL = asciiTable(`'"[-/;\n\r${LETTERS}`);

const SQLSERVER_COMMENTS: CommentSyntax = { hashComments: false, dashesNeedSpace: false, nestedBlocks: true, statementBlocks: [] };

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
  let pos = afterKeyword(text, start, 'ALTER', SQLSERVER_COMMENTS);
  if (pos < 0) {
    pos = afterKeyword(text, start, 'CREATE', SQLSERVER_COMMENTS);
    const orAlter = afterKeyword(text, afterKeyword(text, pos, 'OR', SQLSERVER_COMMENTS), 'ALTER', SQLSERVER_COMMENTS);
    if (orAlter >= 0) pos = orAlter;
  }
  return isAnyKeywordAt(text, pos, ['PROC', 'PROCEDURE', 'FUNCTION', 'TRIGGER']);
}

/** BEGIN words that start a statement rather than a block. */
const BEGIN_STATEMENTS = ['TRAN', 'TRANSACTION', 'DISTRIBUTED', 'DIALOG', 'CONVERSATION'];

class SqlServerScanner extends StatementScanner {
  constructor(text: string) {
    super(text, SQLSERVER_COMMENTS, undefined);
  }

  protected override readAt(start: number, spans: Spans): number {
    const go = isAtLineStart(this.text, start) ? goLineEnd(this.text, start) : -1;
    return go >= 0 ? go : super.readAt(start, spans);
  }

  /** Ends the statement at its `;`, at the line break before a GO line, or at the end. */
  protected body(start: number): number {
    const { text } = this;
    const n = text.length;
    const special = isRoutine(text, start) ? BATCH_SPECIAL : STATEMENT_SPECIAL;
    let blocks = 0;
    for (let i = nextMarked(text, start, special); i < n; i = nextMarked(text, i, special)) {
      switch (text.charCodeAt(i)) {
        case SEMI:
          if (blocks === 0 && !isKeywordAt(text, skipTrivia(text, i + 1, SQLSERVER_COMMENTS), 'ELSE')) {
            return this.stopAt(i, i + 1);
          }
          i++;
          break;
        case LF:
        case CR: {
          const lineStart = skipSpacesAndTabs(text, i + 1);
          if (goLineEnd(text, lineStart) >= 0) return this.stopAt(i, lineStart);
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
        case SLASH:
          i = afterCommentOrChar(text, i, SQLSERVER_COMMENTS);
          break;
        default: {
          const end = wordEnd(text, i);
          if (!isIdentChar(text.charCodeAt(i - 1))) blocks = nextBlockDepth(text, i, end, blocks);
          i = end;
        }
      }
    }
    return this.stopAt(n, n);
  }
}

/** BEGIN (not BEGIN TRAN…) and CASE open a block; END (not END CONVERSATION) closes one. */
function nextBlockDepth(text: string, start: number, end: number, depth: number): number {
  const len = end - start;
  if (len === 5 && isKeywordAt(text, start, 'BEGIN')) {
    return isAnyKeywordAt(text, skipTrivia(text, end, SQLSERVER_COMMENTS), BEGIN_STATEMENTS) ? depth : depth + 1;
  }
  if (len === 4 && isKeywordAt(text, start, 'CASE')) return depth + 1;
  if (len === 3 && depth > 0 && isKeywordAt(text, start, 'END')) {
    return isKeywordAt(text, skipTrivia(text, end, SQLSERVER_COMMENTS), 'CONVERSATION') ? depth : depth - 1;
  }
  return depth;
}

export function sqlServerScanner(text: string): StatementScanner {
  return new SqlServerScanner(text);
}

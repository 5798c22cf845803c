// Oracle as SQL*Plus reads a script: plain SQL ends at `;` or at a line holding only `/`; PL/SQL
// units (CREATE PROCEDURE/FUNCTION/PACKAGE [BODY]/TRIGGER/TYPE BODY, DECLARE/BEGIN blocks) run to
// a `/` line. '…' strings, q'[…]' literals, "…" identifiers, `--` and /* */ comments. SQL*Plus
// commands (SET, PROMPT, SPOOL, …) take one line each; REM lines are comments.
import {
  AT, DASH, DQUOTE, LBRACE, LBRACKET, LPAREN, LT, SEMI, SLASH, SQUOTE, STAR,
  asciiTable, isIdentChar, isWhitespace, nextMarked, upper,
} from './chars.js';
import { afterCommentOrChar, type CommentSyntax } from './comments.js';
import { isAtLineStart, isRestOfLineBlank, lineEnd, skipLineBreak } from './lines.js';
import { doubledQuoteEnd } from './quotes.js';
import { StatementScanner } from './scanner.js';
import { pushStatement, type Spans } from './spans.js';
import { afterAnyKeyword, afterKeyword, isAnyKeywordAt, isKeywordAt, wordAt } from './words.js';

const BODY_SPECIAL = asciiTable('\'"-/;');

const ORACLE_COMMENTS: CommentSyntax = { hashComments: false, dashesNeedSpace: false, nestedBlocks: false, statementBlocks: [] };

/** True when the `/` at `pos` is alone on its line (spaces and tabs aside). */
function isSlashLine(text: string, pos: number): boolean {
  return isAtLineStart(text, pos) && isRestOfLineBlank(text, pos + 1);
}

const CLOSERS: Record<number, number> = { [LBRACKET]: 93, [LBRACE]: 125, [LPAREN]: 41, [LT]: 62 };

/** For the quote at `pos`: the end of a q'…' / nq'…' literal, or -1 when it opens an ordinary string. */
function qQuoteEnd(text: string, pos: number): number {
  if (upper(text.charCodeAt(pos - 1)) !== 81) return -1; // Q
  const before = text.charCodeAt(pos - 2);
  const prefixed = upper(before) === 78 && !isIdentChar(text.charCodeAt(pos - 3)); // N
  if (isIdentChar(before) && !prefixed) return -1;
  const open = text.charCodeAt(pos + 1);
  if (Number.isNaN(open) || isWhitespace(open)) return -1;
  const close = String.fromCharCode(CLOSERS[open] ?? open) + "'";
  const end = text.indexOf(close, pos + 2);
  return end < 0 ? text.length : end + 2;
}

/** Is the statement starting at `start` a PL/SQL unit (ended only by a `/` line)? */
function isPlsql(text: string, start: number): boolean {
  if (isAnyKeywordAt(text, start, ['DECLARE', 'BEGIN'])) return true;
  let pos = afterKeyword(text, start, 'CREATE', ORACLE_COMMENTS);
  if (pos < 0) return false;
  const replace = afterKeyword(text, afterKeyword(text, pos, 'OR', ORACLE_COMMENTS), 'REPLACE', ORACLE_COMMENTS);
  if (replace >= 0) pos = replace;
  const edition = afterAnyKeyword(text, pos, ['EDITIONABLE', 'NONEDITIONABLE'], ORACLE_COMMENTS);
  if (edition >= 0) pos = edition;
  if (isAnyKeywordAt(text, pos, ['PROCEDURE', 'FUNCTION', 'PACKAGE', 'TRIGGER'])) return true;
  return isKeywordAt(text, afterKeyword(text, pos, 'TYPE', ORACLE_COMMENTS), 'BODY');
}

const SQLPLUS_COMMANDS = new Set([
  'ACCEPT', 'BREAK', 'BTITLE', 'CLEAR', 'COL', 'COLUMN', 'COMPUTE', 'CONN', 'CONNECT', 'DEFINE',
  'DESC', 'DESCRIBE', 'EXEC', 'EXECUTE', 'EXIT', 'HOST', 'PAUSE', 'PRINT', 'PROMPT', 'QUIT', 'SET',
  'SHOW', 'SPOOL', 'TIMING', 'TTITLE', 'UNDEFINE', 'VAR', 'VARIABLE', 'WHENEVER',
]);
/** SET statements of SQL itself, not SQL*Plus settings. */
const SQL_SET = ['TRANSACTION', 'ROLE', 'CONSTRAINT', 'CONSTRAINTS'];

type LineCommand = 'none' | 'remark' | 'command';

function lineCommandAt(text: string, start: number): LineCommand {
  if (!isAtLineStart(text, start)) return 'none';
  if (text.charCodeAt(start) === AT) return 'command'; // @file, @@file
  const word = wordAt(text, start);
  if (word === 'REM' || word === 'REMARK') return 'remark';
  if (!SQLPLUS_COMMANDS.has(word)) return 'none';
  if (word === 'SET' && isAnyKeywordAt(text, afterKeyword(text, start, 'SET', ORACLE_COMMENTS), SQL_SET)) return 'none';
  return 'command';
}

/** Index of the line break ending a SQL*Plus command; a trailing `-` continues it on the next line. */
function lineCommandEnd(text: string, start: number): number {
  let end = lineEnd(text, start);
  while (end < text.length && text.charCodeAt(lastNonBlank(text, start, end)) === DASH) {
    end = lineEnd(text, skipLineBreak(text, end));
  }
  return end;
}

/** Index of the last non-whitespace character in [from, end), or -1. */
function lastNonBlank(text: string, from: number, end: number): number {
  let i = end - 1;
  while (i >= from && isWhitespace(text.charCodeAt(i))) i--;
  return i < from ? -1 : i;
}

class OracleScanner extends StatementScanner {
  constructor(text: string) {
    super(text, ORACLE_COMMENTS, undefined);
  }

  protected override readAt(start: number, spans: Spans): number {
    const { text } = this;
    const command = lineCommandAt(text, start);
    if (command === 'none') return super.readAt(start, spans);
    const end = lineCommandEnd(text, start);
    if (command === 'command') {
      // The text leaves out a final `;`, which SQL*Plus accepts but is not part of the command.
      const last = lastNonBlank(text, start, end);
      pushStatement(spans, text, start, text.charCodeAt(last) === SEMI ? last : last + 1);
    }
    return end;
  }

  /** Ends SQL at its `;` or a `/` line, and PL/SQL units at a `/` line only (or at the end). */
  protected body(start: number): number {
    const { text } = this;
    const n = text.length;
    const plsql = isPlsql(text, start);
    for (let i = nextMarked(text, start, BODY_SPECIAL); i < n; i = nextMarked(text, i, BODY_SPECIAL)) {
      switch (text.charCodeAt(i)) {
        case SEMI:
          if (!plsql) return this.stopAt(i, i + 1);
          i++;
          break;
        case SQUOTE: {
          const q = qQuoteEnd(text, i);
          i = q < 0 ? doubledQuoteEnd(text, i, "'") : q;
          break;
        }
        case DQUOTE:
          i = doubledQuoteEnd(text, i, '"');
          break;
        case SLASH:
          if (text.charCodeAt(i + 1) !== STAR && isSlashLine(text, i)) return this.stopAt(i, i + 1);
          i = afterCommentOrChar(text, i, ORACLE_COMMENTS);
          break;
        default:
          i = afterCommentOrChar(text, i, ORACLE_COMMENTS);
      }
    }
    return this.stopAt(n, n);
  }
}

export function oracleScanner(text: string): StatementScanner {
  return new OracleScanner(text);
}

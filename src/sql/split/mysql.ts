// MySQL, TiDB, OceanBase (MySQL mode) as the mysql command-line client reads a script:
// `DELIMITER xx` commands, `#` and `-- ` comments, `/* */` comments (but `/*! */` and `/*M! */`
// are executable and belong to the statement), backslash escapes in '…' and "…", `…` identifiers.
import {
  BACKTICK, BANG, CR, DASH, DQUOTE, HASH, LF, SLASH, SQUOTE, STAR,
  asciiTable, isSpaceOrTab, isWhitespace,
} from './chars.js';
import { BackslashIndex, blockCommentEnd, doubledQuoteEnd, escapedQuoteEnd, skipTrivia } from './lexemes.js';
import { lineEnd, skipSpacesAndTabs } from './lines.js';
import { pushStatement, type Spans } from './spans.js';
import { isKeywordAt } from './words.js';

const BODY_SPECIAL = asciiTable('\'"`#-/\n\r');
const LOWER_D = 100;
const MAX_DELIMITER_LENGTH = 15;

/** End of the comment starting at `pos` when one that is not part of a statement starts there, else -1. */
function commentEnd(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === HASH) return lineEnd(text, pos);
  if (c === DASH) {
    // `--` starts a comment only when followed by whitespace, a control character or the end.
    if (text.charCodeAt(pos + 1) !== DASH) return -1;
    const after = text.charCodeAt(pos + 2);
    return Number.isNaN(after) || after <= 32 ? lineEnd(text, pos) : -1;
  }
  if (c === SLASH && text.charCodeAt(pos + 1) === STAR) {
    return isExecutableComment(text, pos) ? -1 : blockCommentEnd(text, pos);
  }
  return -1;
}

/** `/*!…*\/` (MySQL) and `/*M!…*\/` (MariaDB) hold SQL the server runs. */
function isExecutableComment(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos + 2);
  return c === BANG || (c === 77 && text.charCodeAt(pos + 3) === BANG);
}

function skipMysqlTrivia(text: string, pos: number): number {
  return skipTrivia(text, pos, commentEnd);
}

interface DelimiterCommand {
  delimiter: string;
  /** Index of the line break ending the command (the rest of that line is ignored). */
  next: number;
}

/** Parses `DELIMITER <arg>` (case-insensitive; the argument may be quoted) starting at `pos`. */
function delimiterCommandAt(text: string, pos: number): DelimiterCommand | undefined {
  if (!isKeywordAt(text, pos, 'DELIMITER') || !isSpaceOrTab(text.charCodeAt(pos + 9))) return undefined;
  const argStart = skipSpacesAndTabs(text, pos + 9);
  const eol = lineEnd(text, argStart);
  const q = text.charCodeAt(argStart);
  let delimiter: string;
  if (q === SQUOTE || q === DQUOTE || q === BACKTICK) {
    const quoted = text.slice(argStart + 1, eol);
    const close = quoted.indexOf(text[argStart] as string);
    delimiter = close < 0 ? quoted : quoted.slice(0, close);
  } else {
    let argEnd = argStart;
    while (argEnd < eol && !isWhitespace(text.charCodeAt(argEnd))) argEnd++;
    delimiter = text.slice(argStart, argEnd);
  }
  // The mysql client keeps at most 15 characters of a delimiter; the cap also bounds the cost of
  // matching it at every position.
  return delimiter === '' ? undefined : { delimiter: delimiter.slice(0, MAX_DELIMITER_LENGTH), next: eol };
}

/**
 * A line holding only `DELIMITER <symbols>` ends an unterminated statement before it, as in the
 * mysql client. Inside a statement the argument must have no letters or digits, so that a column
 * named `delimiter` at the start of a line (`delimiter CHAR(1),`) is not taken for a command.
 */
function isDelimiterLine(text: string, pos: number): boolean {
  const command = delimiterCommandAt(text, pos);
  if (!command || /[A-Za-z0-9_]/.test(command.delimiter)) return false;
  const argEnd = text.indexOf(command.delimiter, pos + 9) + command.delimiter.length;
  return skipSpacesAndTabs(text, argEnd) >= command.next;
}

class MysqlScanner {
  private delimiter = ';';
  /** Where scanning resumes after the statement the last `body` call ended. */
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
      const start = skipMysqlTrivia(text, pos);
      if (start >= n) break;
      const command = delimiterCommandAt(text, start);
      if (command) {
        this.delimiter = command.delimiter;
        pos = command.next;
        continue;
      }
      pushStatement(spans, text, start, this.body(start));
      pos = this.next;
    }
    return spans;
  }

  /**
   * Scans the statement starting at `start`; returns where its terminator starts: the current
   * delimiter (also right after `END`, with no space), a DELIMITER line, or the end of the text.
   */
  private body(start: number): number {
    const { text, delimiter, backslashes } = this;
    const n = text.length;
    const d0 = delimiter.charCodeAt(0);
    const dLen = delimiter.length;
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === d0 && (dLen === 1 || text.startsWith(delimiter, i))) {
        this.next = i + dLen;
        return i;
      }
      if (c >= 128 || BODY_SPECIAL[c] === 0) {
        i++;
        continue;
      }
      switch (c) {
        case SQUOTE:
          i = escapedQuoteEnd(text, i, "'", backslashes);
          break;
        case DQUOTE:
          i = escapedQuoteEnd(text, i, '"', backslashes);
          break;
        case BACKTICK:
          i = doubledQuoteEnd(text, i, '`');
          break;
        case LF:
        case CR: {
          const lineStart = skipSpacesAndTabs(text, i + 1);
          if ((text.charCodeAt(lineStart) | 0x20) === LOWER_D && isDelimiterLine(text, lineStart)) {
            this.next = lineStart;
            return i;
          }
          i++;
          break;
        }
        default: {
          const end = commentEnd(text, i);
          i = end < 0 ? i + 1 : end;
        }
      }
    }
    this.next = n;
    return n;
  }
}

export function scanMysql(text: string): Spans {
  return new MysqlScanner(text).scan();
}

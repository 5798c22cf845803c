// MySQL, TiDB, OceanBase (MySQL mode) as the mysql command-line client reads a script:
// `DELIMITER xx` commands, `#` and `-- ` comments, `/* */` comments (but `/*! */` and `/*M! */`
// are executable and belong to the statement), backslash escapes in '…' and "…", `…` identifiers.
import {
  BACKTICK, CR, DQUOTE, LF, SQUOTE,
  asciiTable, isSpaceOrTab, isWhitespace,
} from './chars.js';
import { afterCommentOrChar, type CommentSyntax } from './comments.js';
import { lineEnd, skipSpacesAndTabs } from './lines.js';
import { BackslashIndex, doubledQuoteEnd, escapedQuoteEnd } from './quotes.js';
import { StatementScanner } from './scanner.js';
import type { Spans } from './spans.js';
import { isKeywordAt } from './words.js';

const BODY_SPECIAL = asciiTable('\'"`#-/\n\r');
const LOWER_D = 100;
const MAX_DELIMITER_LENGTH = 15;

const MYSQL_COMMENTS: CommentSyntax = {
  hashComments: true,
  dashesNeedSpace: true,
  nestedBlocks: false,
  // `/*!…*/` (MySQL) and `/*M!…*/` (MariaDB) hold SQL the server runs.
  statementBlocks: ['/*!', '/*M!'],
};

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

/** The state carried from statement to statement is the current delimiter. */
class MysqlScanner extends StatementScanner<string> {
  private readonly backslashes = new BackslashIndex(this.text);

  constructor(text: string) {
    super(text, MYSQL_COMMENTS, ';');
  }

  protected override readAt(start: number, spans: Spans): number {
    const command = delimiterCommandAt(this.text, start);
    if (!command) return super.readAt(start, spans);
    this.state = command.delimiter;
    return command.next;
  }

  /**
   * Ends the statement at the current delimiter (also right after `END`, with no space), at a
   * DELIMITER line, or at the end of the text.
   */
  protected body(start: number): number {
    const { text, state: delimiter, backslashes } = this;
    const n = text.length;
    const d0 = delimiter.charCodeAt(0);
    const dLen = delimiter.length;
    // Not `nextMarked`: the delimiter may start with any character, so each one is compared.
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === d0 && (dLen === 1 || text.startsWith(delimiter, i))) return this.stopAt(i, i + dLen);
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
            return this.stopAt(i, lineStart);
          }
          i++;
          break;
        }
        default:
          i = afterCommentOrChar(text, i, MYSQL_COMMENTS);
      }
    }
    return this.stopAt(n, n);
  }
}

export function mysqlScanner(text: string): StatementScanner<string> {
  return new MysqlScanner(text);
}

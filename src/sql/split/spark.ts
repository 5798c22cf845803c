// Spark SQL / Hive (Huawei Cloud DLI): '…' and "…" strings with backslash escapes, `…` identifiers,
// `--` comments, nested /* */ comments; /*+ hints */ are part of the statement.
import { BACKTICK, DQUOTE, SEMI, SQUOTE, asciiTable, nextMarked } from './chars.js';
import { afterCommentOrChar, type CommentSyntax } from './comments.js';
import { BackslashIndex, doubledQuoteEnd, escapedQuoteEnd } from './quotes.js';
import { StatementScanner } from './scanner.js';

const BODY_SPECIAL = asciiTable('\'"`-/;');

/** Inside a statement, hints are skipped like comments. */
const SPARK_COMMENTS: CommentSyntax = { hashComments: false, dashesNeedSpace: false, nestedBlocks: true, statementBlocks: [] };
/** Before a statement a hint is not a comment: it belongs to the statement. */
const LEADING_COMMENTS: CommentSyntax = { ...SPARK_COMMENTS, statementBlocks: ['/*+'] };

class SparkScanner extends StatementScanner {
  private readonly backslashes = new BackslashIndex(this.text);

  constructor(text: string) {
    super(text, LEADING_COMMENTS, undefined);
  }

  protected body(start: number): number {
    const { text, backslashes } = this;
    const n = text.length;
    for (let i = nextMarked(text, start, BODY_SPECIAL); i < n; i = nextMarked(text, i, BODY_SPECIAL)) {
      switch (text.charCodeAt(i)) {
        case SEMI:
          return this.stopAt(i, i + 1);
        case SQUOTE:
          i = escapedQuoteEnd(text, i, "'", backslashes);
          break;
        case DQUOTE:
          i = escapedQuoteEnd(text, i, '"', backslashes);
          break;
        case BACKTICK:
          i = doubledQuoteEnd(text, i, '`');
          break;
        default:
          i = afterCommentOrChar(text, i, SPARK_COMMENTS);
      }
    }
    return this.stopAt(n, n);
  }
}

export function sparkScanner(text: string): StatementScanner {
  return new SparkScanner(text);
}

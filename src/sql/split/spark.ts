// Spark SQL / Hive (Huawei Cloud DLI): '…' and "…" strings with backslash escapes, `…` identifiers,
// `--` comments, nested /* */ comments; /*+ hints */ are part of the statement.
import {
  BACKTICK, DASH, DQUOTE, PLUS, SEMI, SLASH, SQUOTE, STAR,
  asciiTable,
} from './chars.js';
import { BackslashIndex, doubledQuoteEnd, escapedQuoteEnd, nestedBlockCommentEnd, skipTrivia } from './lexemes.js';
import { lineEnd } from './lines.js';
import { pushStatement, type Spans } from './spans.js';

const BODY_SPECIAL = asciiTable('\'"`-/;');

/** End of the comment at `pos`, or -1; hints (`/*+`) count as comments only inside a statement. */
function commentEnd(text: string, pos: number, hintsAreComments: boolean): number {
  const c = text.charCodeAt(pos);
  const next = text.charCodeAt(pos + 1);
  if (c === DASH && next === DASH) return lineEnd(text, pos);
  if (c === SLASH && next === STAR) {
    return hintsAreComments || text.charCodeAt(pos + 2) !== PLUS ? nestedBlockCommentEnd(text, pos) : -1;
  }
  return -1;
}

/** Before a statement a hint is not a comment: it belongs to the statement. */
function statementStartCommentEnd(text: string, pos: number): number {
  return commentEnd(text, pos, false);
}

function skipSparkTrivia(text: string, pos: number): number {
  return skipTrivia(text, pos, statementStartCommentEnd);
}

class SparkScanner {
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
      const start = skipSparkTrivia(text, pos);
      if (start >= n) break;
      pushStatement(spans, text, start, this.body(start));
      pos = this.next;
    }
    return spans;
  }

  private body(start: number): number {
    const { text, backslashes } = this;
    const n = text.length;
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 128 || BODY_SPECIAL[c] === 0) {
        i++;
        continue;
      }
      switch (c) {
        case SEMI:
          this.next = i + 1;
          return i;
        case SQUOTE:
          i = escapedQuoteEnd(text, i, "'", backslashes);
          break;
        case DQUOTE:
          i = escapedQuoteEnd(text, i, '"', backslashes);
          break;
        case BACKTICK:
          i = doubledQuoteEnd(text, i, '`');
          break;
        default: {
          const end = commentEnd(text, i, true);
          i = end < 0 ? i + 1 : end;
        }
      }
    }
    this.next = n;
    return n;
  }
}

export function scanSpark(text: string): Spans {
  return new SparkScanner(text).scan();
}

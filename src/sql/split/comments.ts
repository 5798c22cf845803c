// Comments as each dialect writes them, described as data so that one set of functions reads them
// all. Every function returns the index just past the comment (the text's length when it is
// unterminated), so scanners always make progress and stay linear.
import { DASH, HASH, SLASH, STAR, isWhitespace } from './chars.js';
import { lineEnd } from './lines.js';

export interface CommentSyntax {
  /** `#` opens a comment to the end of the line (MySQL). */
  readonly hashComments: boolean;
  /** `--` opens a comment only before whitespace, a control character or the end (MySQL); else always. */
  readonly dashesNeedSpace: boolean;
  /** `/*` inside a block comment opens a nested one (PostgreSQL, SQL Server, Spark). */
  readonly nestedBlocks: boolean;
  /** Openings of block comments that belong to the statement: MySQL's executable `/*!`, Spark's hints. */
  readonly statementBlocks: readonly string[];
}

/** End of the comment starting at `pos`, or -1 when none starts there. */
export function commentEnd(text: string, pos: number, syntax: CommentSyntax): number {
  const c = text.charCodeAt(pos);
  if (c === HASH) return syntax.hashComments ? lineEnd(text, pos) : -1;
  const next = text.charCodeAt(pos + 1);
  if (c === DASH) {
    if (next !== DASH) return -1;
    return !syntax.dashesNeedSpace || isSpaceOrEnd(text.charCodeAt(pos + 2)) ? lineEnd(text, pos) : -1;
  }
  if (c !== SLASH || next !== STAR || isStatementBlock(text, pos, syntax.statementBlocks)) return -1;
  return syntax.nestedBlocks ? nestedBlockCommentEnd(text, pos) : blockCommentEnd(text, pos);
}

/** Inside a statement: the index past the comment at `pos`, or past the ordinary character there. */
export function afterCommentOrChar(text: string, pos: number, syntax: CommentSyntax): number {
  const end = commentEnd(text, pos, syntax);
  return end < 0 ? pos + 1 : end;
}

/** Skips whitespace and comments; returns the index of the next token (or the length). */
export function skipTrivia(text: string, pos: number, syntax: CommentSyntax): number {
  const n = text.length;
  while (pos < n) {
    if (isWhitespace(text.charCodeAt(pos))) {
      pos++;
      continue;
    }
    const end = commentEnd(text, pos, syntax);
    if (end < 0) return pos;
    pos = end;
  }
  return n;
}

/** Whitespace, a control character or the end of the text (`NaN`). */
function isSpaceOrEnd(c: number): boolean {
  return !(c > 32);
}

function isStatementBlock(text: string, pos: number, openings: readonly string[]): boolean {
  for (const opening of openings) if (text.startsWith(opening, pos)) return true;
  return false;
}

/** `/* ... *\/` without nesting. */
function blockCommentEnd(text: string, pos: number): number {
  const close = text.indexOf('*/', pos + 2);
  return close < 0 ? text.length : close + 2;
}

/** `/* ... *\/` where inner `/*` open nested comments. */
function nestedBlockCommentEnd(text: string, pos: number): number {
  const n = text.length;
  let depth = 1;
  let i = pos + 2;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === STAR && text.charCodeAt(i + 1) === SLASH) {
      i += 2;
      if (--depth === 0) return i;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      i += 2;
      depth++;
    } else {
      i++;
    }
  }
  return n;
}

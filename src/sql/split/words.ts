// Reading keywords, for the few places where a statement's first words decide how it ends.
// Matching compares code units in place: no substrings are allocated on the hot path.
import { isIdentChar } from './chars.js';
import { skipTrivia, type CommentSyntax } from './comments.js';

/** Index just past the identifier-like word starting at `pos` (`pos` itself when there is none). */
export function wordEnd(text: string, pos: number): number {
  const n = text.length;
  while (pos < n && isIdentChar(text.charCodeAt(pos))) pos++;
  return pos;
}

/** The upper-cased word at `pos`, or '' when no word starts there. */
export function wordAt(text: string, pos: number): string {
  return text.slice(pos, wordEnd(text, pos)).toUpperCase();
}

/** True when the word at `pos` is `keyword` (given in upper case), in any case. */
export function isKeywordAt(text: string, pos: number, keyword: string): boolean {
  const n = keyword.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(pos + i);
    const k = keyword.charCodeAt(i);
    if (c !== k && c !== k + 32) return false;
  }
  return !isIdentChar(text.charCodeAt(pos + n));
}

/** When the word at `pos` is `keyword`: the index of the token after it (comments skipped); else -1. */
export function afterKeyword(text: string, pos: number, keyword: string, comments: CommentSyntax): number {
  return pos >= 0 && isKeywordAt(text, pos, keyword) ? skipTrivia(text, pos + keyword.length, comments) : -1;
}

/** When the word at `pos` is one of `keywords`: the index of the token after it; else -1. */
export function afterAnyKeyword(text: string, pos: number, keywords: readonly string[], comments: CommentSyntax): number {
  for (const keyword of keywords) {
    const next = afterKeyword(text, pos, keyword, comments);
    if (next >= 0) return next;
  }
  return -1;
}

/** True when the word at `pos` is one of `keywords`. */
export function isAnyKeywordAt(text: string, pos: number, keywords: readonly string[]): boolean {
  return pos >= 0 && keywords.some((keyword) => isKeywordAt(text, pos, keyword));
}

// Statement spans as scanners produce them: a flat list of [start, end) UTF-16 offset pairs.
import { isWhitespace } from './chars.js';

export type Spans = number[];

/**
 * Records the statement that starts at `start` (its first significant character) and stops at
 * `stop` (its terminator or the end of the text), without trailing whitespace. Statements that
 * are empty once trimmed are dropped.
 */
export function pushStatement(spans: Spans, text: string, start: number, stop: number): void {
  let end = stop;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push(start, end);
}

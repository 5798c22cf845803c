// The one SQL splitter of the action: dialect-aware, lexer-based, linear in the input's length.
import type { Dialect, Statement } from '../types.js';
import { locateSpans } from './locate.js';
import { scannerFor } from './scanners.js';

export { splitUtf8 } from './windowed.js';

/**
 * Splits a script into its statements, each located by line, column, UTF-16 offset and UTF-8
 * byte offset. Leading comments, terminators and trailing whitespace are outside the spans;
 * statements holding nothing but comments are dropped. Unknown dialects are read as MySQL.
 */
export function splitSql(text: string, dialect: Dialect): Statement[] {
  return locateSpans(text, scannerFor(dialect, text).scan());
}

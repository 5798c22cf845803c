export type Dialect = 'mysql' | 'postgresql' | 'oracle' | 'sqlserver' | 'spark';

/** One statement of a script, located exactly. */
export interface Statement {
  /** The statement text without its terminator (`;`, custom DELIMITER, `/`, `GO`) and without leading comments/blank lines. */
  text: string;
  /** 1-based line and column (columns count UTF-16 code units, 1-based) of the first and last character of `text`. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** UTF-16 offsets into the input string: input.slice(start, end) === text. */
  start: number;
  end: number;
  /** UTF-8 byte offsets of the same span. */
  startByte: number;
  endByte: number;
}

export type Dialect = 'mysql' | 'postgresql' | 'oracle' | 'sqlserver' | 'spark';

/** Where a statement of a script is: lines, columns and UTF-8 byte offsets, without its text. */
export interface Located {
  /** 1-based line and column (columns count UTF-16 code units, 1-based) of the first and last character of the statement. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** UTF-8 byte offsets of the statement: bytes.subarray(startByte, endByte) is its text. */
  startByte: number;
  endByte: number;
}

/** One statement of a script, located exactly. */
export interface Statement extends Located {
  /** The statement text without its terminator (`;`, custom DELIMITER, `/`, `GO`) and without leading comments/blank lines. */
  text: string;
  /** UTF-16 offsets into the input string: input.slice(start, end) === text. */
  start: number;
  end: number;
}

// MySQL DELIMITER command lines of a file, found once, on its bytes.
import { matchingLines } from './byte-lines.js';
import type { SourceFile } from './sources.js';

/** A line starting with a DELIMITER command, whatever follows it. */
const COMMAND_START = /(?<![^\r\n])[ \t]*delimiter[ \t]+\S+/gi;

export interface DelimiterLine {
  /** 1-based. */
  line: number;
  startByte: number;
  /** The end of the line's content when it holds the command alone; else the end of the command. */
  endByte: number;
  /** Nothing but spaces and tabs follows the command on its line. */
  alone: boolean;
}

/** Every line holding a DELIMITER command: SQLE does not count them, and split parts keep them. */
export function delimiterLinesOf(bytes: Uint8Array): DelimiterLine[] {
  return matchingLines(bytes, COMMAND_START).map((m) => withRestOfLine(bytes, m));
}

/** Lines holding a DELIMITER command: each makes SQLE's later line numbers one smaller. */
export const delimiterDriftLines = (source: Pick<SourceFile, 'delimiters'>): number[] => source.delimiters.map((d) => d.line);

function withRestOfLine(bytes: Uint8Array, match: { line: number; startByte: number; endByte: number }): DelimiterLine {
  let end = match.endByte;
  while (bytes[end] === SPACE || bytes[end] === TAB) end++;
  const alone = end === bytes.length || bytes[end] === LF || bytes[end] === CR;
  return { ...match, endByte: alone ? end : match.endByte, alone };
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

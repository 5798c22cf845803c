// Line-level helpers. A line break is `\r\n`, `\n` or a lone `\r`.
import { CR, LF, isLineBreak, isSpaceOrTab } from './chars.js';

/** Index of the line break ending the line that holds `pos` (or the text's length). */
export function lineEnd(text: string, pos: number): number {
  const n = text.length;
  for (let i = pos; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return n;
}

/** Index just after the line break at `pos` (`\r\n` counts as one); `pos` itself when none is there. */
export function skipLineBreak(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === CR) return text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
  return c === LF ? pos + 1 : pos;
}

/** Index of the start of the next line after the one holding `pos` (or the text's length). */
export function nextLineStart(text: string, pos: number): number {
  return skipLineBreak(text, lineEnd(text, pos));
}

/** True when only spaces and tabs stand between the start of the line and `pos`. */
export function isAtLineStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && isSpaceOrTab(text.charCodeAt(i))) i--;
  return i < 0 || isLineBreak(text.charCodeAt(i));
}

/** Index after the spaces and tabs starting at `pos`. */
export function skipSpacesAndTabs(text: string, pos: number): number {
  const n = text.length;
  while (pos < n && isSpaceOrTab(text.charCodeAt(pos))) pos++;
  return pos;
}

/** True when only spaces and tabs follow `pos` up to the end of its line. */
export function isRestOfLineBlank(text: string, pos: number): boolean {
  const i = skipSpacesAndTabs(text, pos);
  return i >= text.length || isLineBreak(text.charCodeAt(i));
}

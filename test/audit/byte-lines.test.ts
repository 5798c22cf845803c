// Line work on bytes must agree with the same work on the decoded text.
import { describe, expect, it } from 'vitest';
import { lineBreaksOnly, matchingLines } from '../../src/audit/byte-lines.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const COMMAND = /(?<![^\r\n])[ \t]*delimiter[ \t]+\S+[ \t]*(?![^\r\n])/gi;

/** The same search on the whole decoded text: line of each match, and its byte range. */
function naive(text: string, pattern: RegExp): { line: number; startByte: number; endByte: number }[] {
  return [...text.matchAll(pattern)].map((m) => {
    const before = text.slice(0, m.index);
    const startByte = Buffer.byteLength(before);
    return { line: 1 + (before.match(/\r\n|\n|\r/g)?.length ?? 0), startByte, endByte: startByte + Buffer.byteLength(m[0]) };
  });
}

describe('lineBreaksOnly', () => {
  it('keeps every line break as written and nothing else', () => {
    const text = 'SELECT 1;\r\n-- 注释\rSELECT 2;\n\nx';
    expect(Buffer.from(lineBreaksOnly(bytes(text), 0, bytes(text).length)).toString()).toBe('\r\n\r\n\n');
    expect(Buffer.from(lineBreaksOnly(bytes('a\nb\nc\n'), 2, 6)).toString()).toBe('\n\n');
  });

  it('keeps the listed lines whole where they lie inside the range', () => {
    const text = 'SELECT 1;\nDELIMITER $$\nCREATE x$$\n  delimiter ;\nSELECT 2;\n';
    const b = bytes(text);
    const kept = matchingLines(b, COMMAND);
    expect(Buffer.from(lineBreaksOnly(b, 0, b.length, kept)).toString()).toBe('\nDELIMITER $$\n\n  delimiter ;\n\n');
    // A line only partly inside the range is not kept.
    expect(Buffer.from(lineBreaksOnly(b, 12, b.length, kept)).toString()).toBe('\n\n  delimiter ;\n\n');
  });
});

describe('matchingLines', () => {
  const texts = [
    '',
    'delimiter $$',
    'SELECT 1;\nDELIMITER $$\r\nx$$\r  Delimiter ;  \n',
    'a\u2028delimiter $$\n',
    `${'é'.repeat(3_000_000)}\ndelimiter //\n${'SELECT 1;\r\n'.repeat(600_000)}DELIMITER ;\n`,
    `${'x'.repeat(5_000_000)}\ndelimiter //\n`,
    `${'\r'.repeat(512 * 1024 - 1)}\r\ndelimiter //\n`,
  ];
  it.each(texts.map((t, i) => [i, t]))('finds what a search of the whole text finds (text %i)', (_i, text) => {
    expect(matchingLines(bytes(text as string), COMMAND)).toEqual(naive(text as string, COMMAND));
  });
});

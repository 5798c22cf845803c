// Shared by the splitter tests: runs splitSql, checks every invariant of its result against a
// deliberately naive reference, and returns compact rows to compare with expectations.
import { Buffer } from 'node:buffer';
import { expect } from 'vitest';
import { splitSql } from '../../src/sql/split/index.js';
import type { Dialect, Statement } from '../../src/sql/types.js';

export const DIALECTS: Dialect[] = ['mysql', 'postgresql', 'oracle', 'sqlserver', 'spark'];

/** [startLine, startColumn, endLine, endColumn, text] */
export type Row = [number, number, number, number, string];

/** Splits, checks the invariants, and returns one row per statement. */
export function rows(input: string, dialect: Dialect): Row[] {
  const statements = splitSql(input, dialect);
  checkInvariants(input, statements);
  return statements.map((s) => [s.startLine, s.startColumn, s.endLine, s.endColumn, s.text]);
}

export function texts(input: string, dialect: Dialect): string[] {
  return rows(input, dialect).map((r) => r[4]);
}

export function startLines(input: string, dialect: Dialect): number[] {
  return rows(input, dialect).map((r) => r[0]);
}

/**
 * Line, column (1-based) and UTF-8 byte offset of every UTF-16 offset, computed the slow and
 * obvious way: Buffer.byteLength of each code unit in its context (a surrogate pair takes 4 bytes,
 * a lone surrogate 3), which sums to Buffer.byteLength of any whole string.
 */
function referencePositions(input: string): { line: number[]; column: number[]; byte: number[] } {
  const line: number[] = [];
  const column: number[] = [];
  const byte: number[] = [];
  let l = 1;
  let c = 1;
  let b = 0;
  for (let i = 0; i <= input.length; i++) {
    line.push(l);
    column.push(c);
    byte.push(b);
    const ch = input[i];
    if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) {
      l++;
      c = 1;
    } else {
      c++;
    }
    const code = input.charCodeAt(i);
    const paired = (code >= 0xd800 && code < 0xdc00 && /[\udc00-\udfff]/.test(input[i + 1] ?? '')) ||
      (code >= 0xdc00 && code < 0xe000 && /[\ud800-\udbff]/.test(input[i - 1] ?? ''));
    b += paired ? 2 : Buffer.byteLength(ch ?? '', 'utf8');
  }
  return { line, column, byte };
}

const WHITESPACE = /^[\t\n\v\f\r \uFEFF]|[\t\n\v\f\r \uFEFF]$/;

export function checkInvariants(input: string, statements: Statement[]): void {
  const ref = referencePositions(input);
  let rebuilt = '';
  let previousEnd = 0;
  for (const s of statements) {
    expect(s.start, 'spans are ordered and never overlap').toBeGreaterThanOrEqual(previousEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(WHITESPACE.test(s.text), `no surrounding whitespace: ${JSON.stringify(s.text)}`).toBe(false);
    expect([s.startLine, s.startColumn]).toEqual([ref.line[s.start], ref.column[s.start]]);
    expect([s.endLine, s.endColumn]).toEqual([ref.line[s.end - 1], ref.column[s.end - 1]]);
    expect(s.startByte).toBe(ref.byte[s.start]);
    expect(s.endByte).toBe(ref.byte[s.end]);
    rebuilt += input.slice(previousEnd, s.start) + s.text;
    previousEnd = s.end;
  }
  rebuilt += input.slice(previousEnd);
  expect(rebuilt === input, 'statements and the gaps between them rebuild the input').toBe(true);
}

/** Fragments that exercise every lexical rule of every dialect, mixed with plain SQL. */
const FRAGMENTS = [
  'SELECT', ' ', ' ', '\n', '\r\n', '\r', '\t', 'a', 'x1', ';', ';', ',', '(', ')', "'", '"', '`', '\\',
  "''", "'it''s'", "E'", "e'\\''", "q'[", ']', "q'!", '!', "N'", '[', ']]', '$', '$$', '$a$', '$1', '--',
  '-- ', '#', '/*', '*/', '/*!', '/*+', '/', '\n/\n', '\nGO\n', 'GO 2', 'go', '\nDELIMITER $$\n',
  '\nDELIMITER //\n', '\nDELIMITER ;\n', 'DELIMITER', '$$', '//', 'BEGIN', 'END', 'CASE', 'ELSE', 'TRAN',
  'CREATE OR REPLACE PROCEDURE p AS ', 'CREATE FUNCTION f() ', 'DECLARE', 'BEGIN ATOMIC', 'COPY t FROM stdin;\n',
  '\n\\.\n', 'REM x\n', 'SET DEFINE OFF', 'PROMPT -', '@', '张三', '😀', '\uD800', '\uDC00', '\uFEFF', '\0', '\f',
];

export function randomScript(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
  return out;
}

import { describe, expect, it } from 'vitest';
import { changedLinesFromPatch } from '../../src/github/patch.js';

const lines = (patch: string) => [...changedLinesFromPatch(patch)].sort((a, b) => a - b);

describe('changedLinesFromPatch', () => {
  it('reads added lines of a new file', () => {
    expect(lines('@@ -0,0 +1,3 @@\n+CREATE TABLE t (\n+  id INT\n+);')).toEqual([1, 2, 3]);
  });

  it('counts context and skips removed lines', () => {
    const patch = ['@@ -10,4 +10,5 @@ CREATE TABLE t', ' a', '-b', '+B', '+B2', ' c', ' d'].join('\n');
    expect(lines(patch)).toEqual([11, 12]);
  });

  it('handles several hunks', () => {
    const patch = ['@@ -1,2 +1,2 @@', '-x', '+X', ' y', '@@ -20,3 +20,4 @@', ' p', '+q', ' r', ' s'].join('\n');
    expect(lines(patch)).toEqual([1, 21]);
  });

  it('reads hunk headers without counts as one line', () => {
    expect(lines('@@ -3 +3 @@\n-old\n+new')).toEqual([3]);
    expect(lines('@@ -0,0 +1 @@\n+only')).toEqual([1]);
  });

  it('ignores "\\ No newline at end of file" on either side', () => {
    const patch = ['@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+b;', '\\ No newline at end of file'].join('\n');
    expect(lines(patch)).toEqual([2]);
  });

  it('reads content that looks like a file header as content', () => {
    // A removed SQL comment "-- x" shows as "--- x"; an added "++ y" as "+++ y".
    const patch = ['@@ -1,2 +1,2 @@', '--- x', '+++ y', ' SELECT 1;'].join('\n');
    expect(lines(patch)).toEqual([1]);
  });

  it('finds nothing in a deletion of the whole file', () => {
    expect(lines('@@ -1,2 +0,0 @@\n-a\n-b')).toEqual([]);
  });

  it('accepts CRLF patches, trailing newlines and an empty patch', () => {
    expect(lines('@@ -1,1 +1,2 @@\r\n a\r\n+b\r\n')).toEqual([2]);
    expect(lines('')).toEqual([]);
  });

  it('treats a blank line inside a hunk as context', () => {
    expect(lines('@@ -1,3 +1,4 @@\n a\n\n+c\n d')).toEqual([3]);
  });
});

import { describe, expect, it } from 'vitest';
import { withLoneCrAsLf } from '../../src/audit/utf8.js';

const asSent = (pieces: readonly string[]): string[] => [...withLoneCrAsLf(pieces.map((p) => Buffer.from(p, 'utf8')))].map((b) => Buffer.from(b).toString('utf8'));

describe('withLoneCrAsLf', () => {
  it('turns lone CRs into LFs but keeps a CRLF, also one split between two pieces', () => {
    expect(asSent(['a\rb\r', '\nc\r', 'd\r'])).toEqual(['a\nb\r', '\nc\n', 'd\n']);
    expect(asSent(['x\r\ny\r\r\n'])).toEqual(['x\r\ny\n\r\n']);
  });

  it('passes pieces without a CR on as they are, and never changes its input', () => {
    const plain = Buffer.from('select "é";\n');
    const withCr = Buffer.from('a\rb');
    const out = [...withLoneCrAsLf([plain, withCr])];
    expect(out[0]).toBe(plain);
    expect(withCr.toString()).toBe('a\rb');
    expect(Buffer.from(out[1] ?? []).toString()).toBe('a\nb');
  });
});

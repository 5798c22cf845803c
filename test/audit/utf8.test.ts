import { describe, expect, it } from 'vitest';
import { utf8Of as bytesOf } from '../../src/audit/utf8.js';

const utf8Of = (pieces: readonly string[], options = {}): string => bytesOf(pieces, options).toString('utf8');

describe('utf8Of', () => {
  it('encodes the joined pieces', () => {
    expect(utf8Of(['select ', '"é"', '', ';\r\n'])).toBe('select "é";\r\n');
  });

  it('turns lone CRs into LFs but keeps a CRLF split between two pieces', () => {
    const pieces = ['a\rb\r', '\nc\r', 'd\r'];
    expect(utf8Of(pieces, { loneCrToLf: true })).toBe('a\nb\r\nc\nd\n');
    expect(utf8Of(pieces)).toBe(pieces.join(''));
  });
});

// Property and randomized tests: for any input, in every dialect, splitting never throws and its
// result satisfies every invariant (see checkInvariants); pathological inputs stay linear.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/bench-split/seeded-random.js';
import { decodeSqlFile } from '../../src/sql/encoding.js';
import { splitSql } from '../../src/sql/split/index.js';
import { DIALECTS, checkInvariants, randomScript } from './split-helpers.js';

describe('splitter properties', () => {
  it.each(DIALECTS)('holds the invariants on random scripts (%s)', (dialect) => {
    const random = seededRandom(0x5eed + dialect.length);
    for (let run = 0; run < 400; run++) {
      const script = randomScript(random, 1 + Math.floor(random() * 60));
      checkInvariants(script, splitSql(script, dialect));
    }
  });

  it.each(DIALECTS)('never throws on arbitrary bytes, decoded or not (%s)', (dialect) => {
    const random = seededRandom(0xb17e5 + dialect.length);
    for (let run = 0; run < 300; run++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256));
      const decoded = decodeSqlFile(bytes);
      const text = decoded.ok ? decoded.text : Buffer.from(bytes).toString('latin1');
      checkInvariants(text, splitSql(text, dialect));
      const units = String.fromCharCode(...Array.from({ length: 100 }, () => Math.floor(random() * 0x10000)));
      expect(() => splitSql(units, dialect)).not.toThrow();
    }
  });

  it('returns statements that split again into themselves (plain ; dialect text)', () => {
    // Without the syntax whose reading depends on what follows a statement's end (a `--` at the
    // very end is a MySQL comment) or on earlier context (DELIMITER, GO, / lines, dollar quotes).
    const random = seededRandom(42);
    for (let run = 0; run < 200; run++) {
      const script = randomScript(random, 40).replace(/DELIMITER|\\|GO|\/|\$|-/g, ' ');
      for (const dialect of ['mysql', 'postgresql', 'spark'] as const) {
        for (const s of splitSql(script, dialect)) {
          const again = splitSql(s.text, dialect);
          expect(again.length).toBeGreaterThanOrEqual(1);
          expect(again[0]?.start).toBe(0);
        }
      }
    }
  });
});

describe('linear time on pathological inputs', () => {
  const MB = 1 << 20;
  const cases: Record<string, string> = {
    'unterminated string full of backslashes': "SELECT '" + '\\x'.repeat(MB / 2),
    'many backslashes, then quotes far away': ("'" + '\\'.repeat(1000) + "x'").repeat(MB / 1003),
    'unterminated dollar quotes': '$a$ '.repeat(MB / 4),
    'unclosed block comments': '/* '.repeat(MB / 3),
    'nested comment openers': '/*'.repeat(MB / 2),
    'slash lines and blank lines': '\n/\n \n'.repeat(MB / 5),
    'GO-like lines': '\nGOX\ngo'.repeat(MB / 7),
    'DELIMITER lines': 'DELIMITER $$\n'.repeat(MB / 13),
    'DELIMITER lines with an unclosed quote': "DELIMITER '\n".repeat(MB / 12),
    'a long delimiter that almost matches everywhere': `DELIMITER ${'a'.repeat(5000)}\n${'a'.repeat(MB)}`,
    'delimiter-like lines inside a statement': 'SELECT\ndelimiter ;;;;\n'.repeat(MB / 22),
    'terminators only': ';'.repeat(MB),
    'long run of whitespace before slashes': (' '.repeat(5000) + '/').repeat(MB / 5001),
    'BEGIN words in a routine': 'CREATE PROCEDURE p AS ' + 'BEGIN CASE '.repeat(MB / 11),
  };
  // A quadratic scan of ~1 MB takes hours, so the test's timeout catches it; the measured speed and
  // linearity targets live in npm run bench:split, not in a timed assertion that a busy machine could fail.
  it.each(Object.keys(cases))('%s: ~1 MB completes for every dialect', { timeout: 30_000 }, (name) => {
    const text = cases[name] as string;
    for (const dialect of DIALECTS) {
      const statements = splitSql(text, dialect);
      expect(statements.length).toBeLessThanOrEqual(text.length);
    }
  });
});

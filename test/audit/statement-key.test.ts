import { describe, expect, it } from 'vitest';
import { statementHash, statementHashOfBytes, statementKey } from '../../src/audit/statement-key.js';
import { seededRandom } from '../../scripts/bench-split/seeded-random.js';

const PIECES = ['😀', 'İ', 'Σ', '\u2028', '\r', 'SELECT', 'select', ' ', '\n', '\t', '\u3000', '\u00a0', ';', ';;', 'a', 'A', 'É', 'é', '张', '-- c\n', '/* c */', '/*+ hint */', '#x\n', '1', "'", '\uFEFF'];

describe('statementHash', () => {
  it('is equal exactly when statementKey is equal, on many generated variants', () => {
    const random = seededRandom(0x4a5b);
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => PIECES[Math.floor(random() * PIECES.length)]).join(''));
    const byKey = new Map<string, string>();
    const byHash = new Map<string, string>();
    for (const text of texts) {
      const key = statementKey(text);
      const hash = statementHash(text);
      if (byKey.has(key)) expect(hash).toBe(byKey.get(key));
      else byKey.set(key, hash);
      if (byHash.has(hash)) expect(key).toBe(byHash.get(hash));
      else byHash.set(hash, key);
    }
    expect(byKey.size).toBeGreaterThan(500);
  });

  it('ignores what statementKey ignores', () => {
    expect(statementHash('-- note\n  SELECT  *\nFROM t ;; ')).toBe(statementHash('select * from T'));
    expect(statementHash('SELECT 1; SELECT 2')).not.toBe(statementHash('SELECT 1 SELECT 2'));
    expect(statementHash('')).toBe(statementHash(' ;\n'));
  });
});

describe('statementHashOfBytes', () => {
  const random = seededRandom(0x77);
  const generated = Array.from({ length: 2000 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => PIECES[Math.floor(random() * PIECES.length)]).join(''));
  const long = [`/* ${'注'.repeat(3000)} */ SELECT 1;`, `-- ${'x'.repeat(5000)}\nSELECT 2`, `${' '.repeat(4094)}😀 SELECT`, `/* ${'a'.repeat(4090)}`, `SELECT '${'é'.repeat(10_000)}';`];

  it('hashes the bytes as statementHash hashes their text', () => {
    for (const text of [...generated, ...long]) {
      const bytes = Buffer.from(`xx${text}yy`, 'utf8');
      expect(statementHashOfBytes(bytes, 2, bytes.length - 2)).toBe(statementHash(text));
    }
  });
});

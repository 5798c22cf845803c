// splitUtf8 must locate exactly what splitSql locates in the decoded text, whatever the window
// size: same count and order, same lines, columns and byte offsets. Compared on every string the
// splitter tests hold, the fixtures, the benchmark's SQL, random scripts, and scripts built so that
// windows cut at every line of the tricky places; and it must decode only about a window at a time.
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { cleanFile, dumpFile, findingsFile } from '../../scripts/bench/corpus.js';
import { seededRandom } from '../../scripts/bench-split/seeded-random.js';
import { splitSql, splitUtf8 } from '../../src/sql/split/index.js';
import type { Dialect, Located } from '../../src/sql/types.js';
import { DIALECTS, randomScript } from './split-helpers.js';

const WINDOWS = [1, 2, 3, 7, 16, 64, 1000, undefined];
const testDir = fileURLToPath(new URL('.', import.meta.url));

function expected(text: string, dialect: Dialect): Located[] {
  return splitSql(text, dialect).map(({ text: _text, start: _start, end: _end, ...located }) => located);
}

/** splitUtf8 agrees with splitSql on `text` for every window size given. */
function expectSameAsSplitSql(text: string, dialect: Dialect, windows: readonly (number | undefined)[] = WINDOWS): void {
  const want = expected(text, dialect);
  const bytes = Buffer.from(text, 'utf8');
  for (const windowBytes of windows) {
    const got = splitUtf8(bytes, dialect, { windowBytes });
    expect(got, `${dialect}, windowBytes ${windowBytes}, input ${JSON.stringify(text.slice(0, 200))}`).toStrictEqual(want);
  }
}

/** Every window size from 1 to past the end: the first cut then falls after every line in turn. */
function everyWindow(text: string): number[] {
  return Array.from({ length: Buffer.byteLength(text) + 1 }, (_, i) => i + 1);
}

/**
 * The inputs of the other splitter tests: each string literal of test/sql/split-*.ts, each array of
 * string literals joined by line breaks (how they build multi-line scripts), and all of one file's
 * literals joined by line breaks.
 */
function splitterTestStrings(): string[] {
  const strings = new Set<string>();
  const files = readdirSync(testDir).filter((f) => /^split-.*\.ts$/.test(f) && f !== 'split-windowed.test.ts');
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(testDir, file), 'utf8'), ts.ScriptTarget.Latest);
    const all: string[] = [];
    const visit = (node: ts.Node): void => {
      if (isStringLike(node)) {
        all.push(node.text);
      } else if (ts.isArrayLiteralExpression(node) && node.elements.length > 1 && node.elements.every(isStringLike)) {
        strings.add(node.elements.map((e) => (e as ts.StringLiteralLike).text).join('\n'));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const s of all) strings.add(s);
    strings.add(all.join('\n'));
  }
  return [...strings];
}

function isStringLike(node: ts.Node): node is ts.StringLiteralLike {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** The fixture scripts that are UTF-8 (the others hold the same text in other encodings). */
function utf8Fixtures(): string[] {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const texts: string[] = [];
  for (const entry of readdirSync(join(testDir, 'fixtures'), { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.sql')) continue;
    try {
      texts.push(decoder.decode(readFileSync(join(testDir, 'fixtures', entry))));
    } catch {
      // not UTF-8
    }
  }
  return texts;
}

describe('splitUtf8 agrees with splitSql', () => {
  const testStrings = splitterTestStrings();
  const fixtures = utf8Fixtures();
  const corpus = [...testStrings, ...fixtures, cleanFile(1) + findingsFile(2, 30), dumpFile(150_000).text];

  it('has a corpus that covers every dialect rule (sanity of the collection)', () => {
    expect(testStrings.length).toBeGreaterThan(300);
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
    for (const marker of ['DELIMITER', '\nGO', '\n/', 'COPY', '$$', "q'", 'BEGIN ATOMIC', '\r\n', '张三', '😀']) {
      expect(corpus.some((s) => s.includes(marker)), marker).toBe(true);
    }
  });

  it.each(DIALECTS)('on every input of the splitter tests, the fixtures and the benchmark SQL (%s)', (dialect) => {
    for (const text of corpus) expectSameAsSplitSql(text, dialect);
  });

  it.each(DIALECTS)('on random scripts of every lexical rule (%s)', (dialect) => {
    const random = seededRandom(0x3a1d0 + dialect.length);
    for (let run = 0; run < 300; run++) {
      // Lone surrogates do not survive UTF-8: compare on what the bytes hold.
      const text = Buffer.from(randomScript(random, 1 + Math.floor(random() * 80)), 'utf8').toString('utf8');
      expectSameAsSplitSql(text, dialect);
    }
  });
});

describe('splitUtf8 where windows cut', () => {
  const delimiterScript = [
    'SELECT 1;',
    'DELIMITER $$',
    'CREATE PROCEDURE p() BEGIN SELECT 1; END$$',
    'SELECT 2 $$ SELECT 3$$',
    'delimiter ;;',
    'SELECT 4;; DELIMITER //',
    'SELECT 5 //',
    'CREATE PROCEDURE q()',
    'BEGIN',
    '  SELECT 6;',
    'END',
    'DELIMITER ;',
    'SELECT 7;',
  ].join('\n');

  it('carries the MySQL delimiter across windows that end right before or right after a DELIMITER line', () => {
    expect(expected(delimiterScript, 'mysql')).toHaveLength(8);
    expectSameAsSplitSql(delimiterScript, 'mysql', everyWindow(delimiterScript));
  });

  it.each(DIALECTS)('counts lines across windows in CRLF and CR files, with pairs at window edges (%s)', (dialect) => {
    const lf = `${delimiterScript}\nCREATE TABLE t (a INT)\nGO\nSELECT 1 FROM dual\n/\nSELECT 'x\ny';\n-- tail\n`;
    for (const text of [lf, lf.replaceAll('\n', '\r\n'), lf.replaceAll('\n', '\r'), lf.replaceAll('\n', '\r\r\n')]) {
      expectSameAsSplitSql(text, dialect, everyWindow(text));
    }
  });

  it.each(DIALECTS)('keeps columns and bytes right around multi-byte characters at window edges (%s)', (dialect) => {
    const text = "SELECT '张三';😀SELECT '😀😀' AS 表;\n  INSERT INTO t VALUES ('李四'), ('🎉');\n注释;😀\n😀;\nSELECT 1;";
    expectSameAsSplitSql(text, dialect, everyWindow(text));
  });

  it('keeps a surrogate pair whole when a MySQL delimiter cut to 15 units ends inside it', () => {
    const text = `DELIMITER ${'a'.repeat(14)}😀\nSELECT 1${'a'.repeat(14)}😀SELECT 2${'a'.repeat(14)}😀\nSELECT 3\n`;
    expect(expected(text, 'mysql')).toHaveLength(3);
    expectSameAsSplitSql(text, 'mysql', everyWindow(text));
  });

  it.each(DIALECTS)('handles a statement much longer than the window (%s)', (dialect) => {
    const rows = Array.from({ length: 400 }, (_, i) => `  (${i}, 'row ${i}; 行')`).join(',\n');
    const text = `SELECT 0;\nINSERT INTO t VALUES\n${rows};\nSELECT 1;\n`;
    expectSameAsSplitSql(text, dialect, [1, 16, 100, 1000]);
  });

  it.each(DIALECTS)('handles one long line without line breaks, and long lines between short ones (%s)', (dialect) => {
    const long = 'SELECT 1; '.repeat(1000);
    expectSameAsSplitSql(long, dialect, [1, 64, 1000]);
    expectSameAsSplitSql(`SELECT 0;\n${long}\nSELECT 2;\n${long}\n`, dialect, [1, 64, 1000]);
  });

  it.each(DIALECTS)('keeps the look-behind right after thousands of blanks before a GO or DELIMITER line (%s)', (dialect) => {
    const blanks = ' \t'.repeat(3000);
    const text = `SELECT 1\n${blanks}GO\nSELECT 2\n${blanks}DELIMITER //\nSELECT 3 //\n${blanks}/\nSELECT 4;\n${blanks}GO\n`;
    expectSameAsSplitSql(text, dialect, [1, 50, 7000, 20000]);
  });

  it.each(DIALECTS)('ends with an unterminated statement or a comment-only tail, or holds nothing (%s)', (dialect) => {
    for (const text of [
      'SELECT 1;\nSELECT 2;\nSELECT 3',
      "SELECT 1;\nSELECT 'open\n;\n;",
      'SELECT 1;\nSELECT 2;\n-- the end\n/* really\n the end */\n\n',
      'SELECT 1;\n/* never closed;\nSELECT 2;\n',
      '',
      '\n\n\r\n',
      '-- only\n/* comments */\n',
    ]) {
      expectSameAsSplitSql(text, dialect, everyWindow(text));
    }
  });

  it('reads bytes that are a view into a larger buffer', () => {
    const text = 'SELECT 1;\nSELECT 2;\n';
    const backing = Buffer.from(`garbage;\n${text}more;\n`, 'utf8');
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 9, Buffer.byteLength(text));
    for (const windowBytes of WINDOWS) expect(splitUtf8(view, 'mysql', { windowBytes })).toStrictEqual(expected(text, 'mysql'));
  });

  it('rejects a window smaller than a byte', () => {
    for (const windowBytes of [0, -1, Number.NaN]) {
      expect(() => splitUtf8(Buffer.from('SELECT 1;'), 'mysql', { windowBytes })).toThrow(RangeError);
    }
  });
});

describe('splitUtf8 memory and time', () => {
  /** The lengths, in bytes, of the pieces of `bytes` that splitUtf8 decodes into strings. */
  function decodedLengths(bytes: Buffer, dialect: Dialect, windowBytes?: number): { lengths: number[]; located: Located[] } {
    const lengths: number[] = [];
    const prototype: { toString(encoding?: BufferEncoding, start?: number, end?: number): string } = Buffer.prototype;
    const toString = prototype.toString;
    vi.spyOn(prototype, 'toString').mockImplementation(function (this: Buffer, encoding, start, end) {
      if (this.buffer === bytes.buffer) lengths.push((end ?? this.length) - (start ?? 0));
      return toString.call(this, encoding, start, end);
    });
    try {
      return { lengths, located: splitUtf8(bytes, dialect, { windowBytes }) };
    } finally {
      vi.restoreAllMocks();
    }
  }

  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

  it('decodes one window of whole lines at a time, and each byte about once', () => {
    const text = findingsFile(1, 3000);
    const bytes = Buffer.from(text, 'utf8');
    const longestLine = Math.max(...text.split('\n').map((line) => line.length + 1));
    const { lengths, located } = decodedLengths(bytes, 'mysql', 1000);
    expect(located).toStrictEqual(expected(text, 'mysql'));
    expect(lengths.length).toBeGreaterThan(bytes.length / 1000);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(1000 + longestLine);
    expect(sum(lengths)).toBeLessThan(bytes.length * 1.2);
  });

  it('decodes by default windows short enough to be ordinary heap strings (under ~1 MB)', () => {
    const text = dumpFile(4_000_000).text;
    const { lengths, located } = decodedLengths(Buffer.from(text, 'utf8'), 'mysql');
    expect(located).toHaveLength(expected(text, 'mysql').length);
    expect(lengths.length).toBeGreaterThan(4);
    expect(Math.max(...lengths)).toBeLessThan(1_000_000);
  });

  it('doubles the window for a statement longer than it, so the work stays linear', () => {
    const text = `SELECT 0;\nINSERT INTO t VALUES\n${"(1, 'x'),\n".repeat(100_000)}(2, 'y');\nSELECT 1;\n`;
    const bytes = Buffer.from(text, 'utf8');
    const { lengths, located } = decodedLengths(bytes, 'mysql', 1);
    expect(located).toStrictEqual(expected(text, 'mysql'));
    expect(sum(lengths)).toBeLessThan(bytes.length * 5);
  });

  it('returns plain positions that hold no text', () => {
    const located = splitUtf8(Buffer.from(cleanFile(3), 'utf8'), 'mysql', { windowBytes: 64 });
    expect(located).toHaveLength(5);
    for (const l of located) {
      expect(Object.keys(l).sort()).toEqual(['endByte', 'endColumn', 'endLine', 'startByte', 'startColumn', 'startLine']);
      expect(Object.values(l).every((v) => typeof v === 'number')).toBe(true);
    }
  });
});

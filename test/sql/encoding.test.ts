import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSqlFile, utf8SqlFile } from '../../src/sql/encoding.js';
import { splitSql } from '../../src/sql/split/index.js';

const sample = (name: string): Uint8Array => readFileSync(new URL(`./fixtures/encodings/${name}`, import.meta.url));
const utf8Text = readFileSync(new URL('./fixtures/encodings/a_utf8.sql', import.meta.url), 'utf8');

function decodedText(bytes: Uint8Array): string {
  const decoded = decodeSqlFile(bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.text;
}

describe('decodeSqlFile on the samples uploaded to the real SQLE', () => {
  it.each([
    ['a_utf8.sql', 'utf-8'],
    ['b_gbk.sql', 'gb18030'],
    ['c_utf16le_bom.sql', 'utf-16le'],
    ['d_utf8_bom.sql', 'utf-8-bom'],
  ])('reads %s as %s, to the same text as the UTF-8 file', (name, encoding) => {
    expect(decodeSqlFile(sample(name))).toEqual({ ok: true, text: utf8Text, encoding });
  });

  it('keeps the statements on the lines SQLE found in the UTF-8 control (2, 8, 9, 10)', () => {
    for (const name of ['b_gbk.sql', 'c_utf16le_bom.sql', 'd_utf8_bom.sql']) {
      expect(splitSql(decodedText(sample(name)), 'mysql').map((s) => s.startLine)).toEqual([2, 8, 9, 10]);
    }
    expect(utf8Text).toContain('张三');
  });

  it('reads UTF-16 BE with a byte-order mark', () => {
    const be = Buffer.from(sample('c_utf16le_bom.sql')).swap16();
    expect(decodeSqlFile(be)).toEqual({ ok: true, text: utf8Text, encoding: 'utf-16be' });
  });
});

describe('decodeSqlFile', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('keeps CRLF and lone CR line breaks exactly', () => {
    const text = 'SELECT 1;\r\nSELECT 2;\rSELECT 3;\n';
    expect(decodeSqlFile(bytes(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeSqlFile(utf16)).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(splitSql(text, 'mysql').map((s) => s.startLine)).toEqual([1, 2, 3]);
  });

  it('removes only the byte-order mark, not a second U+FEFF', () => {
    expect(decodeSqlFile(bytes('\uFEFF\uFEFFx'))).toEqual({ ok: true, text: '\uFEFFx', encoding: 'utf-8-bom' });
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeSqlFile(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  it('reports a binary file with the offset of its first NUL byte', () => {
    expect(decodeSqlFile(Uint8Array.from([0x53, 0x45, 0x4c, 0, 1, 2]))).toEqual({
      ok: false,
      error: 'binary file (NUL byte at offset 3)',
    });
    expect(decodeSqlFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\0')]))).toEqual({
      ok: false,
      error: 'binary file (NUL byte at offset 4)',
    });
  });

  it('reports NUL characters and broken UTF-16', () => {
    const withNul = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\nb\0', 'utf16le')]);
    expect(decodeSqlFile(withNul)).toEqual({ ok: false, error: 'binary file (NUL character at line 2)' });
    expect(decodeSqlFile(Uint8Array.from([0xff, 0xfe, 0x41]))).toEqual({
      ok: false,
      error: 'invalid UTF-16LE: odd number of bytes',
    });
    expect(decodeSqlFile(Uint8Array.from([0xfe, 0xff, 0xd8, 0x00, 0x00, 0x41]))).toMatchObject({ ok: false });
    expect(decodeSqlFile(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toMatchObject({ ok: false, error: expect.stringContaining('UTF-32') });
  });

  it('reports control characters as binary, naming the line', () => {
    expect(decodeSqlFile(bytes('SELECT 1;\n\x07\x08'))).toEqual({
      ok: false,
      error: 'binary file (control character 0x07 at line 2)',
    });
  });

  it('reports bytes that are neither UTF-8 nor GB18030', () => {
    const decoded = decodeSqlFile(Uint8Array.from([0x53, 0xff, 0xff, 0x53]));
    expect(decoded).toEqual({ ok: false, error: 'not text in a supported encoding (neither valid UTF-8 nor GB18030/GBK)' });
  });

  it('reports invalid UTF-8 after a UTF-8 byte-order mark', () => {
    expect(decodeSqlFile(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toMatchObject({ ok: false, error: expect.stringContaining('UTF-8') });
  });

  it('decodes 20 MB of UTF-8 with every line intact', () => {
    const line = "INSERT INTO t VALUES (1, '张三');\n";
    const decoded = decodeSqlFile(bytes(line.repeat(600_000)));
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(decoded.ok && decoded.text.length).toBe(line.length * 600_000);
  });
});

describe('utf8SqlFile', () => {
  const inputs: [string, Uint8Array][] = [
    ...['a_utf8.sql', 'b_gbk.sql', 'c_utf16le_bom.sql', 'd_utf8_bom.sql'].map((name): [string, Uint8Array] => [name, sample(name)]),
    ['empty', new Uint8Array()],
    ['bom only', Uint8Array.from([0xef, 0xbb, 0xbf])],
    ['control character after Chinese', Buffer.from('-- 注释\nSELECT 1;\n\x07')],
    ['control character past 1 MiB', Buffer.from(`${'SELECT 1;\n'.repeat(200_000)}\x1b`)],
    ['NUL', Uint8Array.from([0x53, 0x45, 0x4c, 0, 1, 2])],
    ['neither UTF-8 nor GB18030', Uint8Array.from([0x53, 0xff, 0xff, 0x53])],
    ['invalid UTF-8 after a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28])],
    ['UTF-32', Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])],
  ];

  it.each(inputs)('gives the UTF-8 of what decodeSqlFile decodes, or its error (%s)', (_name, input) => {
    const decoded = decodeSqlFile(input);
    const utf8 = utf8SqlFile(input);
    if (!decoded.ok) expect(utf8).toEqual(decoded);
    else expect(utf8).toEqual({ ok: true, bytes: Buffer.from(decoded.text, 'utf8'), encoding: decoded.encoding });
  });

  it("returns a UTF-8 file's own bytes, not a copy", () => {
    const file = Buffer.from('\uFEFFSELECT 1;\n', 'utf8');
    const utf8 = utf8SqlFile(file);
    expect(utf8.ok && utf8.bytes.buffer).toBe(file.buffer);
  });
});

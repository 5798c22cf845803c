// Reading a SQL file's bytes as text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else
// GB18030 (a superset of GBK). Line breaks are kept as they are, so line numbers do not change.
// All scanning of the bytes is done by native calls (indexOf, isUtf8, TextDecoder, one regex), and
// UTF-8 is validated in place then decoded straight into a string, with no intermediate copy.
import { Buffer, isUtf8 } from 'node:buffer';

export type DecodedFile =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; error: string };

type Encoding = Extract<DecodedFile, { ok: true }>['encoding'];

export type Utf8File = { ok: true; bytes: Buffer; encoding: Encoding } | { ok: false; error: string };

/**
 * The file as UTF-8 bytes without a BOM, checked as decodeSqlFile checks it. A UTF-8 file is
 * validated and checked in place and never decoded into a string: its bytes are returned as they
 * are (no copy), which is what lets a 100 MB file be audited without holding it twice.
 */
export function utf8SqlFile(bytes: Uint8Array): Utf8File {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? buffer.subarray(3) : buffer;
  if (!isUtf8(body) || bytes.indexOf(0) >= 0 || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const decoded = decodeSqlFile(bytes);
    return decoded.ok ? { ok: true, bytes: Buffer.from(decoded.text, 'utf8'), encoding: decoded.encoding } : decoded;
  }
  const control = firstControlByte(body);
  if (control >= 0) {
    const code = (body[control] as number).toString(16).padStart(2, '0').toUpperCase();
    const before = body.toString('utf8', 0, control);
    return { ok: false, error: `binary file (control character 0x${code} at line ${lineOf(before, before.length)})` };
  }
  return { ok: true, bytes: body, encoding: bom ? 'utf-8-bom' : 'utf-8' };
}

/** Control characters are ASCII, so in UTF-8 they are single bytes: looked for byte by byte, allocating nothing. */
function firstControlByte(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c < 0x20 && IS_CONTROL[c] === 1) return i;
  }
  return -1;
}

/** C0 controls that no text file holds (tab, line breaks, form feed and Ctrl-Z are allowed). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\x01-\x08\x0e-\x19\x1b-\x1f]/;
const IS_CONTROL = Uint8Array.from({ length: 0x20 }, (_, c) => (CONTROL_CHARACTER.test(String.fromCharCode(c)) ? 1 : 0));

export function decodeSqlFile(bytes: Uint8Array): DecodedFile {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return { ok: false, error: 'UTF-32 text is not supported (convert the file to UTF-8)' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be');

  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, error: `binary file (NUL byte at offset ${nul})` };

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const body = buffer.subarray(3);
    if (!isUtf8(body)) return { ok: false, error: 'invalid UTF-8 after the UTF-8 byte-order mark' };
    return checked(body.toString('utf8'), 'utf-8-bom');
  }
  if (isUtf8(buffer)) return checked(buffer.toString('utf8'), 'utf-8');
  const gb = decode('gb18030', bytes);
  if (gb !== undefined) return checked(gb, 'gb18030');
  return { ok: false, error: 'not text in a supported encoding (neither valid UTF-8 nor GB18030/GBK)' };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedFile {
  if (bytes.length % 2 !== 0) return { ok: false, error: `invalid ${encoding.toUpperCase()}: odd number of bytes` };
  const text = decode(encoding, bytes.subarray(2));
  if (text === undefined) return { ok: false, error: `invalid ${encoding.toUpperCase()} (unpaired surrogate)` };
  const nul = text.indexOf('\0');
  if (nul >= 0) return { ok: false, error: `binary file (NUL character at line ${lineOf(text, nul)})` };
  return checked(text, encoding);
}

/** Rejects text holding control characters: such a file is binary, or decoded with the wrong encoding. */
function checked(text: string, encoding: Encoding): DecodedFile {
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(2, '0').toUpperCase();
    return { ok: false, error: `binary file (control character 0x${code} at line ${lineOf(text, control.index)})` };
  }
  return { ok: true, text, encoding };
}

/** Decodes strictly (no replacement characters, BOM kept as text); undefined when the bytes are invalid. */
function decode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** 1-based line of a UTF-16 offset (`\r\n`, `\n` and lone `\r` are line breaks); for error messages. */
function lineOf(text: string, offset: number): number {
  const before = text.slice(0, offset);
  return 1 + (before.match(/\r\n|\n|\r/g)?.length ?? 0);
}

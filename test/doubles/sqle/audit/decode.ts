// How SQLE turns uploaded bytes into text: valid UTF-8 is kept as is (a BOM stays as U+FEFF),
// anything else is decoded as GBK with Go's x/text decoder (invalid bytes become U+FFFD, NUL
// bytes stay), which is why UTF-16 comes out as garbage with \u0000 characters.

let gbkTable: Map<number, string> | undefined;

/** Two-byte GBK code -> character, built once from the platform's WHATWG GBK index (the one Go uses too). */
function table(): Map<number, string> {
  if (gbkTable) return gbkTable;
  const pairs: number[] = [];
  const bytes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pairs.push((lead << 8) | trail);
      bytes.push(lead, trail, 0x0a);
    }
  }
  const decoded = new TextDecoder('gbk').decode(Uint8Array.from(bytes)).split('\n');
  gbkTable = new Map();
  pairs.forEach((code, i) => {
    const ch = decoded[i];
    if (ch !== undefined && ch !== '\ufffd' && [...ch].length === 1) gbkTable?.set(code, ch);
  });
  return gbkTable;
}

/** Go's simplifiedchinese.GBK decoder. */
export function decodeGbk(bytes: Uint8Array): string {
  const map = table();
  const out: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const c0 = bytes[i] as number;
    if (c0 < 0x80) {
      out.push(String.fromCharCode(c0));
      i += 1;
    } else if (c0 === 0x80) {
      out.push('\u20ac');
      i += 1;
    } else if (c0 === 0xff || i + 1 >= bytes.length) {
      out.push('\ufffd');
      i += 1;
    } else {
      const c1 = bytes[i + 1] as number;
      if ((c1 >= 0x40 && c1 < 0x7f) || (c1 >= 0x80 && c1 < 0xff)) {
        out.push(map.get((c0 << 8) | c1) ?? '\ufffd');
        i += 2;
      } else {
        out.push('\ufffd');
        i += 1;
      }
    }
  }
  return out.join('');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text SQLE audits for an uploaded .sql/.xml file. */
export function decodeUpload(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeGbk(bytes);
  }
}

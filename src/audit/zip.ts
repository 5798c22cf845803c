import { deflateChunks } from './deflate.js';
import { chunksOf, piecesLength } from './pieces.js';
import type { Unit } from './plan.js';
import { withLoneCrAsLf } from './utf8.js';

/**
 * The zip entry name of each unit: its repository path, except that SQLE only reads entries ending
 * in lower-case `.sql`/`.xml` (sqle-real 30), so other extensions get one appended.
 */
export function entryNames(units: readonly Unit[]): string[] {
  const used = new Set<string>();
  return units.map((unit) => {
    const path = unit.source.path;
    const base = unit.source.xml ? path.replace(/\.xml$/i, '.xml') : path.endsWith('.sql') ? path : `${path}.sql`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = base.replace(/(\.sql|\.xml)$/, `~${n}$1`);
    used.add(name);
    return name;
  });
}

/**
 * Every file goes as UTF-8 without a BOM and with lone CRs turned into LFs, so SQLE counts lines as
 * we do. Entries are deflated by Node's zlib, one after the other on its thread pool (native
 * memory, nothing left for the JS garbage collector), and framed as a plain zip: local headers,
 * the central directory and its end record, UTF-8 names. The zip is returned as the chunks it is
 * made of, joined only once, into the request body.
 */
export async function buildZip(units: readonly Unit[], names: readonly string[]): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [i, unit] of units.entries()) {
    const data = await deflateChunks(withLoneCrAsLf(chunksOf(unit.pieces)), piecesLength(unit.pieces));
    const entry = { name: Buffer.from(names[i] as string, 'utf8'), crc: data.crc, size: data.size, compressedSize: data.compressedSize, offset };
    const local = header('local', entry);
    parts.push(local, ...data.chunks);
    central.push(header('central', entry));
    offset += local.length + data.compressedSize;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(units.length, 8);
  end.writeUInt16LE(units.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return [...parts, directory, end];
}

/** 2020-01-01 00:00 in MS-DOS form: fixed, so the same files always give the same bytes. */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
}

function header(kind: 'local' | 'central', e: Entry): Buffer {
  const local = kind === 'local';
  const h = Buffer.alloc((local ? 30 : 46) + e.name.length);
  let at = 0;
  const u16 = (v: number): void => void (at = h.writeUInt16LE(v, at));
  const u32 = (v: number): void => void (at = h.writeUInt32LE(v >>> 0, at));
  u32(local ? 0x04034b50 : 0x02014b50);
  if (!local) u16(20); // version made by
  u16(20); // version needed to extract
  u16(UTF8_NAMES);
  u16(DEFLATE);
  u16(0); // time
  u16(DOS_DATE);
  u32(e.crc);
  u32(e.compressedSize);
  u32(e.size);
  u16(e.name.length);
  u16(0); // extra field length
  if (!local) {
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(e.offset);
  }
  e.name.copy(h, at);
  return h;
}

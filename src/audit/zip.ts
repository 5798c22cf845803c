import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Unit } from './plan.js';

/** Fixed so that the same files always give the same bytes. */
const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');

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

/** Every file goes as UTF-8 without a BOM and with lone CRs turned into LFs, so SQLE counts lines as we do. */
export function buildZip(units: readonly Unit[], names: readonly string[]): Uint8Array {
  const files: Zippable = {};
  units.forEach((unit, i) => {
    files[names[i] as string] = [strToU8(unit.text.replace(/\r(?!\n)/g, '\n')), { level: 6, mtime: ZIP_MTIME }];
  });
  return zipSync(files);
}

import { deflateSync } from 'fflate';
import type { Statement } from '../sql/types.js';
import type { SourceFile } from './sources.js';

/** SQLE stores at most 3,120 statements per record (sqle-real 143–146); keep a margin. */
export const STATEMENT_CAP = 3000;
/** SQLE refuses zips over 10,485,760 bytes (sqle-real 100–105); keep a margin for zip headers. */
export const ZIP_BYTE_CAP = 10 * 1024 * 1024 - 512 * 1024;

/** A file, or a part of a file too large for one record, as it goes into a zip. */
export interface Unit {
  source: SourceFile;
  /** The text sent: the file, or for a part the file with every other statement blanked (line breaks kept). */
  text: string;
  /** Our statements that this unit carries (all of the file, or the part's range). */
  statements: Statement[];
  statementCount: number;
  compressedBytes: number;
  part?: { index: number; of: number };
}

export interface PlannedRecord {
  units: Unit[];
  statements: number;
  compressedBytes: number;
}

export interface Caps {
  statements: number;
  bytes: number;
}

/** Groups files into as few records as fit SQLE's caps, splitting a file that alone would not fit. */
export function planRecords(sources: readonly SourceFile[], caps: Caps = { statements: STATEMENT_CAP, bytes: ZIP_BYTE_CAP }): PlannedRecord[] {
  const units = sources.flatMap((source) => unitsOf(source, caps));
  const records: PlannedRecord[] = [];
  let current: PlannedRecord | undefined;
  for (const unit of units) {
    const fits =
      current &&
      current.statements + unit.statementCount <= caps.statements &&
      current.compressedBytes + unit.compressedBytes <= caps.bytes &&
      !current.units.some((u) => u.source.path === unit.source.path);
    if (!fits || !current) {
      current = { units: [], statements: 0, compressedBytes: 0 };
      records.push(current);
    }
    current.units.push(unit);
    current.statements += unit.statementCount;
    current.compressedBytes += unit.compressedBytes;
  }
  return records;
}

const ZIP_ENTRY_OVERHEAD = 128;

/** What an entry adds to the zip: its deflated text, headers and (twice) its name. */
function zipEntryBytes(text: string, path: string): number {
  return deflateSync(Buffer.from(text, 'utf8'), { level: 6 }).length + ZIP_ENTRY_OVERHEAD + 2 * Buffer.byteLength(path);
}

function unitsOf(source: SourceFile, caps: Caps): Unit[] {
  const compressed = zipEntryBytes(source.text, source.path);
  const whole: Unit = { source, text: source.text, statements: source.statements, statementCount: source.statementCount, compressedBytes: compressed };
  if ((source.statementCount <= caps.statements && compressed <= caps.bytes) || source.statements.length < 2) return [whole];
  const units = partRanges(source, caps, compressed).flatMap((range) => fitPart(source, range, caps));
  units.forEach((unit, i) => (unit.part = { index: i + 1, of: units.length }));
  return units;
}

/**
 * Consecutive statement ranges, each within the statement cap and, by its share of the file's
 * text (comments and blank lines before a statement go with it), within the byte cap.
 */
function partRanges(source: SourceFile, caps: Caps, compressed: number): [number, number][] {
  const statements = source.statements;
  const bytesPerByte = compressed / Math.max(1, Buffer.byteLength(source.text));
  const ranges: [number, number][] = [];
  let from = 0;
  let bytes = 0;
  statements.forEach((statement, i) => {
    const size = (statement.endByte - (statements[i - 1]?.endByte ?? 0)) * bytesPerByte;
    if (i > from && (i - from >= caps.statements || bytes + size > caps.bytes)) {
      ranges.push([from, i]);
      from = i;
      bytes = 0;
    }
    bytes += size;
  });
  ranges.push([from, statements.length]);
  return ranges;
}

/** The part carrying statements [from, to), halved until its real deflated size fits (one statement always goes alone). */
function fitPart(source: SourceFile, [from, to]: [number, number], caps: Caps): Unit[] {
  const text = keepOnly(source.text, source.statements, from, to);
  const compressedBytes = zipEntryBytes(text, source.path);
  if (compressedBytes > caps.bytes && to - from > 1) {
    const middle = Math.floor((from + to) / 2);
    return [...fitPart(source, [from, middle], caps), ...fitPart(source, [middle, to], caps)];
  }
  const statements = source.statements.slice(from, to);
  return [{ source, text, statements, statementCount: statements.length, compressedBytes, part: { index: 0, of: 0 } }];
}

const DELIMITER_LINE = /^[ \t]*delimiter[ \t]+\S+[ \t]*$/i;

/**
 * The file with everything outside statements [from, to) replaced by nothing, keeping every line
 * break (so SQLE reports the file's real lines) and every MySQL DELIMITER line (so the part still
 * parses as the file does). The kept region runs from the end of the statement before to the start
 * of the statement after, so only terminators and comments come along.
 */
function keepOnly(text: string, all: readonly Statement[], from: number, to: number): string {
  const keepFrom = from === 0 ? 0 : (all[from - 1]?.end ?? 0);
  const keepTo = all[to]?.start ?? text.length;
  return blank(text.slice(0, keepFrom)) + text.slice(keepFrom, keepTo) + blank(text.slice(keepTo));
}

function blank(segment: string): string {
  return segment.replace(LINE_CONTENT, (line) => (DELIMITER_LINE.test(line) ? line : ''));
}

const LINE_CONTENT = /[^\r\n]+/g;

import { deflateRawSync } from 'node:zlib';
import type { Statement } from '../sql/types.js';
import type { SourceFile } from './sources.js';
import { utf8Of } from './utf8.js';

/** SQLE stores at most 3,120 statements per record (sqle-real 143–146); keep a margin. */
export const STATEMENT_CAP = 3000;
/** SQLE refuses zips over 10,485,760 bytes (sqle-real 100–105); keep a margin for zip headers. */
export const ZIP_BYTE_CAP = 10 * 1024 * 1024 - 512 * 1024;

/** A file, or a part of a file too large for one record, as it goes into a zip. */
export interface Unit {
  source: SourceFile;
  /**
   * The text sent, as strings to encode one after the other without joining them: the file, or
   * for a part the file with every other statement blanked (line breaks kept; built when read).
   */
  readonly pieces: readonly string[];
  /** Our statements that this unit carries (all of the file, or the part's range). */
  statements: Statement[];
  statementCount: number;
  /** What the unit adds to the zip: exact once measured, else an upper bound that needs no deflating. */
  compressedBytes: number;
  exact: boolean;
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
    if (!current || !fits(current, unit, caps)) {
      current = { units: [], statements: 0, compressedBytes: 0 };
      records.push(current);
    }
    current.units.push(unit);
    current.statements += unit.statementCount;
    current.compressedBytes += unit.compressedBytes;
  }
  return records;
}

/** Whether the unit joins the record; sizes are only measured (deflated) when their bounds say it might not. */
function fits(record: PlannedRecord, unit: Unit, caps: Caps): boolean {
  if (record.statements + unit.statementCount > caps.statements) return false;
  if (record.units.some((u) => u.source.path === unit.source.path)) return false;
  if (record.compressedBytes + unit.compressedBytes <= caps.bytes) return true;
  for (const u of [unit, ...record.units]) measure(u);
  record.compressedBytes = record.units.reduce((sum, u) => sum + u.compressedBytes, 0);
  return record.compressedBytes + unit.compressedBytes <= caps.bytes;
}

function measure(unit: Unit): void {
  if (unit.exact) return;
  unit.compressedBytes = deflatedBytes(unit.pieces) + entryOverhead(unit.source.path);
  unit.exact = true;
}

const ZIP_ENTRY_OVERHEAD = 128;

/** What an entry adds to the zip besides its deflated text: headers and (twice) its name. */
function entryOverhead(path: string): number {
  return ZIP_ENTRY_OVERHEAD + 2 * Buffer.byteLength(path);
}

function deflatedBytes(pieces: readonly string[]): number {
  return deflateRawSync(utf8Of(pieces), { level: 6 }).length;
}

/** zlib's deflateBound: deflate never makes `bytes` bytes larger than this. */
function deflateBound(bytes: number): number {
  return bytes + (bytes >> 12) + (bytes >> 14) + (bytes >> 25) + 13;
}

/** Files up to this size are deflated whole when their size matters; larger ones are sampled first. */
const DEFLATE_WHOLE_BYTES = 16 * 1024 * 1024;
const SAMPLE_BYTES = 1024 * 1024;
const SAMPLES = 4;

/** Deflated bytes per byte of a large text, from a few slices spread over it. */
function sampledRatio(text: string): number {
  let raw = 0;
  let deflated = 0;
  for (let k = 0; k < SAMPLES; k++) {
    const at = Math.floor(((text.length - SAMPLE_BYTES) * k) / (SAMPLES - 1));
    const slice = text.slice(Math.max(0, at), Math.max(0, at) + SAMPLE_BYTES);
    raw += Buffer.byteLength(slice);
    deflated += deflatedBytes([slice]);
  }
  return deflated / Math.max(1, raw);
}

function unitsOf(source: SourceFile, caps: Caps): Unit[] {
  const bytes = Buffer.byteLength(source.text);
  const whole = (compressedBytes: number, exact: boolean): Unit[] => [
    { source, pieces: [source.text], statements: source.statements, statementCount: source.statementCount, compressedBytes, exact },
  ];
  const bound = deflateBound(bytes) + entryOverhead(source.path);
  if ((source.statementCount <= caps.statements && bound <= caps.bytes) || source.statements.length < 2) return whole(bound, false);
  let ratio: number;
  if (bytes <= DEFLATE_WHOLE_BYTES) {
    const compressed = deflatedBytes([source.text]) + entryOverhead(source.path);
    if (source.statementCount <= caps.statements && compressed <= caps.bytes) return whole(compressed, true);
    ratio = compressed / Math.max(1, bytes);
  } else ratio = sampledRatio(source.text);
  const units = partRanges(source, caps, ratio).flatMap((range) => fitPart(source, range, caps));
  units.forEach((unit, i) => (unit.part = { index: i + 1, of: units.length }));
  return units;
}

/**
 * Consecutive statement ranges, each within the statement cap and, by its share of the file's
 * text (comments and blank lines before a statement go with it), within the byte cap.
 */
function partRanges(source: SourceFile, caps: Caps, bytesPerByte: number): [number, number][] {
  const statements = source.statements;
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
  const compressedBytes = deflatedBytes(keepOnly(source.text, source.statements, from, to)) + entryOverhead(source.path);
  if (compressedBytes > caps.bytes && to - from > 1) {
    const middle = Math.floor((from + to) / 2);
    return [...fitPart(source, [from, middle], caps), ...fitPart(source, [middle, to], caps)];
  }
  const statements = source.statements.slice(from, to);
  // The part's text is built again when it is zipped rather than held for the whole run.
  return [
    {
      source,
      get pieces() {
        return keepOnly(source.text, source.statements, from, to);
      },
      statements,
      statementCount: statements.length,
      compressedBytes,
      exact: true,
      part: { index: 0, of: 0 },
    },
  ];
}

/**
 * The file, as three pieces to join, with everything outside statements [from, to) replaced by
 * nothing, keeping every line break (so SQLE reports the file's real lines) and every MySQL
 * DELIMITER line (so the part still parses as the file does). The kept region runs from the end of the statement before to the start
 * of the statement after, so only terminators and comments come along.
 */
function keepOnly(text: string, all: readonly Statement[], from: number, to: number): string[] {
  const keepFrom = from === 0 ? 0 : (all[from - 1]?.end ?? 0);
  const keepTo = all[to]?.start ?? text.length;
  return [blank(text.slice(0, keepFrom)), text.slice(keepFrom, keepTo), blank(text.slice(keepTo))];
}

/**
 * The segment with every line emptied except DELIMITER lines. Lines are cleared by one plain
 * replace (a replace callback per line made planning a 100 MB file take hundreds of MB).
 */
function blank(segment: string): string {
  let blanked = '';
  let at = 0;
  for (const m of segment.matchAll(DELIMITER_LINES)) {
    const end = m.index + m[0].length;
    // With the m flag, U+2028/U+2029 also end a line; only whole CR/LF-delimited lines are kept.
    if (!isLineEdge(segment, m.index - 1) || !isLineEdge(segment, end)) continue;
    blanked += segment.slice(at, m.index).replace(LINE_CONTENT, '') + m[0];
    at = end;
  }
  return blanked + segment.slice(at).replace(LINE_CONTENT, '');
}

function isLineEdge(text: string, i: number): boolean {
  const c = text[i];
  return c === undefined || c === '\n' || c === '\r';
}

const LINE_CONTENT = /[^\r\n]+/g;
const DELIMITER_LINES = /^[ \t]*delimiter[ \t]+\S+[ \t]*$/gim;

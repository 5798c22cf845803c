import type { FileContent } from './content.js';
import { deflatedSize } from './deflate.js';
import { chunksOf, piecesLength, type Piece } from './pieces.js';
import type { SourceFile, SourceStatement } from './sources.js';

/** SQLE stores at most 3,120 statements per record (sqle-real 143–146); keep a margin. */
export const STATEMENT_CAP = 3000;
/** SQLE refuses zips over 10,485,760 bytes (sqle-real 100–105); keep a margin for zip headers. */
export const ZIP_BYTE_CAP = 10 * 1024 * 1024 - 512 * 1024;

/** A file, or a part of a file too large for one record, as it goes into a zip. */
export interface Unit {
  source: SourceFile;
  /**
   * What is sent, as pieces sent one after the other without joining them: the file, or for a
   * part the file with every other statement blanked (line breaks kept).
   */
  readonly pieces: readonly Piece[];
  /** Our statements that this unit carries (all of the file, or the part's range). */
  statements: SourceStatement[];
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
export async function planRecords(sources: readonly SourceFile[], caps: Caps = { statements: STATEMENT_CAP, bytes: ZIP_BYTE_CAP }): Promise<PlannedRecord[]> {
  const units: Unit[] = [];
  for (const source of sources) units.push(...(await unitsOf(source, caps)));
  const records: PlannedRecord[] = [];
  let current: PlannedRecord | undefined;
  for (const unit of units) {
    if (!current || !(await fits(current, unit, caps))) {
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
async function fits(record: PlannedRecord, unit: Unit, caps: Caps): Promise<boolean> {
  if (record.statements + unit.statementCount > caps.statements) return false;
  if (record.units.some((u) => u.source.path === unit.source.path)) return false;
  if (record.compressedBytes + unit.compressedBytes <= caps.bytes) return true;
  for (const u of [unit, ...record.units]) await measure(u);
  record.compressedBytes = record.units.reduce((sum, u) => sum + u.compressedBytes, 0);
  return record.compressedBytes + unit.compressedBytes <= caps.bytes;
}

async function measure(unit: Unit): Promise<void> {
  if (unit.exact) return;
  unit.compressedBytes = (await measuredSize(unit.pieces)) + entryOverhead(unit.source.path);
  unit.exact = true;
}

const measuredSize = (pieces: readonly Piece[]): Promise<number> => deflatedSize(chunksOf(pieces), piecesLength(pieces));

const ZIP_ENTRY_OVERHEAD = 128;

/** What an entry adds to the zip besides its deflated text: headers and (twice) its name. */
function entryOverhead(path: string): number {
  return ZIP_ENTRY_OVERHEAD + 2 * Buffer.byteLength(path);
}

/** zlib's deflateBound: deflate never makes `bytes` bytes larger than this. */
function deflateBound(bytes: number): number {
  return bytes + (bytes >> 12) + (bytes >> 14) + (bytes >> 25) + 13;
}

/** Files up to this size are deflated whole when their size matters; larger ones are sampled first. */
const DEFLATE_WHOLE_BYTES = 16 * 1024 * 1024;
const SAMPLE_BYTES = 1024 * 1024;
const SAMPLES = 4;

/** Deflated bytes per byte of a large file, from a few slices spread over it. */
async function sampledRatio(content: FileContent): Promise<number> {
  let raw = 0;
  let deflated = 0;
  for (let k = 0; k < SAMPLES; k++) {
    const at = Math.max(0, Math.floor(((content.length - SAMPLE_BYTES) * k) / (SAMPLES - 1)));
    const slice = content.read(at, Math.min(content.length, at + SAMPLE_BYTES));
    raw += slice.length;
    deflated += await measuredSize([slice]);
  }
  return deflated / Math.max(1, raw);
}

async function unitsOf(source: SourceFile, caps: Caps): Promise<Unit[]> {
  const bytes = source.content.length;
  const whole = (compressedBytes: number, exact: boolean): Unit[] => [
    {
      source,
      pieces: [{ content: source.content, from: 0, to: bytes }],
      statements: source.statements,
      statementCount: source.statementCount,
      compressedBytes,
      exact,
    },
  ];
  const bound = deflateBound(bytes) + entryOverhead(source.path);
  if ((source.statementCount <= caps.statements && bound <= caps.bytes) || source.statements.length < 2) return whole(bound, false);
  let ratio: number;
  if (bytes <= DEFLATE_WHOLE_BYTES) {
    const compressed = (await measuredSize([{ content: source.content, from: 0, to: bytes }])) + entryOverhead(source.path);
    if (source.statementCount <= caps.statements && compressed <= caps.bytes) return whole(compressed, true);
    ratio = compressed / Math.max(1, bytes);
  } else ratio = await sampledRatio(source.content);
  // Parts are measured concurrently: each is a deflate stream on zlib's thread pool over slices of the bytes.
  const units = (await Promise.all(partRanges(source, caps, ratio).map((range) => fitPart(source, range, caps)))).flat();
  units.forEach((unit, i) => (unit.part = { index: i + 1, of: units.length }));
  return units;
}

const ESTIMATE_MARGIN = 0.95;

/**
 * Consecutive statement ranges, each within the statement cap and, by its share of the file's
 * text (comments and blank lines before a statement go with it), within the byte cap.
 */
function partRanges(source: SourceFile, caps: Caps, bytesPerByte: number): [number, number][] {
  const statements = source.statements;
  const ranges: [number, number][] = [];
  // The ratio is an estimate: a part planned right up to the cap often measures just over it and is halved.
  const target = caps.bytes * ESTIMATE_MARGIN;
  let from = 0;
  let bytes = 0;
  statements.forEach((statement, i) => {
    const size = (statement.endByte - (statements[i - 1]?.endByte ?? 0)) * bytesPerByte;
    if (i > from && (i - from >= caps.statements || bytes + size > target)) {
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
async function fitPart(source: SourceFile, [from, to]: [number, number], caps: Caps): Promise<Unit[]> {
  const pieces = keepOnly(source, from, to);
  const compressedBytes = (await measuredSize(pieces)) + entryOverhead(source.path);
  if (compressedBytes > caps.bytes && to - from > 1) {
    const middle = Math.floor((from + to) / 2);
    return [...(await fitPart(source, [from, middle], caps)), ...(await fitPart(source, [middle, to], caps))];
  }
  const statements = source.statements.slice(from, to);
  return [
    {
      source,
      pieces,
      statements,
      statementCount: statements.length,
      compressedBytes,
      exact: true,
      part: { index: 0, of: 0 },
    },
  ];
}

/**
 * The file, as three pieces to send one after the other, with everything outside statements
 * [from, to) replaced by nothing, keeping every line break (so SQLE reports the file's real lines)
 * and every MySQL DELIMITER line (so the part still parses as the file does): slices of the file's
 * skeleton around the part's own bytes. The kept region runs from the end of the statement before
 * to the start of the statement after, so only terminators and comments come along.
 */
function keepOnly(source: SourceFile, from: number, to: number): Piece[] {
  const { content, statements } = source;
  const skeleton = source.skeleton();
  const keepFrom = from === 0 ? 0 : (statements[from - 1]?.endByte ?? 0);
  const keepTo = statements[to]?.startByte ?? content.length;
  const skeletonFrom = from === 0 ? 0 : (skeleton.atEnd[from - 1] ?? 0);
  const skeletonTo = to < statements.length ? (skeleton.atStart[to] ?? skeleton.bytes.length) : skeleton.bytes.length;
  return [skeleton.bytes.subarray(0, skeletonFrom), { content, from: keepFrom, to: keepTo }, skeleton.bytes.subarray(skeletonTo)];
}

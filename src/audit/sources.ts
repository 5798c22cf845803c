import fs from 'node:fs';
import type { ChangedLines, Target } from '../files/targets.js';
import { isXmlPath } from '../files/globs.js';
import type { ReadResult } from '../files/read.js';
import type { AuditedFile } from '../model.js';
import { utf8SqlFile, type Utf8File } from '../sql/encoding.js';
import { splitUtf8 } from '../sql/split/index.js';
import type { Dialect, Located } from '../sql/types.js';
import { inMemory, onDisk, type FileContent } from './content.js';
import { delimiterLinesOf, type DelimiterLine } from './delimiter-lines.js';
import { skeletonOf, type Skeleton } from './skeleton.js';
import { statementHashOfBytes } from './statement-key.js';

/**
 * A file ready to audit: its content as sent to SQLE and, for SQL, where its statements are and
 * how each compares with SQLE's text. Text is decoded from the content when and where needed.
 */
export interface SourceFile {
  path: string;
  /** UTF-8 without a byte-order mark; other encodings are transcoded. */
  content: FileContent;
  encoding: string;
  xml: boolean;
  /** Empty for MyBatis XML: SQLE extracts those statements itself. */
  statements: SourceStatement[];
  /** For XML, an estimate of the statements SQLE will extract (one per select/insert/update/delete tag). */
  statementCount: number;
  /** Lines holding a MySQL DELIMITER command. */
  delimiters: DelimiterLine[];
  /** What parts of the file keep of the rest of it: built when a file is first split, if ever. */
  skeleton: () => Skeleton;
  changedLines: ChangedLines;
}

export interface SourceStatement extends Located {
  /** statementHash of its text, computed while the file was in memory. */
  hash: string;
}

/**
 * From this size a UTF-8 file is read back from the checkout when needed rather than held for the
 * whole run: placing SQLE's rows and zipping the parts only need a statement or a part at a time.
 */
const READ_BACK_BYTES = 16 * 1024 * 1024;
const MAPPER_STATEMENT = /<(select|insert|update|delete)\b/gi;

/** The text of bytes [from, to) of the file (the whole file by default). */
export function textOf(source: Pick<SourceFile, 'content'>, from = 0, to = source.content.length): string {
  return source.content.read(from, to).toString('utf8');
}

export async function loadSources(
  targets: readonly Target[],
  read: (path: string) => Promise<ReadResult>,
  dialect: Dialect,
): Promise<{ sources: SourceFile[]; files: AuditedFile[] }> {
  const sources: SourceFile[] = [];
  const files: AuditedFile[] = [];
  for (const target of targets) {
    const source = await loadSource(target, read, dialect);
    if ('error' in source) {
      files.push({ path: target.path, statements: 0, error: source.error });
      continue;
    }
    sources.push(source);
    files.push({ path: target.path, statements: source.statementCount, encoding: source.encoding });
  }
  return { sources, files };
}

async function loadSource(target: Target, read: (path: string) => Promise<ReadResult>, dialect: Dialect): Promise<SourceFile | { error: string }> {
  const file = await read(target.path);
  if (!file.ok) return { error: file.error };
  const utf8 = utf8SqlFile(file.bytes);
  if (!utf8.ok) return { error: utf8.error };
  const source = sourceFromUtf8(target.path, utf8.bytes, dialect, { encoding: utf8.encoding, changedLines: target.changedLines });
  const content = readBack(file, utf8);
  if (!content) return source;
  // Built now, while the bytes are at hand: read back, they would come a statement at a time.
  const skeleton = source.skeleton();
  return { ...source, content, skeleton: () => skeleton };
}

/** A file ready to audit from its UTF-8 bytes (without a BOM), held in memory. */
export function sourceFromUtf8(path: string, bytes: Buffer, dialect: Dialect, options: { encoding?: string; changedLines?: ChangedLines } = {}): SourceFile {
  const xml = isXmlPath(path);
  const statements = xml ? [] : splitUtf8(bytes, dialect).map((s) => ({ ...s, hash: statementHashOfBytes(bytes, s.startByte, s.endByte) }));
  const delimiters = xml ? [] : delimiterLinesOf(bytes);
  let skeleton: Skeleton | undefined;
  return {
    path,
    content: inMemory(bytes),
    encoding: options.encoding ?? 'utf-8',
    xml,
    statements,
    statementCount: xml ? (bytes.toString('utf8').match(MAPPER_STATEMENT)?.length ?? 0) : statements.length,
    delimiters,
    skeleton: () => (skeleton ??= skeletonOf(bytes, statements, delimiters)),
    changedLines: options.changedLines ?? 'all',
  };
}

/** A large UTF-8 file's content, read back from the file itself (past its BOM); undefined when it must stay in memory. */
function readBack(file: Extract<ReadResult, { ok: true }>, utf8: Extract<Utf8File, { ok: true }>): FileContent | undefined {
  if (utf8.bytes.length < READ_BACK_BYTES || utf8.bytes.buffer !== file.bytes.buffer) return undefined;
  let fd: number;
  try {
    fd = fs.openSync(file.path, 'r');
  } catch {
    return undefined;
  }
  if (fs.fstatSync(fd).size !== file.bytes.length) {
    fs.closeSync(fd);
    return undefined;
  }
  return onDisk(fd, utf8.bytes.byteOffset - file.bytes.byteOffset, utf8.bytes.length);
}

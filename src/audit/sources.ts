import type { ChangedLines, Target } from '../files/targets.js';
import { isXmlPath } from '../files/globs.js';
import type { ReadResult } from '../files/read.js';
import type { AuditedFile } from '../model.js';
import { decodeSqlFile } from '../sql/encoding.js';
import { splitSql } from '../sql/split/index.js';
import type { Dialect, Statement } from '../sql/types.js';

/** A file ready to audit: decoded text and, for SQL, its statements as our splitter sees them. */
export interface SourceFile {
  path: string;
  text: string;
  encoding: string;
  xml: boolean;
  /** Empty for MyBatis XML: SQLE extracts those statements itself. */
  statements: Statement[];
  /** For XML, an estimate of the statements SQLE will extract (one per select/insert/update/delete tag). */
  statementCount: number;
  changedLines: ChangedLines;
}

const MAPPER_STATEMENT = /<(select|insert|update|delete)\b/gi;

export async function loadSources(
  targets: readonly Target[],
  read: (path: string) => Promise<ReadResult>,
  dialect: Dialect,
): Promise<{ sources: SourceFile[]; files: AuditedFile[] }> {
  const sources: SourceFile[] = [];
  const files: AuditedFile[] = [];
  for (const target of targets) {
    const bytes = await read(target.path);
    if (!bytes.ok) {
      files.push({ path: target.path, statements: 0, error: bytes.error });
      continue;
    }
    const decoded = decodeSqlFile(bytes.bytes);
    if (!decoded.ok) {
      files.push({ path: target.path, statements: 0, error: decoded.error });
      continue;
    }
    const xml = isXmlPath(target.path);
    const statements = xml ? [] : splitSql(decoded.text, dialect);
    const statementCount = xml ? (decoded.text.match(MAPPER_STATEMENT)?.length ?? 0) : statements.length;
    sources.push({ path: target.path, text: decoded.text, encoding: decoded.encoding, xml, statements, statementCount, changedLines: target.changedLines });
    files.push({ path: target.path, statements: statementCount, encoding: decoded.encoding });
  }
  return { sources, files };
}

// The statements of the dli-files, in the order they would run, classified and located.
import { splitSql } from '../sql/split/index.js';
import { classify, type Classification } from './classify.js';
import { readQualifiedName, tokenize } from './spark-tokens.js';
import { normalizeSql, statementHash } from './tags.js';

export interface PlannedStatement {
  file: string;
  startLine: number;
  endLine: number;
  sql: string;
  classification: Classification;
  /** The database the statement runs in: the file's last `USE` before it, else dli-database. */
  currentdb?: string;
  /** DDL only: identifies the statement's jobs (see tags.ts). */
  hash?: string;
  /** Other statements: why they are not sent. */
  note?: string;
}

export interface SourceFile {
  path: string;
  text: string;
}

/** Files in path order, statements in file order. */
export function planStatements(files: SourceFile[], database: string | undefined, repository?: string): PlannedStatement[] {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sorted.flatMap((file) => planFile(file, database, repository));
}

function planFile(file: SourceFile, database: string | undefined, repository: string | undefined): PlannedStatement[] {
  const seen = new Map<string, number>();
  let currentdb = database;
  const planned: PlannedStatement[] = [];
  for (const stmt of splitSql(file.text, 'spark')) {
    if (!stmt.text.trim()) continue;
    const classification = classify(stmt);
    const base = { file: file.path, startLine: stmt.startLine, endLine: stmt.endLine, sql: stmt.text, classification };
    if (classification.kind === 'other') {
      const used = classification.verb === 'USE' ? usedDatabase(stmt.text) : undefined;
      if (used) currentdb = used;
      planned.push({ ...base, ...(used ? { note: `not sent: "${used}" is the currentdb of the following statements of this file` } : {}) });
      continue;
    }
    const key = normalizeSql(stmt.text);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const hash = statementHash({ file: file.path, occurrence, sql: stmt.text, ...(repository ? { repository } : {}) });
    // A database statement must not run inside a database (it may be the one being created).
    const db = classification.target?.type === 'database' ? undefined : currentdb;
    planned.push({ ...base, hash, ...(db ? { currentdb: db } : {}) });
  }
  return planned;
}

function usedDatabase(text: string): string | undefined {
  const tokens = tokenize(text);
  return readQualifiedName(tokens, 1)?.parts.join('.');
}

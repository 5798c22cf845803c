// Job tags that make submission exactly-once across re-runs and new commits.
//
// A statement is identified by its repository, file, the exact text (line endings normalised) and
// which occurrence of that text in the file it is. The commit is recorded as a second tag, for
// people reading DLI's job list, but is NOT part of the lookup: a statement that FINISHED once is
// never run again, neither on a re-run of the same commit nor on a later commit (e.g. after a fix
// of a later statement, the next run resumes at the first statement whose text has no FINISHED job).
import type { JobTag } from './client.js';
import { sha256Hex } from './signer.js';

export const STATEMENT_TAG = 'sqle_action_stmt';
export const COMMIT_TAG = 'sqle_action_commit';

export interface StatementIdentity {
  repository?: string;
  file: string;
  /** 0 for the first statement with this exact text in the file, 1 for the second... */
  occurrence: number;
  sql: string;
}

export function normalizeSql(sql: string): string {
  return sql.replace(/\r\n?/g, '\n');
}

export function statementHash(id: StatementIdentity): string {
  return sha256Hex(JSON.stringify([id.repository ?? '', id.file, id.occurrence, normalizeSql(id.sql)]));
}

export function jobTags(hash: string, commitSha: string): JobTag[] {
  const tags = [{ key: STATEMENT_TAG, value: hash }];
  if (/^[0-9A-Za-z]+$/.test(commitSha)) tags.push({ key: COMMIT_TAG, value: commitSha });
  return tags;
}

/** The lookup filter: the statement tag only (see above). */
export function lookupTags(hash: string): JobTag[] {
  return [{ key: STATEMENT_TAG, value: hash }];
}

// Which statements of a change depend on DDL earlier in the same change (for check mode, where
// nothing has been applied yet, DLI cannot verify them).
import type { Classification } from './classify.js';
import { readQualifiedName, tokenize } from './spark-tokens.js';

const DEFAULT_DATABASE = 'default';

/** What a DDL statement creates, changes or drops: a database `db`, or an object as `db.name`. */
export function touchedNames(classification: Classification, currentdb: string | undefined): string[] {
  const names: string[] = [];
  for (const name of [classification.target?.name, classification.renamedTo]) {
    if (!name?.length) continue;
    names.push(classification.target?.type === 'database' ? name.join('.') : resolve(name, currentdb));
  }
  return names;
}

/**
 * What a statement may need to exist: the database it runs in, and for every (qualified) name in
 * it, the name itself, its database qualifier and its resolution in the current database.
 */
export function referencedNames(sql: string, currentdb: string | undefined): Set<string> {
  const tokens = tokenize(sql);
  const names = new Set<string>([currentdb?.toLowerCase() ?? DEFAULT_DATABASE]);
  for (let i = 0; i < tokens.length; ) {
    const read = tokens[i]?.kind === 'number' ? undefined : readQualifiedName(tokens, i);
    if (!read) {
      i += 1;
      continue;
    }
    const parts = read.parts.slice(-2);
    names.add(parts.join('.'));
    names.add(parts[0] ?? '');
    if (parts.length === 1) names.add(resolve(parts, currentdb));
    i = read.next;
  }
  return names;
}

/** The first name touched earlier that the statement refers to, if any. */
export function dependency(sql: string, currentdb: string | undefined, touched: ReadonlySet<string>): string | undefined {
  for (const name of referencedNames(sql, currentdb)) if (touched.has(name)) return name;
  return undefined;
}

function resolve(name: string[], currentdb: string | undefined): string {
  const parts = name.slice(-2);
  return parts.length > 1 ? parts.join('.') : `${currentdb?.toLowerCase() ?? DEFAULT_DATABASE}.${parts[0] ?? ''}`;
}

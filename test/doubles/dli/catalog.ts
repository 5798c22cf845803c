// The double's metadata: databases with their tables/views and functions, built up by FINISHED
// DDL jobs and consulted by the semantic check (check-sql and job execution).
import type { Effects, Kind } from './spark-parse.js';

export interface SemanticError {
  code: 'DLI.0005' | 'DLI.0006' | 'DLI.0007';
  message: string;
}

interface Database {
  tables: Set<string>;
  functions: Set<string>;
}

export class Catalog {
  private readonly dbs = new Map<string, Database>();

  /** `default` always exists. */
  constructor(initial: Record<string, string[]> = {}) {
    this.ensure('default');
    for (const [db, tables] of Object.entries(initial)) {
      const d = this.ensure(db.toLowerCase());
      for (const t of tables) d.tables.add(t.toLowerCase());
    }
  }

  databases(): Record<string, string[]> {
    return Object.fromEntries([...this.dbs].map(([name, db]) => [name, [...db.tables].sort()]));
  }

  hasTable(db: string, table: string): boolean {
    return this.dbs.get(db)?.tables.has(table) ?? false;
  }

  check(e: Effects, currentdb: string | undefined): SemanticError | undefined {
    const current = currentdb?.toLowerCase() ?? 'default';
    if (e.creates) {
      const { kind, name, ifNotExists, orReplace } = e.creates;
      if (kind === 'database') {
        const db = name.join('.');
        if (db === 'default' && !ifNotExists) return { code: 'DLI.0007', message: 'The database named default is built in and cannot be created' };
        if (this.dbs.has(db) && !ifNotExists) return { code: 'DLI.0006', message: `Database '${db}' already exists` };
      } else {
        const [db, object] = resolve(name, current);
        if (!this.dbs.has(db)) return notFoundDb(db);
        if (this.has(kind, db, object) && !ifNotExists && !orReplace) return { code: 'DLI.0006', message: `${label(kind)} '${object}' already exists in database '${db}'` };
      }
    }
    if (e.drops && !e.drops.ifExists) {
      const missing = this.missing(e.drops.kind, e.drops.name, current);
      if (missing) return missing;
    }
    if (e.alters) {
      const missing = this.missing(e.alters.kind, e.alters.name, current);
      if (missing) return missing;
      if (e.renamesTo) {
        const [db, object] = resolve(e.renamesTo, current);
        if (this.has('table', db, object)) return { code: 'DLI.0006', message: `Table or view '${object}' already exists in database '${db}'` };
      }
    }
    for (const read of e.reads) {
      const missing = this.missing('table', read, current);
      if (missing) return missing;
    }
    return undefined;
  }

  apply(e: Effects, currentdb: string | undefined): void {
    const current = currentdb?.toLowerCase() ?? 'default';
    if (e.creates) {
      if (e.creates.kind === 'database') this.ensure(e.creates.name.join('.'));
      else {
        const [db, object] = resolve(e.creates.name, current);
        this.set(e.creates.kind, db)?.add(object);
      }
    }
    if (e.drops) {
      if (e.drops.kind === 'database') this.dbs.delete(e.drops.name.join('.'));
      else {
        const [db, object] = resolve(e.drops.name, current);
        this.set(e.drops.kind, db)?.delete(object);
      }
    }
    if (e.alters && e.renamesTo) {
      const [db, object] = resolve(e.alters.name, current);
      const [newDb, newObject] = resolve(e.renamesTo, db);
      this.set('table', db)?.delete(object);
      this.set('table', newDb)?.add(newObject);
    }
  }

  private missing(kind: Kind, name: string[], current: string): SemanticError | undefined {
    if (kind === 'database') {
      const db = name.join('.');
      return this.dbs.has(db) ? undefined : notFoundDb(db);
    }
    const [db, object] = resolve(name, current);
    if (!this.dbs.has(db)) return notFoundDb(db);
    if (this.has(kind, db, object)) return undefined;
    return kind === 'function'
      ? { code: 'DLI.0005', message: `Undefined function: '${object}'. This function is neither a registered temporary function nor a permanent function registered in the database '${db}'` }
      : { code: 'DLI.0005', message: `Table or view not found: ${db}.${object}` };
  }

  private has(kind: Kind, db: string, object: string): boolean {
    return this.set(kind, db)?.has(object) ?? false;
  }

  private set(kind: Kind, db: string): Set<string> | undefined {
    const d = this.dbs.get(db);
    return kind === 'function' ? d?.functions : d?.tables;
  }

  private ensure(db: string): Database {
    const existing = this.dbs.get(db);
    if (existing) return existing;
    const created: Database = { tables: new Set(), functions: new Set() };
    this.dbs.set(db, created);
    return created;
  }
}

/** `t` → [current, t]; `db.t` → [db, t]; `catalog.db.t` → [db, t]. */
function resolve(name: string[], current: string): [string, string] {
  const object = name[name.length - 1] ?? '';
  const db = name.length > 1 ? (name[name.length - 2] ?? current) : current;
  return [db, object];
}

function notFoundDb(db: string): SemanticError {
  return { code: 'DLI.0005', message: `[SCHEMA_NOT_FOUND] The schema \`${db}\` cannot be found. Database '${db}' not found` };
}

function label(kind: Kind): string {
  return kind === 'function' ? 'Function' : 'Table or view';
}

// The double's own small Spark SQL reader (independent of src/): a shape check that rejects what
// Spark's parser would reject in the tests, and the objects a statement reads, creates or drops.

export interface Tok {
  kind: 'word' | 'ident' | 'string' | 'number' | 'punct';
  /** Words upper-cased, identifiers lower-cased, strings unquoted. */
  text: string;
  /** Lower-cased, for words used as names. */
  name: string;
  /** As written. */
  raw: string;
  line: number;
  pos: number;
}

export class SparkSyntaxError extends Error {}

export function lex(sql: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const push = (kind: Tok['kind'], text: string, name: string, at: number, raw: string): void => {
    toks.push({ kind, text, name, raw, line, pos: at - lineStart });
  };
  while (i < sql.length) {
    const c = sql.charAt(i);
    if (c === '\n') {
      line += 1;
      lineStart = i + 1;
      i += 1;
    } else if (/\s/.test(c)) i += 1;
    else if (sql.startsWith('--', i)) i = sql.indexOf('\n', i) < 0 ? sql.length : sql.indexOf('\n', i);
    else if (sql.startsWith('/*', i)) {
      const end = nestedCommentEnd(sql, i);
      if (end < 0) throw syntaxError('unclosed comment', line, i - lineStart);
      for (const ch of sql.slice(i, end)) if (ch === '\n') line += 1;
      i = end;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < sql.length && sql.charAt(j) !== c) j += c !== '`' && sql.charAt(j) === '\\' ? 2 : 1;
      if (j >= sql.length) throw syntaxError(`unclosed ${c === '`' ? 'identifier' : 'string literal'}`, line, i - lineStart);
      const body = sql.slice(i + 1, j);
      if (c === '`') push('ident', body.toLowerCase(), body.toLowerCase(), i, sql.slice(i, j + 1));
      else push('string', body, body, i, sql.slice(i, j + 1));
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z0-9_]+/.exec(sql.slice(i))?.[0] ?? c;
      push('word', word.toUpperCase(), word.toLowerCase(), i, word);
      i += word.length;
    } else if (/[0-9]/.test(c)) {
      const num = /^[0-9][0-9.eEL]*/.exec(sql.slice(i))?.[0] ?? c;
      push('number', num, num, i, num);
      i += num.length;
    } else {
      push('punct', c, c, i, c);
      i += 1;
    }
  }
  return toks;
}

/** Spark's bracketed comments nest; returns the offset after the comment, or -1. */
function nestedCommentEnd(sql: string, start: number): number {
  let depth = 0;
  for (let j = start; j < sql.length - 1; ) {
    if (sql.startsWith('/*', j)) {
      depth += 1;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth -= 1;
      j += 2;
      if (depth === 0) return j;
    } else j += 1;
  }
  return -1;
}

export function syntaxError(near: string, line: number, pos: number): SparkSyntaxError {
  return new SparkSyntaxError(`[PARSE_SYNTAX_ERROR] Syntax error at or near '${near}'.(line ${line}, pos ${pos})`);
}

export type Kind = 'database' | 'table' | 'view' | 'function';

/** What a statement does to the catalog and what it needs from it. */
export interface Effects {
  jobType: 'DDL' | 'DCL' | 'QUERY' | 'INSERT' | 'IMPORT' | 'UPDATE' | 'DELETE';
  creates?: { kind: Kind; name: string[]; ifNotExists: boolean; orReplace: boolean };
  drops?: { kind: Kind; name: string[]; ifExists: boolean };
  /** Must exist (ALTER, TRUNCATE, MSCK, REFRESH, INSERT target). */
  alters?: { kind: Kind; name: string[] };
  renamesTo?: string[];
  /** Tables read by queries (CTE names excluded). */
  reads: string[][];
}

const COLUMN_TYPES = new Set([
  'TINYINT', 'SMALLINT', 'INT', 'INTEGER', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL', 'NUMERIC', 'STRING', 'VARCHAR', 'CHAR',
  'BOOLEAN', 'DATE', 'TIMESTAMP', 'BINARY', 'ARRAY', 'MAP', 'STRUCT',
]);
const TABLE_CLAUSES = new Set(['USING', 'OPTIONS', 'PARTITIONED', 'CLUSTERED', 'SORTED', 'COMMENT', 'ROW', 'STORED', 'LOCATION', 'TBLPROPERTIES', 'AS', 'LIKE']);
const ALTER_TABLE_ACTIONS = new Set(['RENAME', 'ADD', 'DROP', 'SET', 'UNSET', 'CHANGE', 'ALTER', 'PARTITION', 'RECOVER', 'REPLACE']);
const QUERY_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE']);
const OTHER_STARTS: Record<string, Effects['jobType']> = {
  SHOW: 'DDL', DESC: 'DDL', DESCRIBE: 'DDL', SET: 'QUERY', USE: 'DDL', EXPLAIN: 'QUERY', ANALYZE: 'DDL', GRANT: 'DCL', REVOKE: 'DCL',
  LOAD: 'IMPORT', UPDATE: 'UPDATE', DELETE: 'DELETE', CACHE: 'QUERY', UNCACHE: 'QUERY',
};

/** Throws SparkSyntaxError for what does not parse. */
export function parseStatement(sql: string): Effects {
  const p = new Parser(lex(sql));
  if (p.done()) throw syntaxError('<EOF>', 1, 0);
  const effects = p.statement();
  p.checkBalanced();
  return effects;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  done(): boolean {
    return this.i >= this.toks.length;
  }

  statement(): Effects {
    const first = this.peek();
    if (this.isPunct('(') || QUERY_STARTS.has(first)) return { jobType: 'QUERY', reads: this.reads() };
    switch (first) {
      case 'CREATE':
        this.i += 1;
        return this.create();
      case 'DROP':
        this.i += 1;
        return this.drop();
      case 'ALTER':
        this.i += 1;
        return this.alter();
      case 'TRUNCATE':
        this.i += 1;
        this.expect('TABLE');
        return { jobType: 'DDL', alters: { kind: 'table', name: this.name() }, reads: [] };
      case 'MSCK':
        this.i += 1;
        this.expect('REPAIR');
        this.expect('TABLE');
        return { jobType: 'DDL', alters: { kind: 'table', name: this.name() }, reads: [] };
      case 'REFRESH':
        this.i += 1;
        if (this.accept('FUNCTION')) return { jobType: 'DDL', alters: { kind: 'function', name: this.name() }, reads: [] };
        this.accept('TABLE');
        return { jobType: 'DDL', alters: { kind: 'table', name: this.name() }, reads: [] };
      case 'INSERT': {
        this.i += 1;
        if (!this.accept('INTO')) this.expect('OVERWRITE');
        this.accept('TABLE');
        const name = this.name();
        return { jobType: 'INSERT', alters: { kind: 'table', name }, reads: this.reads() };
      }
      default: {
        const jobType = OTHER_STARTS[first];
        if (!jobType) throw this.error();
        return { jobType, reads: [] };
      }
    }
  }

  private create(): Effects {
    const orReplace = this.acceptAll('OR', 'REPLACE');
    this.accept('GLOBAL');
    const temporary = this.accept('TEMPORARY') || this.accept('TEMP');
    const external = this.accept('EXTERNAL');
    const kindWord = this.peek();
    if (kindWord === 'ROLE' && !orReplace && !temporary && !external) return { jobType: 'DCL', reads: [] };
    const kind = kindOf(kindWord);
    if (!kind || (external && kind !== 'table')) throw this.error();
    this.i += 1;
    const ifNotExists = this.acceptAll('IF', 'NOT', 'EXISTS');
    const name = this.name();
    const effects: Effects = { jobType: 'DDL', creates: { kind, name, ifNotExists, orReplace }, reads: [] };
    if (kind === 'database') this.skipRest();
    else if (kind === 'table') effects.reads = this.tableBody();
    else if (kind === 'view') {
      if (this.isPunct('(')) this.skipGroup();
      while (!this.done() && this.peek() !== 'AS') this.i += 1;
      this.expect('AS');
      effects.reads = this.query();
    } else {
      this.expect('AS');
      this.expectString();
      this.skipRest();
    }
    return effects;
  }

  private drop(): Effects {
    if (this.peek() === 'ROLE') return { jobType: 'DCL', reads: [] };
    const temporary = this.accept('TEMPORARY') || this.accept('TEMP');
    const kind = kindOf(this.peek());
    if (!kind || (temporary && kind !== 'function')) throw this.error();
    this.i += 1;
    const ifExists = this.acceptAll('IF', 'EXISTS');
    const name = this.name();
    this.skipRest();
    return { jobType: 'DDL', drops: { kind, name, ifExists }, reads: [] };
  }

  private alter(): Effects {
    const kind = kindOf(this.peek());
    if (!kind || kind === 'function') throw this.error();
    this.i += 1;
    const name = this.name();
    const action = this.peek();
    if (kind === 'database' ? action !== 'SET' : !ALTER_TABLE_ACTIONS.has(action) && !(kind === 'view' && action === 'AS')) throw this.error();
    const effects: Effects = { jobType: 'DDL', alters: { kind, name }, reads: [] };
    if (kind === 'view' && action === 'AS') {
      this.i += 1;
      effects.reads = this.query();
      return effects;
    }
    for (; !this.done(); this.i += 1) {
      if (this.peek() === 'RENAME' && this.peek(1) === 'TO' && this.peek(2) !== 'PARTITION') {
        this.i += 2;
        effects.renamesTo = this.name();
        break;
      }
    }
    this.skipRest();
    return effects;
  }

  /** Optional column list, then table clauses; returns the tables a CTAS reads. */
  private tableBody(): string[][] {
    if (this.isPunct('(')) this.columns();
    let reads: string[][] = [];
    while (!this.done()) {
      const word = this.peek();
      if (!TABLE_CLAUSES.has(word)) throw this.error();
      this.i += 1;
      if (word === 'AS') {
        reads = this.query();
        break;
      }
      if (word === 'LIKE') reads.push(this.name());
      else if (word === 'USING' || word === 'STORED') {
        if (word === 'STORED') this.expect('AS');
        this.name();
      } else if (word === 'PARTITIONED' || word === 'CLUSTERED' || word === 'SORTED') {
        this.expect('BY');
        this.expectGroup();
      } else if (word === 'OPTIONS' || word === 'TBLPROPERTIES') this.expectGroup();
      else if (word === 'COMMENT' || word === 'LOCATION') this.expectString();
      else while (!this.done() && !TABLE_CLAUSES.has(this.peek())) this.i += 1; // ROW FORMAT ...
    }
    return reads;
  }

  private columns(): void {
    const open = this.i;
    this.skipGroup();
    const inner = this.toks.slice(open + 1, this.i - 1);
    let depth = 0;
    let start = 0;
    const defs: Tok[][] = [];
    inner.forEach((t, k) => {
      if (t.kind === 'punct' && (t.text === '(' || t.text === '<')) depth += 1;
      if (t.kind === 'punct' && (t.text === ')' || t.text === '>')) depth -= 1;
      if (depth === 0 && t.kind === 'punct' && t.text === ',') {
        defs.push(inner.slice(start, k));
        start = k + 1;
      }
    });
    defs.push(inner.slice(start));
    for (const def of defs) {
      const [col, type] = def;
      const at = col ?? this.toks[open];
      if (!col || (col.kind !== 'word' && col.kind !== 'ident')) throw syntaxError(col?.raw ?? ')', at?.line ?? 1, at?.pos ?? 0);
      if (!type || type.kind !== 'word' || !COLUMN_TYPES.has(type.text)) {
        const t = type ?? col;
        throw syntaxError(type ? type.raw : ')', t.line, t.pos);
      }
    }
  }

  private query(): string[][] {
    if (!(this.isPunct('(') || QUERY_STARTS.has(this.peek()))) throw this.error();
    return this.reads();
  }

  /** Names after FROM/JOIN until the end (CTE names excluded). */
  private reads(): string[][] {
    const ctes = new Set<string>();
    const reads: string[][] = [];
    for (; !this.done(); this.i += 1) {
      const t = this.toks[this.i];
      const next = this.toks[this.i + 1];
      const after = this.toks[this.i + 2];
      if ((t?.text === 'WITH' || t?.text === ',') && next && after?.text === 'AS' && this.toks[this.i + 3]?.text === '(') ctes.add(next.name);
      if ((t?.text === 'FROM' || t?.text === 'JOIN') && next && (next.kind === 'word' || next.kind === 'ident') && !QUERY_STARTS.has(next.text)) {
        this.i += 1;
        const name = this.name();
        this.i -= 1;
        if (!(name.length === 1 && ctes.has(name[0] ?? ''))) reads.push(name);
      }
    }
    return reads;
  }

  checkBalanced(): void {
    let depth = 0;
    for (const t of this.toks) {
      if (t.kind !== 'punct') continue;
      if (t.text === '(') depth += 1;
      if (t.text === ')') depth -= 1;
      if (depth < 0) throw syntaxError(')', t.line, t.pos);
    }
    if (depth > 0) throw syntaxError('<EOF>', this.toks.at(-1)?.line ?? 1, this.toks.at(-1)?.pos ?? 0);
  }

  private name(): string[] {
    const parts: string[] = [];
    for (;;) {
      const t = this.toks[this.i];
      if (!t || (t.kind !== 'word' && t.kind !== 'ident')) throw this.error();
      parts.push(t.name);
      this.i += 1;
      if (!this.isPunct('.')) return parts;
      this.i += 1;
    }
  }

  private skipGroup(): void {
    let depth = 0;
    do {
      const t = this.toks[this.i];
      if (!t) throw this.error();
      if (t.kind === 'punct' && t.text === '(') depth += 1;
      if (t.kind === 'punct' && t.text === ')') depth -= 1;
      this.i += 1;
    } while (depth > 0);
  }

  private expectGroup(): void {
    if (!this.isPunct('(')) throw this.error();
    this.skipGroup();
  }

  private expectString(): void {
    if (this.toks[this.i]?.kind !== 'string') throw this.error();
    this.i += 1;
  }

  private skipRest(): void {
    this.i = this.toks.length;
  }

  private peek(offset = 0): string {
    const t = this.toks[this.i + offset];
    return t?.kind === 'word' ? t.text : '';
  }

  private isPunct(p: string): boolean {
    const t = this.toks[this.i];
    return t?.kind === 'punct' && t.text === p;
  }

  private accept(word: string): boolean {
    if (this.peek() !== word) return false;
    this.i += 1;
    return true;
  }

  /** All the words, or an error if only the first is there. */
  private acceptAll(first: string, ...rest: string[]): boolean {
    if (!this.accept(first)) return false;
    for (const word of rest) this.expect(word);
    return true;
  }

  private expect(word: string): void {
    if (!this.accept(word)) throw this.error();
  }

  private error(): SparkSyntaxError {
    const t = this.toks[this.i];
    if (!t) {
      const last = this.toks.at(-1);
      return syntaxError('<EOF>', last?.line ?? 1, (last?.pos ?? 0) + (last?.text.length ?? 0));
    }
    return syntaxError(t.raw, t.line, t.pos);
  }
}

function kindOf(word: string): Kind | undefined {
  if (word === 'DATABASE' || word === 'SCHEMA') return 'database';
  if (word === 'TABLE') return 'table';
  if (word === 'VIEW') return 'view';
  if (word === 'FUNCTION') return 'function';
  return undefined;
}

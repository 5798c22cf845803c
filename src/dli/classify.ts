// Which Spark SQL statements are DDL (and go to DLI) and which are not (listed, never sent).
import { readQualifiedName, tokenize, type Token } from './spark-tokens.js';

export type ObjectType = 'database' | 'table' | 'view' | 'function';

export interface DdlTarget {
  type: ObjectType;
  /** Lower-cased name parts, e.g. ['db1', 't1'] or ['t1']. */
  name: string[];
}

export interface Classification {
  kind: 'ddl' | 'other';
  /** e.g. 'CREATE TABLE', 'ALTER TABLE', 'MSCK REPAIR TABLE', 'INSERT', 'SET'; '' for an empty statement. */
  verb: string;
  /** DDL only: the object created, changed or dropped. */
  target?: DdlTarget;
  /** `ALTER TABLE|VIEW a RENAME TO b`: b. */
  renamedTo?: string[];
}

const OBJECT_TYPES: Record<string, ObjectType> = {
  DATABASE: 'database',
  SCHEMA: 'database',
  TABLE: 'table',
  VIEW: 'view',
  FUNCTION: 'function',
};

/** Leading words that name a query whatever follows. */
const QUERY_STARTS = new Set(['SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE']);
/** Non-DDL statements whose verb is their first two words. */
const TWO_WORD_VERBS = new Set(['LOAD', 'ADD', 'ANALYZE', 'CACHE', 'UNCACHE', 'LIST', 'CLEAR']);

export function classify(statement: { text: string }): Classification {
  const tokens = tokenize(statement.text);
  const words = new Reader(tokens);
  const first = words.peekWord();
  switch (first) {
    case 'CREATE':
      return classifyCreate(words.skip(1));
    case 'DROP':
      return classifyDrop(words.skip(1));
    case 'ALTER':
      return classifyAlter(words.skip(1));
    case 'TRUNCATE':
      return tableCommand(words.skip(1), ['TABLE'], 'TRUNCATE TABLE');
    case 'MSCK':
      return tableCommand(words.skip(1), ['REPAIR', 'TABLE'], 'MSCK REPAIR TABLE');
    case 'REFRESH':
      return classifyRefresh(words.skip(1));
    default:
      return classifyOther(tokens, words);
  }
}

function classifyCreate(r: Reader): Classification {
  r.accept('OR', 'REPLACE');
  r.accept('GLOBAL');
  acceptTemporary(r);
  r.accept('EXTERNAL');
  const objectWord = r.peekWord() ?? '';
  const type = OBJECT_TYPES[objectWord];
  if (!type) return unknownObject('CREATE', objectWord);
  r.skip(1);
  r.accept('IF', 'NOT', 'EXISTS');
  return ddl(`CREATE ${objectWord}`, type, r.name());
}

function classifyDrop(r: Reader): Classification {
  acceptTemporary(r);
  const objectWord = r.peekWord() ?? '';
  const type = OBJECT_TYPES[objectWord];
  if (!type) return unknownObject('DROP', objectWord);
  r.skip(1);
  r.accept('IF', 'EXISTS');
  return ddl(`DROP ${objectWord}`, type, r.name());
}

function classifyAlter(r: Reader): Classification {
  const objectWord = r.peekWord() ?? '';
  const type = OBJECT_TYPES[objectWord];
  if (!type) return unknownObject('ALTER', objectWord);
  r.skip(1);
  const result = ddl(`ALTER ${objectWord}`, type, r.name());
  const renamedTo = r.renameTarget();
  return renamedTo ? { ...result, renamedTo } : result;
}

function classifyRefresh(r: Reader): Classification {
  if (r.accept('FUNCTION')) return ddl('REFRESH FUNCTION', 'function', r.name());
  r.accept('TABLE');
  const name = r.name();
  return name ? ddl('REFRESH TABLE', 'table', name) : { kind: 'ddl', verb: 'REFRESH' };
}

/** A misspelt command still goes to DLI, whose error then points at it. */
function tableCommand(r: Reader, keywords: string[], verb: string): Classification {
  if (!r.accept(...keywords)) return { kind: 'ddl', verb };
  return ddl(verb, 'table', r.name());
}

/**
 * Roles are DCL. Anything else (`CREATE TABEL`, `ALTER INDEX`...) is treated as DDL, so that DLI
 * checks it and a typo fails loudly instead of being listed as "not submitted".
 */
function unknownObject(command: 'CREATE' | 'DROP' | 'ALTER', objectWord: string): Classification {
  const verb = `${command} ${objectWord}`.trim();
  return objectWord === 'ROLE' ? other(verb) : { kind: 'ddl', verb };
}

function classifyOther(tokens: Token[], r: Reader): Classification {
  if (tokens[0]?.kind === 'punct' && tokens[0].value === '(') return other('SELECT');
  const first = r.peekWord();
  if (first === undefined) return other('');
  if (QUERY_STARTS.has(first)) return other('SELECT');
  if (first === 'DESC') return other('DESCRIBE');
  if (TWO_WORD_VERBS.has(first)) {
    const second = r.skip(1).peekWord();
    return other(second ? `${first} ${second}` : first);
  }
  return other(first);
}

function acceptTemporary(r: Reader): void {
  if (!r.accept('TEMPORARY')) r.accept('TEMP');
}

function ddl(verb: string, type: ObjectType, name: string[] | undefined): Classification {
  return name ? { kind: 'ddl', verb, target: { type, name } } : { kind: 'ddl', verb };
}

function other(verb: string): Classification {
  return { kind: 'other', verb };
}

/** Cursor over the tokens of one statement. */
class Reader {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  peekWord(offset = 0): string | undefined {
    const t = this.tokens[this.index + offset];
    return t?.kind === 'word' ? t.value : undefined;
  }

  skip(n: number): this {
    this.index += n;
    return this;
  }

  /** Consumes the words when they all follow in order. */
  accept(...words: string[]): boolean {
    if (!words.every((w, k) => this.peekWord(k) === w)) return false;
    this.index += words.length;
    return true;
  }

  name(): string[] | undefined {
    const read = readQualifiedName(this.tokens, this.index);
    if (!read) return undefined;
    this.index = read.next;
    return read.parts;
  }

  /** `... RENAME TO name` (not `RENAME TO PARTITION`). */
  renameTarget(): string[] | undefined {
    for (let k = this.index; k < this.tokens.length - 1; k += 1) {
      const t = this.tokens[k];
      if (t?.kind === 'word' && t.value === 'RENAME' && this.tokens[k + 1]?.kind === 'word' && this.tokens[k + 1]?.value === 'TO') {
        if (this.tokens[k + 2]?.kind === 'word' && this.tokens[k + 2]?.value === 'PARTITION') return undefined;
        return readQualifiedName(this.tokens, k + 2)?.parts;
      }
    }
    return undefined;
  }
}

// Token-level reading of column and index definitions (CREATE TABLE bodies, ALTER TABLE specs).
import type { Token } from './lexer.js';

export interface ColumnDef {
  name: string;
  type: string;
  length?: number;
  unsigned: boolean;
  notNull: boolean;
  hasDefault: boolean;
  defaultIsNull: boolean;
  autoIncrement: boolean;
  primary: boolean;
  references: boolean;
  /** FIRST / AFTER x in an ALTER spec. */
  positioned: boolean;
}

export interface IndexDef {
  kind: 'primary' | 'index' | 'unique' | 'fulltext' | 'spatial' | 'foreign' | 'check';
  name: string;
  columns: string[];
}

const BLOB_TEXT = new Set(['TINYBLOB', 'BLOB', 'MEDIUMBLOB', 'LONGBLOB', 'TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT']);

/** The "large field" types SQLE exempts from the default-value rule. */
export function isBlobOrText(type: string): boolean {
  return BLOB_TEXT.has(type);
}

export function unquote(text: string): string {
  return /^[`"']/.test(text) ? text.slice(1, -1) : text;
}

/** Splits tokens at commas of nesting depth 0. */
export function splitTopLevel(tokens: Token[], separator = ','): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    if (t.text === ')') depth--;
    if (depth === 0 && t.text === separator) parts.push([]);
    else parts[parts.length - 1]?.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

/** Index of the `)` closing the `(` at `open`. */
export function closingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]?.text === '(') depth++;
    if (tokens[i]?.text === ')' && --depth === 0) return i;
  }
  return tokens.length;
}

function parenColumns(tokens: Token[], from: number): string[] {
  const open = tokens.findIndex((t, i) => i >= from && t.text === '(');
  if (open < 0) return [];
  const inner = tokens.slice(open + 1, closingParen(tokens, open));
  return splitTopLevel(inner).map((p) => unquote(p[0]?.text ?? ''));
}

/** The index name before the column list, if any (`KEY idx_a (a)` -> idx_a). */
function indexName(tokens: Token[], from: number): string {
  const open = tokens.findIndex((t, i) => i >= from && t.text === '(');
  const before = tokens.slice(from, open < 0 ? tokens.length : open).filter((t) => !['KEY', 'INDEX', 'USING', 'BTREE', 'HASH'].includes(t.upper));
  const last = before[before.length - 1];
  return last && (last.kind === 'word' || last.kind === 'quoted') ? unquote(last.text) : '';
}

/** A table element that is a constraint/index, or undefined when it is a column. */
export function readIndex(def: Token[]): IndexDef | undefined {
  let i = 0;
  if (def[0]?.upper === 'CONSTRAINT') i = def[1] && def[1].upper !== 'PRIMARY' && def[1].upper !== 'UNIQUE' && def[1].upper !== 'FOREIGN' && def[1].upper !== 'CHECK' ? 2 : 1;
  const head = def[i]?.upper ?? '';
  const columns = (): string[] => parenColumns(def, i);
  switch (head) {
    case 'PRIMARY':
      return { kind: 'primary', name: '', columns: columns() };
    case 'KEY':
    case 'INDEX':
      return { kind: 'index', name: indexName(def, i + 1), columns: columns() };
    case 'UNIQUE':
      return { kind: 'unique', name: indexName(def, i + 1), columns: columns() };
    case 'FULLTEXT':
      return { kind: 'fulltext', name: indexName(def, i + 1), columns: columns() };
    case 'SPATIAL':
      return { kind: 'spatial', name: indexName(def, i + 1), columns: columns() };
    case 'FOREIGN':
      return { kind: 'foreign', name: '', columns: columns() };
    case 'CHECK':
      return { kind: 'check', name: '', columns: [] };
    default:
      return undefined;
  }
}

/** A column definition: name, type and options. */
export function readColumn(def: Token[]): ColumnDef {
  const type = def[1]?.upper ?? '';
  let rest = 2;
  let length: number | undefined;
  if (def[2]?.text === '(') {
    const close = closingParen(def, 2);
    const n = Number(def[3]?.text);
    if (Number.isFinite(n)) length = n;
    rest = close + 1;
  }
  const words = def.slice(rest).map((t) => t.upper);
  const has = (w: string): boolean => words.includes(w);
  const defaultAt = words.indexOf('DEFAULT');
  const column: ColumnDef = {
    name: unquote(def[0]?.text ?? ''),
    type,
    unsigned: has('UNSIGNED'),
    notNull: words.some((w, i) => w === 'NOT' && words[i + 1] === 'NULL'),
    hasDefault: defaultAt >= 0,
    defaultIsNull: defaultAt >= 0 && words[defaultAt + 1] === 'NULL',
    autoIncrement: has('AUTO_INCREMENT'),
    primary: words.some((w, i) => w === 'PRIMARY' && words[i + 1] === 'KEY') || (words.includes('KEY') && !words.includes('UNIQUE') && !words.includes('PRIMARY')),
    references: has('REFERENCES'),
    positioned: has('FIRST') || has('AFTER'),
  };
  if (length !== undefined) column.length = length;
  return column;
}

// What the double knows about one statement: whether the (TiDB-based) parser of SQLE would accept
// it, its sql_type, and its tokens for the rules. The parse check is a heuristic that covers the
// cases SQLE is known to reject: an unknown first keyword, stored programs (CREATE PROCEDURE,
// FUNCTION, TRIGGER, EVENT), unbalanced brackets, unterminated strings, stray characters.
import { type Token, tokenize } from './lexer.js';

export type SqlType = 'dml' | 'ddl' | 'dql';

export interface Analysis {
  parsed: boolean;
  sqlType: SqlType;
  /** Tokens without the trailing `;`. */
  tokens: Token[];
  /** First keyword, upper case ('' when none). */
  verb: string;
  /** For CREATE/DROP/ALTER: the object kind (TABLE, INDEX, VIEW, PROCEDURE...). */
  object: string;
}

const VERBS = new Set([
  'SELECT', 'INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME', 'SET', 'USE',
  'SHOW', 'DESC', 'DESCRIBE', 'EXPLAIN', 'BEGIN', 'START', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'GRANT',
  'REVOKE', 'LOCK', 'UNLOCK', 'ANALYZE', 'LOAD', 'FLUSH', 'KILL', 'DO', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'CALL',
  'WITH', 'TABLE', 'VALUES', 'ADMIN', 'SPLIT', 'TRACE',
]);
const STORED_PROGRAMS = new Set(['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT']);
const OBJECT_WORDS = new Set(['TABLE', 'INDEX', 'DATABASE', 'SCHEMA', 'VIEW', 'USER', 'ROLE', 'SEQUENCE', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT', 'TABLESPACE', 'STATISTICS', 'PLACEMENT', 'RESOURCE', 'BINDING']);
const DML_VERBS = new Set(['INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'LOAD', 'SHOW']);
const DQL_VERBS = new Set(['SELECT', 'TABLE', 'VALUES', '(']);
const AFTER_STAR = new Set([',', ')', 'FROM', 'INTO', 'UNION', 'EXCEPT', 'INTERSECT', 'WHERE', 'LIMIT', 'ORDER', 'GROUP', 'FOR', 'LOCK', 'WINDOW', 'HAVING']);

/** The object kind after CREATE/DROP/ALTER, skipping modifiers such as OR REPLACE, DEFINER=..., UNIQUE. */
function objectKind(tokens: Token[]): string {
  for (let i = 1; i < tokens.length && i < 40; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word' && OBJECT_WORDS.has(t.upper)) return t.upper;
    if (t.kind === 'op' && t.text === '(') return '';
  }
  return '';
}

function balanced(tokens: Token[]): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** `SELECT * FORM t`: after a bare `*` of the select list only a few tokens may follow. */
function badStarFollower(tokens: Token[]): boolean {
  for (let i = 1; i < tokens.length - 1; i++) {
    const prev = tokens[i - 1] as Token;
    const t = tokens[i] as Token;
    if (t.text !== '*' || !(prev.upper === 'SELECT' || prev.upper === 'DISTINCT' || prev.text === ',')) continue;
    const next = tokens[i + 1] as Token;
    if (!AFTER_STAR.has(next.upper)) return true;
  }
  return false;
}

function sqlTypeOf(verb: string, tokens: Token[]): SqlType {
  if (verb === 'WITH') {
    const main = tokens.find((t, i) => i > 0 && t.kind === 'word' && ['SELECT', 'UPDATE', 'DELETE', 'INSERT'].includes(t.upper) && tokens[i - 1]?.text === ')');
    return main && main.upper !== 'SELECT' ? 'dml' : 'dql';
  }
  if (DQL_VERBS.has(verb)) return 'dql';
  if (DML_VERBS.has(verb)) return 'dml';
  return 'ddl';
}

export function analyze(sql: string): Analysis {
  const all = tokenize(sql);
  const tokens = all.length > 0 && all[all.length - 1]?.text === ';' ? all.slice(0, -1) : all;
  const first = tokens[0];
  const verb = first ? (first.kind === 'word' ? first.upper : first.text) : '';
  const object = ['CREATE', 'DROP', 'ALTER'].includes(verb) ? objectKind(tokens) : '';
  const parsed =
    (VERBS.has(verb) || verb === '(') &&
    !tokens.some((t) => t.kind === 'invalid' || t.unterminated || t.text === ';') &&
    balanced(tokens) &&
    !STORED_PROGRAMS.has(object) &&
    !(verb === 'CREATE' && object === '') &&
    !badStarFollower(tokens);
  return { parsed, sqlType: parsed ? sqlTypeOf(verb, tokens) : 'ddl', tokens, verb, object };
}

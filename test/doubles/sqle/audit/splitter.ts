// SQLE 3.2412.1's MySQL splitter (sqle/driver/mysql/splitter), reproduced with its quirks:
// - a statement's line is the line of its first token, counted from the text start, but the
//   newline that ends a `DELIMITER x` line is skipped without being counted, so every DELIMITER
//   line makes the later lines one smaller;
// - the text of a statement runs from the end of the previous one (leading comments included),
//   trimmed; a custom delimiter at its end is replaced by `;`;
// - a BEGIN token opens a block (nested BEGIN/IF/CASE/REPEAT/WHILE/LOOP ... END x) inside which
//   no delimiter is looked for, so `END$$` (one identifier token) never closes it;
// - a delimiter is found at a token of the same kind as its first token (e.g. `;`, `/`, a word).
import { countNewlines, goTrimSpace, Lexer, type Token, tokenize } from './lexer.js';

export interface SplitStatement {
  /** exec_sql as SQLE stores it. */
  sql: string;
  /** 1-based line as SQLE reports it. */
  line: number;
}

interface Delimiter {
  str: string;
  first: Token;
}

function makeDelimiter(str: string): Delimiter | undefined {
  if (str === '' || str.includes('\\') || str.includes(' ')) return undefined;
  const first = new Lexer(str).next();
  if (!first) return undefined;
  const upper = str.toUpperCase();
  if (first.kind === 'word' && first.text.length === str.length && RESERVED_DELIMITERS.has(upper)) return undefined;
  return { str, first };
}

// Words the TiDB scanner returns as keyword tokens: refused as delimiters.
const RESERVED_DELIMITERS = new Set(['SELECT', 'END', 'BEGIN', 'IF', 'CASE', 'FROM', 'WHERE', 'AND', 'OR']);

const BLOCK_OPENERS = new Set(['BEGIN', 'IF', 'CASE', 'REPEAT', 'WHILE', 'LOOP']);

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** The delimiter value after `DELIMITER`, and how many characters it spans (the mysql client's rules). */
function readDelimiterValue(after: string): { value: string; endPos: number } | undefined {
  let ptr = 0;
  while (ptr < after.length && isWs(after[ptr])) ptr++;
  if (ptr === after.length) return undefined;
  let quote: string | undefined;
  if (after[ptr] === "'" || after[ptr] === '"' || after[ptr] === '`') quote = after[ptr++];
  const start = ptr;
  while (ptr < after.length) {
    const c = after[ptr];
    if (!quote && c === '\\' && ptr + 1 < after.length) ptr += 2;
    else if ((!quote && isWs(c)) || (quote !== undefined && c === quote)) break;
    else ptr++;
  }
  const value = after.slice(start, ptr);
  return { value, endPos: ptr < after.length ? ptr + 1 : ptr };
}

/** A `DELIMITER x` / `\d x` command at `first`: the new delimiter and where the next piece starts. */
function delimiterCommand(text: string, first: Token): { delimiter: Delimiter; commandEnd: number; resumeAt: number } | undefined {
  let valueFrom: number;
  if (first.kind === 'word' && first.upper === 'DELIMITER') valueFrom = first.end;
  else if (first.text === '\\' && text.startsWith('\\d', first.start) && first.start + 2 < text.length) valueFrom = first.start + 2;
  else return undefined;
  const after = text.slice(valueFrom);
  if (after === '') return undefined;
  const read = readDelimiterValue(after);
  const delimiter = read && makeDelimiter(read.value);
  if (!read || !delimiter) return undefined;
  return { delimiter, commandEnd: valueFrom, resumeAt: valueFrom + read.endPos };
}

function matchDelimiter(text: string, token: Token, d: Delimiter): number | undefined {
  if (token.kind !== d.first.kind) return undefined;
  if (token.kind === 'string' && token.text !== d.first.text) return undefined;
  const index = token.text.indexOf(d.first.text);
  if (index < 0) return undefined;
  const begin = token.start + index;
  return text.startsWith(d.str, begin) ? begin + d.str.length : undefined;
}

/** Skips a BEGIN ... END block as SQLE does; returns the token after the block's END (or undefined at EOF). */
function skipBlock(lexer: Lexer, token: Token): Token | undefined {
  if (!(token.kind === 'word' && token.upper === 'BEGIN')) return token;
  const stack: string[] = ['BEGIN'];
  let t: Token | undefined = token;
  while (stack.length > 0) {
    t = lexer.next();
    if (!t) return undefined;
    if (t.kind === 'word' && BLOCK_OPENERS.has(t.upper)) stack.push(t.upper);
    if (t.kind === 'word' && t.upper === 'END') {
      const current = stack[stack.length - 1];
      t = lexer.next();
      if (!t) return undefined;
      if (current === 'BEGIN' || (t.kind === 'word' && t.upper === current)) stack.pop();
    }
  }
  return t;
}

interface Piece {
  raw: string;
  line: number;
  delimiter: Delimiter;
}

function splitPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let delimiter = makeDelimiter(';') as Delimiter;
  let linesBefore = 0;
  let pos = 0;
  while (pos < text.length) {
    const lexer = new Lexer(text, pos);
    const first = lexer.next();
    if (!first) {
      if (goTrimSpace(text.slice(pos)) !== '') pieces.push({ raw: text.slice(pos), line: linesBefore + countNewlines(text, pos, text.length) + 1, delimiter });
      break;
    }
    const command = delimiterCommand(text, first);
    if (command) {
      delimiter = command.delimiter;
      // Only what the lexer walked over is counted; the jump over the value is not.
      linesBefore += countNewlines(text, pos, command.commandEnd);
      pos = command.resumeAt;
      continue;
    }
    const line = linesBefore + countNewlines(text, pos, first.start) + 1;
    let end: number | undefined;
    for (let t: Token | undefined = first; t; t = lexer.next()) {
      const afterBlock = skipBlock(lexer, t);
      if (!afterBlock) break;
      end = matchDelimiter(text, afterBlock, delimiter);
      if (end !== undefined) break;
    }
    if (end === undefined) {
      pieces.push({ raw: text.slice(pos), line, delimiter });
      break;
    }
    pieces.push({ raw: text.slice(pos, end), line, delimiter });
    linesBefore += countNewlines(text, pos, end);
    pos = end;
  }
  return pieces;
}

/** Splits a script the way SQLE 3.2412.1 does for MySQL. Empty statements are dropped. */
export function splitMySql(text: string): SplitStatement[] {
  const out: SplitStatement[] = [];
  for (const piece of splitPieces(text)) {
    let sql = goTrimSpace(piece.raw);
    if (sql.endsWith(piece.delimiter.str)) {
      const body = sql.slice(0, sql.length - piece.delimiter.str.length);
      if (body === '') continue;
      sql = body + ';';
    }
    const tokens = tokenize(sql);
    if (tokens.length === 0 || (tokens.length === 1 && tokens[0]?.text === ';')) continue;
    out.push({ sql, line: piece.line });
  }
  return out;
}

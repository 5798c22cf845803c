// The offline rules of SQLE's default_MySQL template that the double implements (all at level
// error in that template, recording 133). Each check reads the statement's tokens; it covers the
// common forms of each rule, not every corner of SQLE's AST-based checks.
import { type ColumnDef, type IndexDef, closingParen, isBlobOrText, readColumn, readIndex, splitTopLevel, unquote } from './ddl.js';
import type { Token } from './lexer.js';
import { limitOffsetMessage, RULE_MESSAGES, type RuleMessage } from './messages.js';
import type { Analysis } from './statement.js';

export interface RuleHit {
  rule: string;
  message: RuleMessage;
}

const LIMIT_OFFSET_THRESHOLD = 100;
const CLAUSE_END = new Set(['GROUP', 'ORDER', 'LIMIT', 'HAVING', 'WINDOW', 'FOR', 'LOCK', 'UNION', 'EXCEPT', 'INTERSECT', 'INTO']);

function hit(rule: string): RuleHit {
  return { rule, message: RULE_MESSAGES[rule] as RuleMessage };
}

/** Tokens at parenthesis depth 0, with their index in the statement. */
function depthZero(tokens: Token[]): { t: Token; i: number }[] {
  const out: { t: Token; i: number }[] = [];
  let depth = 0;
  tokens.forEach((t, i) => {
    if (t.text === ')') depth--;
    if (depth === 0) out.push({ t, i });
    if (t.text === '(') depth++;
  });
  return out;
}

function whereClause(tokens: Token[]): Token[] | undefined {
  const top = depthZero(tokens);
  const at = top.findIndex((x) => x.t.upper === 'WHERE');
  if (at < 0) return undefined;
  const end = top.findIndex((x, k) => k > at && CLAUSE_END.has(x.t.upper));
  return tokens.slice((top[at] as { i: number }).i + 1, end < 0 ? tokens.length : (top[end] as { i: number }).i);
}

function alwaysTrue(cond: Token[]): boolean {
  const [a, op, b] = cond;
  if (cond.length === 1 && a) return a.upper === 'TRUE' || (a.kind === 'number' && Number(a.text) !== 0);
  return cond.length === 3 && op?.text === '=' && !!a && !!b && a.kind !== 'word' && a.kind !== 'quoted' && a.text === b.text;
}

/** SELECT parts of a query (split at top-level UNION...). */
function selectParts(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    if (t.text === ')') depth--;
    if (depth === 0 && ['UNION', 'EXCEPT', 'INTERSECT'].includes(t.upper)) parts.push([]);
    else parts[parts.length - 1]?.push(t);
  }
  return parts;
}

function whereRules(a: Analysis): RuleHit[] {
  if (a.sqlType === 'dql') {
    const invalid = selectParts(a.tokens).some((part) => {
      const hasFrom = depthZero(part).some((x) => x.t.upper === 'FROM');
      const where = whereClause(part);
      return (hasFrom && !where) || (where !== undefined && alwaysTrue(where));
    });
    return invalid ? [hit('all_check_where_is_invalid')] : [];
  }
  if (a.verb === 'UPDATE' || a.verb === 'DELETE') {
    const where = whereClause(a.tokens);
    if (!where) return [hit('all_check_where_is_invalid'), hit('dml_check_update_or_delete_has_where')];
    return alwaysTrue(where) ? [hit('all_check_where_is_invalid')] : [];
  }
  return [];
}

function leftFuzzy(t: Token | undefined): boolean {
  return t?.kind === 'string' && /^['"][%_]/.test(t.text);
}

function dmlRules(a: Analysis): RuleHit[] {
  const hits = whereRules(a);
  const { tokens } = a;
  const fuzzy = tokens.some((t, i) => t.upper === 'LIKE' && (leftFuzzy(tokens[i + 1]) || (tokens[i + 1]?.upper === 'CONCAT' && tokens[i + 2]?.text === '(' && leftFuzzy(tokens[i + 3]))));
  if (fuzzy) hits.push(hit('dml_check_fuzzy_search'));
  const where = whereClause(tokens) ?? [];
  const nullCompare = where.some((t, i) => ['=', '<>', '!='].includes(t.text) && (where[i + 1]?.upper === 'NULL' || where[i - 1]?.upper === 'NULL'));
  if (nullCompare) hits.push(hit('dml_avoid_where_equal_null'));
  const top = depthZero(tokens).map((x) => x.t);
  const limit = top.findIndex((t) => t.upper === 'LIMIT');
  if (limit >= 0) {
    const offsetToken = top[limit + 2]?.text === ',' ? top[limit + 1] : top[limit + 2]?.upper === 'OFFSET' ? top[limit + 3] : undefined;
    const offset = Number(offsetToken?.text);
    if (offsetToken?.kind === 'number' && offset > LIMIT_OFFSET_THRESHOLD) hits.push({ rule: 'dml_check_limit_offset_num', message: limitOffsetMessage(offset, LIMIT_OFFSET_THRESHOLD) });
  }
  return hits;
}

function columnRules(columns: ColumnDef[]): RuleHit[] {
  const hits: RuleHit[] = [];
  const any = (f: (c: ColumnDef) => boolean): boolean => columns.some(f);
  if (any((c) => !c.hasDefault && !c.autoIncrement && !isBlobOrText(c.type))) hits.push(hit('ddl_check_column_without_default'));
  if (any((c) => c.type === 'CHAR' && (c.length ?? 0) > 20)) hits.push(hit('ddl_check_column_char_length'));
  if (any((c) => isBlobOrText(c.type) && c.notNull)) hits.push(hit('ddl_check_column_blob_with_not_null'));
  if (any((c) => isBlobOrText(c.type) && c.hasDefault && !c.defaultIsNull)) hits.push(hit('ddl_check_column_blob_default_is_not_null'));
  if (any((c) => c.type === 'TIMESTAMP' && !c.hasDefault)) hits.push(hit('ddl_check_column_timestamp_without_default'));
  if (any((c) => c.references)) hits.push(hit('ddl_disable_fk'));
  return hits;
}

function indexRules(indexes: IndexDef[]): RuleHit[] {
  const hits: RuleHit[] = [];
  if (indexes.some((x) => x.kind === 'index' && x.name !== '' && !x.name.toLowerCase().startsWith('idx_'))) hits.push(hit('ddl_check_index_prefix'));
  if (indexes.some((x) => x.kind === 'unique' && x.name !== '' && !x.name.toLowerCase().startsWith('uniq_'))) hits.push(hit('ddl_check_unique_index_prefix'));
  if (indexes.some((x) => x.kind === 'fulltext')) hits.push(hit('ddl_avoid_full_text'));
  if (indexes.some((x) => x.kind === 'foreign')) hits.push(hit('ddl_disable_fk'));
  return hits;
}

function createTableRules(tokens: Token[]): RuleHit[] {
  const hits: RuleHit[] = [];
  const table = tokens.findIndex((t) => t.upper === 'TABLE');
  if (!(tokens[table + 1]?.upper === 'IF' && tokens[table + 2]?.upper === 'NOT')) hits.push(hit('ddl_check_table_without_if_not_exists'));
  const open = tokens.findIndex((t, i) => i > table && t.text === '(');
  if (open < 0 || tokens.some((t) => t.upper === 'LIKE' && t.start < (tokens[open]?.start ?? 0))) return hits;
  const defs = splitTopLevel(tokens.slice(open + 1, closingParen(tokens, open)));
  const indexes = defs.map(readIndex).filter((x): x is IndexDef => x !== undefined);
  const columns = defs.filter((d) => !readIndex(d)).map(readColumn);
  const pkNames = new Set([...columns.filter((c) => c.primary).map((c) => c.name.toLowerCase()), ...indexes.filter((x) => x.kind === 'primary').flatMap((x) => x.columns.map((c) => c.toLowerCase()))]);
  if (pkNames.size === 0) hits.push(hit('ddl_check_pk_not_exist'));
  else {
    const pkColumns = columns.filter((c) => pkNames.has(c.name.toLowerCase()));
    if (pkColumns.some((c) => !(c.type === 'BIGINT' && c.unsigned))) hits.push(hit('ddl_check_pk_without_bigint_unsigned'));
    if (pkColumns.length > 0 && !pkColumns.some((c) => c.autoIncrement)) hits.push(hit('ddl_check_pk_without_auto_increment'));
  }
  return [...hits, ...columnRules(columns), ...indexRules(indexes)];
}

function alterTableRules(tokens: Token[]): RuleHit[] {
  const table = tokens.findIndex((t) => t.upper === 'TABLE');
  const specs = splitTopLevel(tokens.slice(table + 2));
  const columns: ColumnDef[] = [];
  const indexes: IndexDef[] = [];
  const hits: RuleHit[] = [];
  for (const spec of specs) {
    const head = spec[0]?.upper ?? '';
    let body = spec.slice(1);
    if (body[0]?.upper === 'COLUMN') body = body.slice(1);
    if (head === 'ADD') {
      const index = readIndex(body);
      if (index) indexes.push(index);
      else if (body[0]?.text === '(') columns.push(...splitTopLevel(body.slice(1, closingParen(body, 0))).map(readColumn));
      else columns.push(readColumn(body));
    } else if (head === 'MODIFY') columns.push(readColumn(body));
    else if (head === 'CHANGE') {
      hits.push(hit('ddl_not_allow_renaming'));
      columns.push(readColumn(body.slice(1)));
    } else if (head === 'RENAME' && !['INDEX', 'KEY'].includes(spec[1]?.upper ?? '')) hits.push(hit('ddl_not_allow_renaming'));
  }
  if (columns.some((c) => c.positioned)) hits.push(hit('ddl_disable_alter_field_use_first_and_after'));
  return [...hits, ...columnRules(columns), ...indexRules(indexes)];
}

function createIndexRules(tokens: Token[]): RuleHit[] {
  const at = tokens.findIndex((t) => t.upper === 'INDEX');
  const modifier = tokens[at - 1]?.upper ?? '';
  const kind: IndexDef['kind'] = modifier === 'UNIQUE' ? 'unique' : modifier === 'FULLTEXT' ? 'fulltext' : modifier === 'SPATIAL' ? 'spatial' : 'index';
  return indexRules([{ kind, name: unquote(tokens[at + 1]?.text ?? ''), columns: [] }]);
}

const STORED_PROGRAM_RULES: Record<string, string> = {
  PROCEDURE: 'ddl_check_create_procedure',
  FUNCTION: 'ddl_check_create_function',
  TRIGGER: 'ddl_check_create_trigger',
  EVENT: 'ddl_avoid_event',
  VIEW: 'ddl_check_create_view',
};

function ddlRules(a: Analysis): RuleHit[] {
  if (a.verb === 'CREATE' && a.object === 'TABLE') return createTableRules(a.tokens);
  if (a.verb === 'CREATE' && a.object === 'INDEX') return createIndexRules(a.tokens);
  if (a.verb === 'ALTER' && a.object === 'TABLE') return alterTableRules(a.tokens);
  if (a.verb === 'DROP' && a.object !== 'INDEX' && a.object !== '') return [hit('ddl_disable_drop_statement')];
  if (a.verb === 'RENAME') return [hit('ddl_not_allow_renaming')];
  return [];
}

/** Rule hits of a statement, deduplicated by rule. Unparsed statements only get the text-based stored-program rules. */
export function checkRules(a: Analysis): RuleHit[] {
  const program = a.verb === 'CREATE' ? STORED_PROGRAM_RULES[a.object] : undefined;
  const hits: RuleHit[] = program ? [hit(program)] : [];
  if (a.parsed) hits.push(...(a.sqlType === 'ddl' ? ddlRules(a) : dmlRules(a)));
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.rule) && seen.add(h.rule));
}

import type { Finding, Language, Level } from '../model.js';
import { LEVEL_RANK } from '../model.js';
import type { TaskSql } from '../sqle/schemas.js';
import type { Statement } from '../sql/types.js';
import type { Unit } from './plan.js';
import type { SourceFile } from './sources.js';

/** A statement SQLE returned, placed on the real lines of its file. */
export interface PlacedStatement {
  path: string;
  startLine: number;
  endLine: number;
  sql: string;
  level: string;
  findings: Omit<Finding, 'onChangedLines'>[];
}

/** Compares statements whatever their comments, whitespace, letter case or trailing delimiter. */
export function statementKey(sql: string): string {
  return stripLeadingComments(sql).replace(/\s+/g, '').replace(/;+$/, '').toLowerCase();
}

function stripLeadingComments(sql: string): string {
  let s = sql;
  for (;;) {
    const t = s.trimStart();
    if (t.startsWith('--') || t.startsWith('#')) {
      const nl = t.search(/\r\n|\n|\r/);
      s = nl < 0 ? '' : t.slice(nl);
    } else if (t.startsWith('/*') && !t.startsWith('/*!') && !t.startsWith('/*+')) {
      const end = t.indexOf('*/', 2);
      s = end < 0 ? '' : t.slice(end + 2);
    } else return t;
  }
}

const LINE_BREAK = /\r\n|\n|\r/g;
const lineBreaks = (text: string): number => text.match(LINE_BREAK)?.length ?? 0;

/**
 * Places the rows SQLE returned for one record on our statements. Rows are matched by file (never
 * by position in the listing: SQLE lists .sql before .xml whatever the zip order), then by
 * statement text in order, then by SQLE's line corrected for its DELIMITER drift. SQLE before
 * 3.2401 names no file: then rows are matched in order over the whole record.
 */
export function placeRows(rows: readonly TaskSql[], units: readonly Unit[], names: readonly string[], language: Language): PlacedStatement[] {
  const byName = new Map(names.map((name, i) => [name, units[i] as Unit]));
  const sorted = [...rows].sort((a, b) => a.number - b.number);
  if (sorted.some((r) => r.sql_source_file === undefined)) return placeWithoutFiles(sorted, units, language);
  const rowsByFile = new Map<string, TaskSql[]>();
  for (const row of sorted) {
    const list = rowsByFile.get(row.sql_source_file ?? '') ?? [];
    list.push(row);
    rowsByFile.set(row.sql_source_file ?? '', list);
  }
  const placed: PlacedStatement[] = [];
  for (const [name, fileRows] of rowsByFile) {
    const unit = byName.get(name);
    if (!unit) {
      // A file SQLE reports that we did not send under that name: keep its findings at SQLE's lines.
      for (const row of fileRows) placed.push(toPlaced(row, name, row.sql_start_line ?? 1, row.sql_start_line ?? 1, row.exec_sql, language));
      continue;
    }
    placed.push(...(unit.source.xml ? placeXml(fileRows, unit, language) : placeSql(fileRows, unit, language)));
  }
  return placed;
}

/** One place a row can land on: a statement of ours, or a mapper tag (whose SQL SQLE renders itself). */
interface Slot {
  unit: Unit;
  startLine: number;
  endLine: number;
  /** Absent for mapper statements. */
  statement?: Statement;
  /** Line SQLE reports for it (its DELIMITER drift applied). */
  reportedLine: number;
}

const SEARCH_WINDOW = 64;

/**
 * Walks SQLE's rows and our slots in step. A row takes the next slot with the same text, else the
 * slot at SQLE's (drift-corrected) line, else, with no lines at all (`home` absent), the slot in
 * order. A row whose text runs over several of our statements (SQLE split differently, e.g.
 * `END$$` folding the rest of a file into one statement) spans all of them; a row that is a piece
 * of the statement just placed stays on that statement.
 */
function placeInStep(rows: readonly TaskSql[], slots: readonly Slot[], language: Language, home?: Home): PlacedStatement[] {
  const keys = new Map<number, string>();
  const keyOf = (i: number): string | undefined => {
    const statement = slots[i]?.statement;
    if (!statement) return undefined;
    let k = keys.get(i);
    if (k === undefined) keys.set(i, (k = statementKey(statement.text)));
    return k;
  };
  const placed: PlacedStatement[] = [];
  let next = 0;
  for (const row of rows) {
    const key = statementKey(row.exec_sql);
    let match = -1;
    for (let i = next; i < Math.min(slots.length, next + SEARCH_WINDOW); i++) if (keyOf(i) === key) { match = i; break; }
    const sameText = match >= 0;
    const line = row.sql_start_line;
    if (match < 0 && line !== undefined) {
      for (let i = next; i < slots.length && (slots[i] as Slot).reportedLine <= line; i++) if ((slots[i] as Slot).reportedLine === line) { match = i; break; }
    }
    if (match < 0 && next > 0 && key !== '' && keyOf(next - 1)?.includes(key)) {
      placed.push(onSlots(row, slots[next - 1] as Slot, slots[next - 1] as Slot, language));
      continue;
    }
    if (match < 0 && !home && next < slots.length) match = next;
    if (match < 0) {
      placed.push(home ? placeAside(row, slots, home, language) : toPlaced(row, '', 1, 1, row.exec_sql, language));
      continue;
    }
    const last = sameText ? match : lastCovered(slots, match, row, key, keyOf);
    next = last + 1;
    placed.push(onSlots(row, slots[match] as Slot, slots[last] as Slot, language));
  }
  return placed;
}

/** A row placed from the first line of one slot to the last line of another (the same slot for a one-to-one match). */
function onSlots(row: TaskSql, first: Slot, last: Slot, language: Language): PlacedStatement {
  const sql = first.statement && last.statement ? first.unit.source.text.slice(first.statement.start, last.statement.end) : row.exec_sql;
  return toPlaced(row, first.unit.source.path, first.startLine, last.endLine, sql, language);
}

/**
 * The last of our statements a row's text covers: those after `match` (in the same file) that
 * start on a line the row's text reaches and whose text the row contains, in order.
 */
function lastCovered(slots: readonly Slot[], match: number, row: TaskSql, rowKey: string, keyOf: (i: number) => string | undefined): number {
  const first = slots[match] as Slot;
  if (!first.statement) return match;
  const rowEndLine = first.startLine + lineBreaks(stripLeadingComments(row.exec_sql).trim());
  let last = match;
  let from = 0;
  for (let j = match + 1; j < slots.length; j++) {
    const slot = slots[j] as Slot;
    const key = keyOf(j);
    if (slot.unit !== first.unit || slot.startLine > rowEndLine || key === undefined) break;
    const at = rowKey.indexOf(key, from);
    if (at < 0) break;
    from = at + key.length;
    last = j;
  }
  return last;
}

/** The one file whose rows are being placed, with its DELIMITER lines. */
interface Home {
  unit: Unit;
  delimiters: readonly number[];
}

/** A row matching none of our statements: at the real line SQLE means, spanning the statement holding it. */
function placeAside(row: TaskSql, slots: readonly Slot[], { unit, delimiters }: Home, language: Language): PlacedStatement {
  if (row.sql_start_line === undefined) return toPlaced(row, unit.source.path, 1, 1, row.exec_sql, language);
  const line = realLine(row.sql_start_line, delimiters);
  const holder = slots.find((s) => s.startLine <= line && line <= s.endLine);
  if (holder?.statement) return toPlaced(row, unit.source.path, holder.startLine, holder.endLine, holder.statement.text, language);
  return toPlaced(row, unit.source.path, line, line, row.exec_sql, language);
}

function placeSql(rows: readonly TaskSql[], unit: Unit, language: Language): PlacedStatement[] {
  const delimiters = delimiterLines(unit.source);
  return placeInStep(rows, sqlSlots(unit, delimiters), language, { unit, delimiters });
}

function sqlSlots(unit: Unit, drift: readonly number[] = delimiterLines(unit.source)): Slot[] {
  let k = 0;
  return unit.statements.map((statement) => {
    while (k < drift.length && (drift[k] as number) < statement.startLine) k++;
    return { unit, statement, startLine: statement.startLine, endLine: statement.endLine, reportedLine: statement.startLine - k };
  });
}

/** Lines holding a MySQL `DELIMITER` command: SQLE does not count them, so each makes later lines one smaller. */
function delimiterLines(source: SourceFile): number[] {
  const cached = delimiterLinesOf.get(source);
  if (cached) return cached;
  const { text } = source;
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(DELIMITER_COMMAND)) {
    line += lineBreaks(text.slice(counted, m.index));
    counted = m.index;
    lines.push(line);
  }
  delimiterLinesOf.set(source, lines);
  return lines;
}

// Found without splitting the file into lines, once per file however many parts it was audited in.
const DELIMITER_COMMAND = /^[ \t]*delimiter[ \t]+\S+/gim;
const delimiterLinesOf = new WeakMap<SourceFile, number[]>();

/** The real line of a line SQLE reported, undoing the DELIMITER drift. */
function realLine(reported: number, delimiters: readonly number[]): number {
  let line = reported;
  for (const d of delimiters) if (d <= line) line++;
  return line;
}

/** SQLE reports a mapper statement at its opening tag; it ends at the matching closing tag. */
function placeXml(rows: readonly TaskSql[], unit: Unit, language: Language): PlacedStatement[] {
  const tags = mapperTags(unit.source.text);
  return rows.map((row) => {
    const start = row.sql_start_line ?? 1;
    const tag = tags.find((t) => t.startLine === start);
    return toPlaced(row, unit.source.path, start, tag?.endLine ?? start, row.exec_sql, language);
  });
}

const MAPPER_TAG = /<(select|insert|update|delete)\b/gi;

/** Every mapper statement tag of a MyBatis XML file, from its opening tag's line to its closing tag's. */
export function mapperTags(text: string): { startLine: number; endLine: number }[] {
  const tags: { startLine: number; endLine: number }[] = [];
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(MAPPER_TAG)) {
    line += lineBreaks(text.slice(counted, m.index));
    counted = m.index;
    const close = new RegExp(`</${m[1] as string}\\s*>`, 'gi');
    close.lastIndex = m.index;
    const found = close.exec(text);
    tags.push({ startLine: line, endLine: found ? line + lineBreaks(text.slice(m.index, found.index)) : line });
  }
  return tags;
}

/**
 * SQLE before 3.2401 returns no file or line: statement numbers run over the zip's .sql files,
 * then its XML. Rows are walked in step with our statements in that order, matched by text where
 * they can be, so that one statement SQLE splits differently does not shift all later ones.
 */
function placeWithoutFiles(rows: readonly TaskSql[], units: readonly Unit[], language: Language): PlacedStatement[] {
  const slots: Slot[] = [];
  for (const unit of [...units.filter((u) => !u.source.xml), ...units.filter((u) => u.source.xml)]) {
    if (unit.source.xml) for (const tag of mapperTags(unit.source.text)) slots.push({ unit, ...tag, reportedLine: tag.startLine });
    else slots.push(...sqlSlots(unit));
  }
  // Lines without files are ambiguous across files: walk by text and order only.
  const withoutLines = rows.map(({ sql_start_line: _line, ...row }) => row);
  return placeInStep(withoutLines, slots, language);
}

function toPlaced(row: TaskSql, path: string, startLine: number, endLine: number, sql: string, language: Language): PlacedStatement {
  const findings = (row.audit_result ?? [])
    .filter((r) => r.level in LEVEL_RANK)
    .map((r) => ({
      file: path,
      startLine,
      endLine,
      level: r.level as Level,
      rule: r.rule_name,
      message: r.i18n_audit_result_info?.[language]?.Message || r.i18n_audit_result_info?.[language]?.message || r.message,
      sql,
    }));
  return { path, startLine, endLine, sql, level: row.audit_level, findings };
}

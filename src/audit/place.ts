import type { Finding, Language, Level } from '../model.js';
import { LEVEL_RANK } from '../model.js';
import type { TaskSql } from '../sqle/schemas.js';
import { delimiterDriftLines } from './delimiter-lines.js';
import type { Unit } from './plan.js';
import { textOf, type SourceStatement } from './sources.js';
import { statementHash, statementKey, stripLeadingComments } from './statement-key.js';

/** A statement SQLE returned, placed on the real lines of its file. */
export interface PlacedStatement {
  path: string;
  startLine: number;
  endLine: number;
  level: string;
  /** Each carries the statement's text; a statement without findings keeps none (a huge file's would add up). */
  findings: Omit<Finding, 'onChangedLines'>[];
}

const LINE_BREAK = /\r\n|\n|\r/g;
const lineBreaks = (text: string): number => text.match(LINE_BREAK)?.length ?? 0;

/** Places the rows SQLE returned for one record, all at once. */
export function placeRows(rows: readonly TaskSql[], units: readonly Unit[], names: readonly string[], language: Language): PlacedStatement[] {
  const placer = createPlacer(units, names, language);
  placer.add(rows);
  return placer.placed();
}

export interface Placer {
  /** The next rows, in SQLE's order: a page of the record's listing after the pages before it. */
  add(rows: readonly TaskSql[]): void;
  /** Every row placed so far, grouped by file in the order SQLE first named them. */
  placed(): PlacedStatement[];
}

/**
 * Places the rows SQLE returned for one record on our statements, a page at a time, so that a
 * huge record's listing never has to be held whole. Rows are matched by file (never by position
 * in the listing: SQLE lists .sql before .xml whatever the zip order), then by statement text in
 * order, then by SQLE's line corrected for its DELIMITER drift. SQLE before 3.2401 names no file:
 * then rows are matched in order over the whole record.
 */
export function createPlacer(units: readonly Unit[], names: readonly string[], language: Language): Placer {
  const byName = new Map(names.map((name, i) => [name, units[i] as Unit]));
  const steppers = new Map<string, Stepper>();
  const placedByFile = new Map<string, PlacedStatement[]>();
  let namesFiles: boolean | undefined;
  const stepperFor = (name: string): Stepper => {
    if (!namesFiles) return withoutFilesStepper(units, language);
    const unit = byName.get(name);
    // A file SQLE reports that we did not send under that name: keep its findings at SQLE's lines.
    if (!unit) return (row) => toPlaced(row, name, row.sql_start_line ?? 1, row.sql_start_line ?? 1, row.exec_sql, language);
    return unit.source.xml ? xmlStepper(unit, language) : sqlStepper(unit, language);
  };
  return {
    add(rows) {
      const sorted = [...rows].sort((a, b) => a.number - b.number);
      namesFiles ??= sorted.every((r) => r.sql_source_file !== undefined);
      for (const row of sorted) {
        const name = namesFiles ? (row.sql_source_file ?? '') : '';
        let step = steppers.get(name);
        if (!step) steppers.set(name, (step = stepperFor(name)));
        let list = placedByFile.get(name);
        if (!list) placedByFile.set(name, (list = []));
        list.push(step(row));
      }
    },
    placed: () => [...placedByFile.values()].flat(),
  };
}

/** Places one row after another of the same file (or, without files, of the record). */
type Stepper = (row: TaskSql) => PlacedStatement;

/** One place a row can land on: a statement of ours, or a mapper tag (whose SQL SQLE renders itself). */
interface Slot {
  unit: Unit;
  startLine: number;
  endLine: number;
  /** Absent for mapper statements. */
  statement?: SourceStatement;
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
function stepper(slots: readonly Slot[], language: Language, home?: Home): Stepper {
  const textOfSlot = (i: number): string | undefined => {
    const slot = slots[i];
    return slot?.statement ? statementText(slot.unit, slot.statement) : undefined;
  };
  const hashOf = (i: number): string | undefined => slots[i]?.statement?.hash;
  // Whole keys only where containment is asked, which is rare: equality goes by hash. The last
  // one is kept, as rows that are pieces of one statement each ask for it in turn.
  let lastKey: { i: number; key: string | undefined } | undefined;
  const keyOf = (i: number): string | undefined => {
    if (lastKey?.i !== i) {
      const text = textOfSlot(i);
      lastKey = { i, key: text === undefined ? undefined : statementKey(text) };
    }
    return lastKey.key;
  };
  let next = 0;
  return (row) => {
    const hash = statementHash(row.exec_sql);
    let rowKey: string | undefined;
    const keyOfRow = (): string => (rowKey ??= statementKey(row.exec_sql));
    let match = -1;
    for (let i = next; i < Math.min(slots.length, next + SEARCH_WINDOW); i++) if (hashOf(i) === hash) { match = i; break; }
    const sameText = match >= 0;
    const line = row.sql_start_line;
    if (match < 0 && line !== undefined) {
      for (let i = next; i < slots.length && (slots[i] as Slot).reportedLine <= line; i++) if ((slots[i] as Slot).reportedLine === line) { match = i; break; }
    }
    if (match < 0 && next > 0 && hash !== EMPTY_HASH && keyOf(next - 1)?.includes(keyOfRow())) {
      return onSlots(row, slots[next - 1] as Slot, slots[next - 1] as Slot, language);
    }
    if (match < 0 && !home && next < slots.length) match = next;
    if (match < 0) return home ? placeAside(row, slots, home, language) : toPlaced(row, '', 1, 1, row.exec_sql, language);
    const last = sameText ? match : lastCovered(slots, match, row, keyOfRow(), keyOf);
    next = last + 1;
    return onSlots(row, slots[match] as Slot, slots[last] as Slot, language);
  };
}

const EMPTY_HASH = statementHash('');

/** A row placed from the first line of one slot to the last line of another (the same slot for a one-to-one match). */
function onSlots(row: TaskSql, first: Slot, last: Slot, language: Language): PlacedStatement {
  const from = first.statement;
  const to = last.statement;
  const sql = from && to ? () => textOf(first.unit.source, from.startByte, to.endByte) : row.exec_sql;
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
  const statement = holder?.statement;
  if (holder && statement) return toPlaced(row, unit.source.path, holder.startLine, holder.endLine, () => statementText(unit, statement), language);
  return toPlaced(row, unit.source.path, line, line, row.exec_sql, language);
}

const statementText = (unit: Unit, statement: SourceStatement): string => textOf(unit.source, statement.startByte, statement.endByte);

function sqlStepper(unit: Unit, language: Language): Stepper {
  const delimiters = delimiterDriftLines(unit.source);
  return stepper(sqlSlots(unit, delimiters), language, { unit, delimiters });
}

function sqlSlots(unit: Unit, drift: readonly number[] = delimiterDriftLines(unit.source)): Slot[] {
  let k = 0;
  return unit.statements.map((statement) => {
    while (k < drift.length && (drift[k] as number) < statement.startLine) k++;
    return { unit, statement, startLine: statement.startLine, endLine: statement.endLine, reportedLine: statement.startLine - k };
  });
}

/** The real line of a line SQLE reported, undoing the DELIMITER drift. */
function realLine(reported: number, delimiters: readonly number[]): number {
  let line = reported;
  for (const d of delimiters) if (d <= line) line++;
  return line;
}

/** SQLE reports a mapper statement at its opening tag; it ends at the matching closing tag. */
function xmlStepper(unit: Unit, language: Language): Stepper {
  const tags = mapperTags(textOf(unit.source));
  return (row) => {
    const start = row.sql_start_line ?? 1;
    const tag = tags.find((t) => t.startLine === start);
    return toPlaced(row, unit.source.path, start, tag?.endLine ?? start, row.exec_sql, language);
  };
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
function withoutFilesStepper(units: readonly Unit[], language: Language): Stepper {
  const slots: Slot[] = [];
  for (const unit of [...units.filter((u) => !u.source.xml), ...units.filter((u) => u.source.xml)]) {
    if (unit.source.xml) for (const tag of mapperTags(textOf(unit.source))) slots.push({ unit, ...tag, reportedLine: tag.startLine });
    else slots.push(...sqlSlots(unit));
  }
  // Lines without files are ambiguous across files: walk by text and order only.
  const step = stepper(slots, language);
  return ({ sql_start_line: _line, ...row }) => step(row);
}

function toPlaced(row: TaskSql, path: string, startLine: number, endLine: number, text: string | (() => string), language: Language): PlacedStatement {
  const results = (row.audit_result ?? []).filter((r) => r.level in LEVEL_RANK);
  const sql = results.length === 0 ? '' : typeof text === 'string' ? text : text();
  const findings = results.map((r) => ({
    file: path,
    startLine,
    endLine,
    level: r.level as Level,
    rule: r.rule_name,
    message: r.i18n_audit_result_info?.[language]?.Message || r.i18n_audit_result_info?.[language]?.message || r.message,
    sql,
  }));
  return { path, startLine, endLine, level: row.audit_level, findings };
}

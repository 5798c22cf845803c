import type { Finding, Language, Level } from '../model.js';
import { LEVEL_RANK } from '../model.js';
import type { TaskSql } from '../sqle/schemas.js';
import type { Statement } from '../sql/types.js';
import type { Unit } from './plan.js';

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

/**
 * Places the rows SQLE returned for one record on our statements. Rows are matched by file (never
 * by position in the listing: SQLE lists .sql before .xml whatever the zip order), then by
 * statement text in order, then by SQLE's line corrected for its DELIMITER drift.
 */
export function placeRows(rows: readonly TaskSql[], units: readonly Unit[], names: readonly string[], language: Language): PlacedStatement[] {
  const byName = new Map(names.map((name, i) => [name, units[i] as Unit]));
  const sorted = [...rows].sort((a, b) => a.number - b.number);
  if (sorted.some((r) => r.sql_source_file === undefined)) return placeByNumber(sorted, units, language);
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

const SEARCH_WINDOW = 64;

function placeSql(rows: readonly TaskSql[], unit: Unit, language: Language): PlacedStatement[] {
  const ours = unit.statements;
  const keys = new Map<number, string>();
  const keyOf = (i: number) => {
    let k = keys.get(i);
    if (k === undefined) keys.set(i, (k = statementKey((ours[i] as Statement).text)));
    return k;
  };
  const reported = reportedLines(unit.source.text, ours);
  const placed: PlacedStatement[] = [];
  let next = 0;
  for (const row of rows) {
    const key = statementKey(row.exec_sql);
    let match = -1;
    for (let i = next; i < Math.min(ours.length, next + SEARCH_WINDOW); i++) if (keyOf(i) === key) { match = i; break; }
    if (match < 0 && row.sql_start_line !== undefined) {
      const line = row.sql_start_line;
      match = reported.findIndex((l, i) => i >= next && l === line);
    }
    const statement = match >= 0 ? ours[match] : undefined;
    if (statement) {
      next = match + 1;
      placed.push(toPlaced(row, unit.source.path, statement.startLine, statement.endLine, statement.text, language));
    } else {
      const line = row.sql_start_line ?? 1;
      placed.push(toPlaced(row, unit.source.path, line, line, row.exec_sql, language));
    }
  }
  return placed;
}

/** The line SQLE reports for each statement: its real first line less one per DELIMITER line above it. */
function reportedLines(text: string, statements: readonly Statement[]): number[] {
  const delimiterLines: number[] = [];
  let line = 1;
  for (const piece of text.split(/(\r\n|\n|\r)/)) {
    if (piece === '\n' || piece === '\r\n' || piece === '\r') line++;
    else if (/^[ \t]*delimiter[ \t]+\S+/i.test(piece)) delimiterLines.push(line);
  }
  let k = 0;
  return statements.map((s) => {
    while (k < delimiterLines.length && (delimiterLines[k] as number) < s.startLine) k++;
    return s.startLine - k;
  });
}

/** SQLE reports a mapper statement at its opening tag; it ends at the matching closing tag. */
function placeXml(rows: readonly TaskSql[], unit: Unit, language: Language): PlacedStatement[] {
  const lines = unit.source.text.split(/\r\n|\n|\r/);
  return rows.map((row) => {
    const start = row.sql_start_line ?? 1;
    let end = start;
    const tag = /<(select|insert|update|delete)\b/i.exec(lines[start - 1] ?? '')?.[1];
    if (tag) {
      const close = new RegExp(`</${tag}\\s*>`, 'i');
      for (let i = start - 1; i < lines.length; i++) if (close.test(lines[i] as string)) { end = i + 1; break; }
    }
    return toPlaced(row, unit.source.path, start, end, row.exec_sql, language);
  });
}

/** SQLE before 3.2401 returns no file or line: statement numbers run over the zip's .sql files, then its XML. */
function placeByNumber(rows: readonly TaskSql[], units: readonly Unit[], language: Language): PlacedStatement[] {
  const slots: { unit: Unit; statement?: Statement }[] = [];
  for (const unit of [...units.filter((u) => !u.source.xml), ...units.filter((u) => u.source.xml)]) {
    if (unit.source.xml) for (let i = 0; i < unit.statementCount; i++) slots.push({ unit });
    else for (const statement of unit.statements) slots.push({ unit, statement });
  }
  return rows.map((row) => {
    const slot = slots[row.number - 1];
    if (!slot) return toPlaced(row, '', 1, 1, row.exec_sql, language);
    const s = slot.statement;
    return toPlaced(row, slot.unit.source.path, s?.startLine ?? 1, s?.endLine ?? 1, s?.text ?? row.exec_sql, language);
  });
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

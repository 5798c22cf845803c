// Placing SQLE's rows on our statements, fed with the real server's recorded listings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPlacer, placeRows, type PlacedStatement } from '../../src/audit/place.js';
import type { Unit } from '../../src/audit/plan.js';
import { taskSqlsReply, type TaskSql } from '../../src/sqle/schemas.js';
import { sourceFromUtf8 } from '../../src/audit/sources.js';
import { FILES_DIR, REFERENCE_DIR } from '../contract/replay/exchanges.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../sql/fixtures/sqle-real');

function unit(name: string, text: string): Unit {
  const source = sourceFromUtf8(name, Buffer.from(text, 'utf8'), 'mysql');
  return {
    source,
    pieces: [Buffer.from(text, 'utf8')],
    statements: source.statements,
    statementCount: source.statementCount,
    compressedBytes: 0,
    exact: true,
  };
}

function recordedRows(file: string): TaskSql[] {
  const exchange = JSON.parse(readFileSync(path.join(REFERENCE_DIR, file), 'utf8')) as { body: unknown };
  return taskSqlsReply.parse(exchange.body).data ?? [];
}

/** The rows as SQLE before 3.2401 returns them: no file, no line. */
const withoutPlaces = (rows: readonly TaskSql[]): TaskSql[] => rows.map(({ sql_source_file: _f, sql_start_line: _l, ...row }) => row);

const place = (rows: readonly TaskSql[], units: readonly Unit[]) => placeRows(rows, units, units.map((u) => u.source.path), 'en');
const spans = (placed: readonly PlacedStatement[]) => placed.map((p) => `${p.path}:${p.startLine}-${p.endLine}`);

const row = (number: number, exec_sql: string, sql_start_line?: number, file = 'a.sql'): TaskSql => ({
  number,
  exec_sql,
  sql_source_file: file,
  ...(sql_start_line === undefined ? {} : { sql_start_line }),
  audit_level: 'error',
  audit_result: [{ level: 'error', message: 'm', rule_name: 'r' }],
});

describe('placing the real server\'s rows', () => {
  // audit.zip's entries in zip order, as uploaded for recording 31.
  const zip = () => [
    unit('db/migrations/003_crlf.sql', readFileSync(path.join(FIXTURES, 'zipsrc/db/migrations/003_crlf.sql'), 'utf8')),
    unit('db/migrations/001_init.sql', readFileSync(path.join(FIXTURES, 'zipsrc/db/migrations/001_init.sql'), 'utf8')),
    unit('db/seeds/002_seed.sql', readFileSync(path.join(FIXTURES, 'zipsrc/db/seeds/002_seed.sql'), 'utf8')),
  ];
  const REAL_SPANS = [
    'db/migrations/003_crlf.sql:2-2',
    'db/migrations/003_crlf.sql:4-4',
    'db/migrations/001_init.sql:4-7', // the comments SQLE folds into exec_sql are not part of it
    'db/migrations/001_init.sql:11-13',
    'db/migrations/001_init.sql:15-15',
    'db/migrations/001_init.sql:17-17',
    'db/migrations/001_init.sql:19-19',
    'db/migrations/001_init.sql:21-21',
    'db/migrations/001_init.sql:21-21',
    'db/migrations/001_init.sql:24-28', // SQLE says 23: the DELIMITER line is not counted
    'db/migrations/001_init.sql:31-33', // SQLE says 29
    'db/seeds/002_seed.sql:2-2',
    'db/seeds/002_seed.sql:5-5',
    'db/seeds/002_seed.sql:6-6',
  ];

  it('puts every statement of recording 31 on its real lines', () => {
    expect(spans(place(recordedRows('31_sqle_v2_task_sqls_for_zip.json'), zip()))).toEqual(REAL_SPANS);
  });

  it('places the same when the rows arrive a page at a time, with or without files and lines', () => {
    for (const rows of [recordedRows('31_sqle_v2_task_sqls_for_zip.json'), withoutPlaces(recordedRows('31_sqle_v2_task_sqls_for_zip.json')), recordedRows('85_sqle_v2_task_sqls_for_delimiter_probe.json')]) {
      const units = rows.some((r) => r.sql_source_file === 'sql/delimiter_probe.sql') ? [unit('sql/delimiter_probe.sql', readFileSync(path.join(FILES_DIR, 'delimiter_probe.sql'), 'utf8'))] : zip();
      const whole = place(rows, units);
      for (const pageSize of [1, 2, 3, 5]) {
        const placer = createPlacer(units, units.map((u) => u.source.path), 'en');
        for (let at = 0; at < rows.length; at += pageSize) placer.add(rows.slice(at, at + pageSize));
        expect(placer.placed()).toEqual(whole);
      }
    }
  });

  it('without sql_source_file and sql_start_line (SQLE < 3.2401), maps the rows in order to the same lines', () => {
    expect(spans(place(withoutPlaces(recordedRows('31_sqle_v2_task_sqls_for_zip.json')), zip()))).toEqual(REAL_SPANS);
  });

  it('a statement SQLE folds past `END$$` spans from our first statement it covers to the last (recording 85)', () => {
    const probe = unit('sql/delimiter_probe.sql', readFileSync(path.join(FILES_DIR, 'delimiter_probe.sql'), 'utf8'));
    const placed = place(recordedRows('85_sqle_v2_task_sqls_for_delimiter_probe.json'), [probe]);
    expect(spans(placed)).toEqual(['sql/delimiter_probe.sql:1-1', 'sql/delimiter_probe.sql:3-3', 'sql/delimiter_probe.sql:5-5', 'sql/delimiter_probe.sql:8-14']);
    const folded = 'CREATE PROCEDURE b()\nBEGIN\n  SELECT 3;\nEND$$\nDELIMITER ;\nSELECT 4;\nSELECT 5';
    expect(placed[3]?.findings.map((f) => f.sql)).toEqual([folded, folded]);
    expect(placed[3]?.findings.map((f) => [f.rule, f.startLine, f.endLine])).toEqual([
      ['ddl_check_create_procedure', 8, 14],
      ['', 8, 14],
    ]);
  });

  it('the fold is found without lines too, and later files are not shifted', () => {
    const probe = unit('sql/delimiter_probe.sql', readFileSync(path.join(FILES_DIR, 'delimiter_probe.sql'), 'utf8'));
    const after = unit('sql/after.sql', 'DELETE FROM t;\n');
    const rows = [...withoutPlaces(recordedRows('85_sqle_v2_task_sqls_for_delimiter_probe.json')), { ...row(5, 'DELETE FROM t;'), sql_source_file: undefined }];
    expect(spans(place(rows, [probe, after]))).toEqual([
      'sql/delimiter_probe.sql:1-1',
      'sql/delimiter_probe.sql:3-3',
      'sql/delimiter_probe.sql:5-5',
      'sql/delimiter_probe.sql:8-14',
      'sql/after.sql:1-1',
    ]);
  });

  describe('MyBatis (recording 111: SQL rows first, though every row names its file)', () => {
    const mybatis = () => [
      unit('src/main/resources/mapper/UserMapper.xml', readFileSync(path.join(FILES_DIR, 'mybatis/src/main/resources/mapper/UserMapper.xml'), 'utf8')),
      unit('db/V1__users.sql', readFileSync(path.join(FILES_DIR, 'mybatis/db/V1__users.sql'), 'utf8')),
    ];
    const MAPPER = 'src/main/resources/mapper/UserMapper.xml';
    const EXPECTED = [
      'db/V1__users.sql:2-8',
      'db/V1__users.sql:10-10',
      ...['12-16', '18-20', '22-34', '36-37', '39-41', '43-50', '52-54', '56-58', '60-66'].map((s) => `${MAPPER}:${s}`),
    ];

    it('places mapper statements from the opening tag to the closing tag', () => {
      expect(spans(place(recordedRows('111_sqle_v2_task_sqls_for_mybatis_zip.json'), mybatis())).sort()).toEqual([...EXPECTED].sort());
    });

    it('without files and lines, mapper statements follow the .sql ones at their tag lines', () => {
      const units = mybatis();
      // SQLE numbers the .sql statements first whatever the zip order.
      expect(spans(place(withoutPlaces(recordedRows('111_sqle_v2_task_sqls_for_mybatis_zip.json')), units))).toEqual(EXPECTED);
    });
  });
});

describe('rows that match none of our statements', () => {
  const text = ['SELECT 1;', 'DELIMITER $$', 'CREATE PROCEDURE p()', 'BEGIN', '  SELECT 2;', 'END $$', 'DELIMITER ;', '', 'SELECT 3;', ''].join('\n');

  it('a row with unknown text lands inside the statement holding SQLE\'s drift-corrected line', () => {
    // SQLE reports line 4 for real line 5 (one DELIMITER line above).
    const placed = place([row(1, 'SELECT 1;', 1), row(2, 'SELECT 2', 4)], [unit('a.sql', text)]);
    expect(spans(placed)).toEqual(['a.sql:1-1', 'a.sql:3-6']);
  });

  it('a row past every statement stays on its corrected line', () => {
    const placed = place([row(1, 'SELECT 9;', 8)], [unit('a.sql', text)]);
    expect(spans(placed)).toEqual(['a.sql:10-10']);
  });

  it('a row that is a piece of the statement just placed stays on it, and the next row still finds its own', () => {
    const placed = place([row(1, 'SELECT 1;', 1), row(2, 'CREATE PROCEDURE p()\nBEGIN', 2), row(3, 'SELECT 2;', 4), row(4, 'SELECT 3;', 7)], [unit('a.sql', text)]);
    expect(spans(placed)).toEqual(['a.sql:1-1', 'a.sql:3-6', 'a.sql:3-6', 'a.sql:9-9']);
  });

  it('a file SQLE names that we did not send keeps SQLE\'s line', () => {
    const placed = place([row(1, 'SELECT 1;', 3, 'other.sql')], [unit('a.sql', text)]);
    expect(spans(placed)).toEqual(['other.sql:3-3']);
  });
});

// Issue 9 end to end: audits too large for one SQLE record (3,120 statements, 10 MiB zip) are
// split into records posted concurrently, merged into one report, and every finding still lands
// on its statement's real lines.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { DoubleRequest } from '../doubles/http-double.js';
import type { JsonReport } from './harness.js';
import { scenarioPerTest } from './scenario.js';

/** SQLE's real caps (sqle-real 101/102 and 144/145). */
const SQLE_ZIP_CAP = 10_485_760;
const SQLE_STATEMENT_CAP = 3120;

const WHERE_RULES = ['error:all_check_where_is_invalid', 'error:dml_check_update_or_delete_has_where'];
/** SQLE's parser does not take procedures: the rule plus a syntax-error warn (sqle-real 31, number 10). */
const PROCEDURE_RESULTS = ['error:ddl_check_create_procedure', 'warn:'];

/** A statement we generate and the findings default_MySQL gives it, at its real lines. */
interface Expected {
  file: string;
  startLine: number;
  endLine: number;
  findings: string[];
}

interface Script {
  text: string;
  statements: Expected[];
}

/**
 * A MySQL script of `count` statements cycling through four shapes (an error, a clean multi-line
 * SELECT, a commented two-line UPDATE, a syntax error), with a DELIMITER-wrapped procedure after
 * each index in `procedureAfter` (those make SQLE's own line numbers drift).
 */
function script(file: string, count: number, procedureAfter: readonly number[] = []): Script {
  const lines: string[] = [];
  const statements: Expected[] = [];
  const add = (text: string[], skip: number, findings: string[]): void => {
    const startLine = lines.length + 1 + skip;
    lines.push(...text);
    statements.push({ file, startLine, endLine: lines.length, findings });
  };
  for (let i = 0; i < count; i++) {
    switch (i % 4) {
      case 0:
        add([`DELETE FROM t_${i};`], 0, WHERE_RULES);
        break;
      case 1:
        add(['SELECT id', `  FROM t_${i}`, `  WHERE id = ${i};`], 0, []);
        lines.push('');
        break;
      case 2:
        add([`-- step ${i}`, `UPDATE t_${i}`, '  SET a = 1;'], 1, WHERE_RULES);
        break;
      default:
        add([`SELEC x FROM t_${i};`], 0, ['warn:']);
    }
    if (procedureAfter.includes(i)) {
      lines.push('DELIMITER $$');
      add([`CREATE PROCEDURE p_${i}()`, 'BEGIN', `  SELECT id FROM t_${i} WHERE id = 1;`, 'END $$'], 0, PROCEDURE_RESULTS);
      lines.push('DELIMITER ;');
    }
  }
  return { text: lines.join('\n') + '\n', statements };
}

/** Findings of the report grouped by statement span, compared with what each generated statement should get. */
function misplaced(report: JsonReport | undefined, expected: readonly Expected[]): string[] {
  const actual = new Map<string, string[]>();
  for (const f of report?.findings ?? []) {
    const key = `${f.file}:${f.startLine}-${f.endLine}`;
    actual.set(key, [...(actual.get(key) ?? []), `${f.level}:${f.rule}`]);
  }
  const wanted = new Map(expected.filter((e) => e.findings.length > 0).map((e) => [`${e.file}:${e.startLine}-${e.endLine}`, [...e.findings].sort()]));
  const problems: string[] = [];
  for (const [key, findings] of wanted) {
    const got = (actual.get(key) ?? []).sort();
    if (got.join(',') !== findings.join(',')) problems.push(`${key}: want ${findings.join(',')}, got ${got.join(',') || 'nothing'}`);
  }
  for (const [key, findings] of actual) if (!wanted.has(key)) problems.push(`${key}: unexpected ${findings.join(',')}`);
  return problems;
}

const countOf = (expected: readonly Expected[], level: string) => expected.flatMap((e) => e.findings).filter((f) => f.startsWith(`${level}:`)).length;

/** Random base64 in comment lines: text that deflate can barely shrink (about 6 bits a character). */
function incompressibleComment(bytes: number): string {
  const base64 = randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64');
  return (base64.match(/.{1,76}/g) ?? []).map((l) => `-- ${l}`).join('\n');
}

const isAuditPost = (req: Pick<DoubleRequest, 'method' | 'path'>) => req.method === 'POST' && req.path.endsWith('/sql_audit_records');

/**
 * Holds every audit POST until `count` of them have arrived (or `waitMs` passed), then lets SQLE
 * answer: if the action posted one record after the other, the POSTs cannot overlap in the log.
 */
function barrier(count: number, waitMs = 20_000): (req: DoubleRequest) => Promise<boolean> {
  let arrived = 0;
  let release: () => void = () => {};
  const all = new Promise<void>((resolve) => (release = resolve));
  return async (req) => {
    if (!isAuditPost(req)) return false;
    arrived += 1;
    if (arrived >= count) release();
    await Promise.race([all, new Promise((r) => setTimeout(r, waitMs))]);
    return false;
  };
}

function failAuditOf(entry: string): (req: DoubleRequest, res: ServerResponse) => boolean {
  return (req, res) => {
    if (!isAuditPost(req) || !req.body.includes(entry)) return false;
    const body = JSON.stringify({ code: -1, message: 'save sql audit record failed: Error 1040: Too many connections' }) + '\n';
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return true;
  };
}

const start = scenarioPerTest();

const QUIET = { annotations: 'off', comment: 'off' };

describe('audits larger than one SQLE record', () => {
  it('splits a pull request of 4,200 statements over 42 files into concurrent records, every finding at its real lines', async () => {
    const scripts = Array.from({ length: 42 }, (_, i) => script(`db/m${String(i).padStart(2, '0')}.sql`, 100, i % 10 === 3 ? [50] : []));
    const files = Object.fromEntries(scripts.map((s, i) => [`db/m${String(i).padStart(2, '0')}.sql`, s.text]));
    const expected = scripts.flatMap((s) => s.statements);
    const s = await start({ files });
    s.sqle.faults = barrier(2);
    const r = await s.run(QUIET);

    expect(r.outputs).toMatchObject({ result: 'failed', 'files-audited': '42', 'statements-audited': String(expected.length) });
    expect(expected.length).toBeGreaterThan(SQLE_STATEMENT_CAP);
    expect(s.sqle.records).toHaveLength(2);
    for (const record of s.sqle.records) expect(record.statements).toBeLessThanOrEqual(SQLE_STATEMENT_CAP);
    expect(s.sqle.records.reduce((n, rec) => n + rec.statements, 0)).toBe(expected.length);
    // Whole files per record, none in both.
    const [first, second] = s.sqle.records.map((rec) => rec.files.map((f) => f.path));
    expect([...(first ?? []), ...(second ?? [])].sort()).toEqual(Object.keys(files).sort());

    expect(misplaced(r.report, expected)).toEqual([]);
    expect(r.outputs['error-count']).toBe(String(countOf(expected, 'error')));
    expect(r.outputs['warning-count']).toBe(String(countOf(expected, 'warn')));

    // Both POSTs were in flight at once (the barrier holds each until the other arrived).
    const posts = s.sqle.requests.filter(isAuditPost);
    expect(posts).toHaveLength(2);
    const [a, b] = [...posts].sort((x, y) => x.startedAt - y.startedAt);
    expect(b?.startedAt).toBeLessThan(a?.endedAt ?? 0);
    // Each record's results were read in one page.
    const reads = s.sqle.requests.filter((q) => q.method === 'GET' && /\/tasks\/audits\/\d+\/sqls$/.test(q.path));
    expect(reads).toHaveLength(2);
  });

  it('audits one file of 4,000 statements in parts that report the file\'s real lines, across DELIMITER blocks', async () => {
    const big = script('db/huge.sql', 4000, [999, 2500, 3998]);
    const s = await start({ files: { 'db/huge.sql': big.text } });
    const r = await s.run(QUIET);

    expect(r.outputs).toMatchObject({ result: 'failed', 'files-audited': '1', 'statements-audited': String(big.statements.length) });
    expect(s.sqle.records).toHaveLength(2);
    for (const record of s.sqle.records) {
      expect(record.files.map((f) => f.path)).toEqual(['db/huge.sql']);
      expect(record.statements).toBeLessThanOrEqual(SQLE_STATEMENT_CAP);
    }
    expect(s.sqle.records.reduce((n, rec) => n + rec.statements, 0)).toBe(big.statements.length);
    expect(misplaced(r.report, big.statements)).toEqual([]);
    expect(r.report?.files).toEqual([expect.objectContaining({ path: 'db/huge.sql', statements: big.statements.length })]);
    expect(r.report?.records.every((rec) => rec.files.length === 1 && rec.files[0] === 'db/huge.sql' && !rec.error)).toBe(true);
  });

  it('keeps every zip under 10 MiB when the files together would pass it', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 4; i++) files[`db/blob${i}.sql`] = `${incompressibleComment(4 * 1024 * 1024)}\nDELETE FROM blob_${i};\n`;
    const s = await start({ files });
    const r = await s.run(QUIET);

    expect(r.outputs['result']).toBe('failed');
    const posts = s.sqle.requests.filter(isAuditPost);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const post of posts) expect(post.body.length).toBeLessThan(SQLE_ZIP_CAP);
    expect(posts.reduce((n, p) => n + p.body.length, 0)).toBeGreaterThan(SQLE_ZIP_CAP);
    expect(s.sqle.records).toHaveLength(posts.length);
    expect(s.sqle.records.flatMap((rec) => rec.files.map((f) => f.path)).sort()).toEqual(Object.keys(files).sort());
    for (let i = 1; i <= 4; i++) {
      const line = files[`db/blob${i}.sql`]?.split('\n').length ?? 0;
      expect(r.report?.findings.filter((f) => f.file === `db/blob${i}.sql`).map((f) => [f.startLine, f.endLine])).toEqual([
        [line - 1, line - 1],
        [line - 1, line - 1],
      ]);
    }
  });

  it('splits one file whose zip alone would pass 10 MiB', async () => {
    const rows = Array.from({ length: 32 }, (_, i) => `INSERT INTO blobs (id, data) VALUES (${i}, '${randomBytes(384 * 1024).toString('base64')}');\nDELETE FROM blobs_${i};`);
    const text = rows.join('\n') + '\n';
    const s = await start({ files: { 'db/blobs.sql': text } });
    const r = await s.run(QUIET);

    const posts = s.sqle.requests.filter(isAuditPost);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const post of posts) expect(post.body.length).toBeLessThan(SQLE_ZIP_CAP);
    expect(s.sqle.records.reduce((n, rec) => n + rec.statements, 0)).toBe(64);
    const deletes = r.report?.findings.filter((f) => f.rule === 'dml_check_update_or_delete_has_where').map((f) => f.startLine);
    expect(deletes).toEqual(Array.from({ length: 32 }, (_, i) => 2 * i + 2));
  });

  it('a statement no record can hold: SQLE\'s 10M refusal is reported for its file, the other files are audited', async () => {
    const huge = `INSERT INTO blobs (id, data) VALUES (1, '${randomBytes(11 * 1024 * 1024).toString('base64')}');\n`;
    const s = await start({ files: { 'db/huge.sql': huge, 'db/fine.sql': 'SELECT id FROM t WHERE id = 1;\nDELETE FROM t;\n' } });
    const r = await s.run(QUIET);

    expect(r.outputs['result']).toBe('error');
    const refused = s.sqle.requests.filter(isAuditPost).find((q) => q.body.length > SQLE_ZIP_CAP);
    expect(refused?.status).toBe(200);
    expect(r.report?.records.find((rec) => rec.error)).toMatchObject({ files: ['db/huge.sql'], error: expect.stringContaining("file can't be bigger than 10M") });
    expect(s.sqle.records.map((rec) => rec.files.map((f) => f.path))).toEqual([['db/fine.sql']]);
    expect(r.report?.findings.map((f) => `${f.file}:${f.startLine} ${f.rule}`).sort()).toEqual(['db/fine.sql:2 all_check_where_is_invalid', 'db/fine.sql:2 dml_check_update_or_delete_has_where']);
  });

  it('one failed record: result error, its files named, the other records still reported', async () => {
    const poison = script('db/poison.sql', 2000);
    const fine = script('db/fine.sql', 2000);
    const small = script('db/small.sql', 4);
    const s = await start({ files: { 'db/poison.sql': poison.text, 'db/fine.sql': fine.text, 'db/small.sql': small.text } });
    s.sqle.faults = failAuditOf('db/poison.sql');
    const r = await s.run({ comment: 'off' });

    expect(r.exitCode).toBe(1);
    expect(r.outputs['result']).toBe('error');
    expect(s.sqle.records.map((rec) => rec.files.map((f) => f.path).sort())).toEqual([['db/fine.sql', 'db/small.sql']]);
    const failed = r.report?.records.filter((rec) => rec.error);
    expect(failed).toEqual([expect.objectContaining({ files: ['db/poison.sql'], error: expect.stringContaining('Too many connections') })]);
    expect(failed?.[0]?.error).toContain('db/poison.sql');
    expect(r.report?.files.find((f) => f.path === 'db/poison.sql')?.error).toBeTruthy();
    // The first record failed: audit-url links the first one that exists.
    expect(r.outputs['audit-url']).toMatch(/\/sql-audit\/detail\/\d+$/);
    expect(r.outputs['audit-url']).toBe(r.report?.records.find((rec) => !rec.error)?.url);
    expect(misplaced(r.report, [...fine.statements, ...small.statements])).toEqual([]);
    expect(r.outputs['error-count']).toBe(String(countOf(fine.statements, 'error') + countOf(small.statements, 'error')));
    expect(r.summary).toContain('db/poison.sql');
    expect(r.summary).toContain('Too many connections');
    const [run] = s.github.checkRuns;
    expect(run?.annotations.some((a) => a.path === 'db/fine.sql')).toBe(true);
    expect(run?.annotations.some((a) => a.path === 'db/poison.sql')).toBe(false);
  });

  it('audit-url uses the project uid read once from DMS; the summary links every record', async () => {
    const files = { 'db/a.sql': script('db/a.sql', 2000).text, 'db/b.sql': script('db/b.sql', 2000).text };
    const s = await start({ files, sqle: { projects: [{ uid: '1873540219', name: 'payments', members: ['700200'] }] } });
    const r = await s.run({ ...QUIET, 'sqle-project': 'payments' });

    const base = `${s.sqle.url}/sqle/project/1873540219/sql-audit/detail/`;
    const records = r.report?.records ?? [];
    expect(records).toHaveLength(2);
    expect(r.outputs['audit-url']).toBe(records[0]?.url);
    expect(new Set(records.map((rec) => rec.url))).toEqual(new Set(s.sqle.records.map((rec) => `${base}${rec.id}`)));
    expect(records[0]?.files).toEqual(['db/a.sql']);
    expect(s.sqle.records.find((rec) => `${base}${rec.id}` === records[0]?.url)?.files.map((f) => f.path)).toEqual(['db/a.sql']);
    for (const rec of s.sqle.records) expect(r.summary).toContain(`(${base}${rec.id})`);
    expect(s.sqle.requests.filter((q) => q.path === '/v1/dms/projects')).toHaveLength(1);
    expect(s.sqle.requests.filter(isAuditPost).every((q) => q.path === '/sqle/v1/projects/payments/sql_audit_records')).toBe(true);
  });

  it('places MyBatis statements by file at their tag lines, whatever the order SQLE lists them in', async () => {
    const mapper = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE mapper>',
      '<mapper namespace="com.example.UserMapper">',
      '  <select id="all">',
      '    SELECT * FROM users',
      '  </select>',
      '  <update id="disableAll">',
      '    UPDATE users SET status = 0',
      '  </update>',
      '  <delete id="byId">DELETE FROM users WHERE id = #{id}</delete>',
      '</mapper>',
      '',
    ].join('\n');
    const sql = 'SELECT id FROM users WHERE id = 1;\n\nDELETE FROM users;\n';
    const s = await start({
      files: { 'src/mapper/UserMapper.xml': mapper, 'db/users.sql': sql },
      changed: [
        { filename: 'src/mapper/UserMapper.xml', status: 'added' },
        { filename: 'db/users.sql', status: 'added' },
      ],
    });
    const r = await s.run({ ...QUIET, files: '**/*.sql\n**/*.xml' });

    const spans = (file: string) => (r.report?.findings ?? []).filter((f) => f.file === file).map((f) => `${f.startLine}-${f.endLine} ${f.rule}`).sort();
    expect(spans('src/mapper/UserMapper.xml')).toEqual([
      '4-6 all_check_where_is_invalid',
      '7-9 all_check_where_is_invalid',
      '7-9 dml_check_update_or_delete_has_where',
    ]);
    expect(spans('db/users.sql')).toEqual(['3-3 all_check_where_is_invalid', '3-3 dml_check_update_or_delete_has_where']);
    expect(r.outputs['statements-audited']).toBe('5');
  });
});

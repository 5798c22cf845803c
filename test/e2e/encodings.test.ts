// Issues 3 and 9 end to end: files in every encoding and line-break style SQLE's users commit are
// sent to SQLE as UTF-8 without a BOM, and their findings land on the real lines; a binary file is
// reported on its own while the others are audited.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipart } from '../doubles/sqle/http/multipart.js';
import type { RunResult } from './harness.js';
import { startScenario, type Scenario } from './scenario.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../sql/fixtures/encodings');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** The same 10-line script (sqle-real 120): Chinese comments and literals; statements on lines 2–6, 8, 9 and 10. */
const UTF8 = fixture('a_utf8.sql').toString('utf8');

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

const ENCODED: Record<string, Uint8Array> = {
  'db/utf8.sql': fixture('a_utf8.sql'),
  'db/gbk.sql': fixture('b_gbk.sql'),
  'db/utf16le.sql': fixture('c_utf16le_bom.sql'),
  'db/utf8bom.sql': fixture('d_utf8_bom.sql'),
  'db/utf16be.sql': utf16be(UTF8),
  'db/crlf.sql': Buffer.from(UTF8.replace(/\n/g, '\r\n')),
  'db/cr.sql': Buffer.from(UTF8.replace(/\n/g, '\r')),
};
/** A BOM right before a statement with findings: the real SQLE would read `\uFEFFDELETE` as a syntax error (sqle-real 121). */
const BOM_FIRST = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('DELETE FROM t_first;\nSELECT id FROM t WHERE id = 1;\n')]);
const BINARY = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x0a]);
const GARBAGE = Buffer.concat([Buffer.from('SELECT 1;\n'), Buffer.from([0xff, 0x80, 0xff, 0x0a])]);

/** What default_MySQL finds in the script, at its real lines: only the DELETE on line 10 (sqle-real 121). */
const SCRIPT_FINDINGS = ['10-10 error all_check_where_is_invalid', '10-10 error dml_check_update_or_delete_has_where'];

let scenario: Scenario;
let r: RunResult;
beforeAll(async () => {
  scenario = await startScenario({
    files: { ...ENCODED, 'db/bom_first.sql': BOM_FIRST, 'db/archive.sql': BINARY, 'db/garbage.sql': GARBAGE },
    changed: [...Object.keys(ENCODED), 'db/bom_first.sql', 'db/archive.sql', 'db/garbage.sql'].map((filename) => ({ filename, status: 'added' as const })),
  });
  r = await scenario.run({ comment: 'off' });
});
afterAll(async () => {
  await scenario.close();
});

/** The zip entries SQLE received, as text. */
function uploaded(s: Scenario): Map<string, Buffer> {
  const post = s.sqle.requests.find((q) => q.method === 'POST' && q.path.endsWith('/sql_audit_records'));
  const boundary = multipartBoundary(post?.headers['content-type']);
  const zip = parseMultipart(post?.body ?? Buffer.alloc(0), boundary ?? '')?.find((p) => p.name === 'input_zip_file');
  return new Map(Object.entries(unzipSync(zip?.data ?? new Uint8Array())).map(([name, data]) => [name, Buffer.from(data)]));
}

describe('file encodings, end to end', () => {
  it.each(Object.keys(ENCODED))('%s: findings at the real lines, no syntax error from a misread encoding', (file) => {
    const findings = (r.report?.findings ?? []).filter((f) => f.file === file).map((f) => `${f.startLine}-${f.endLine} ${f.level} ${f.rule}`);
    expect(findings.sort()).toEqual(SCRIPT_FINDINGS);
    expect(r.report?.files.find((f) => f.path === file)).toMatchObject({ statements: 4 });
    expect(r.report?.files.find((f) => f.path === file)?.error).toBeUndefined();
  });

  it('every file reaches SQLE as UTF-8 without a BOM, its Chinese text intact, lone CRs as line feeds', () => {
    const entries = uploaded(scenario);
    expect([...entries.keys()].sort()).toEqual([...Object.keys(ENCODED), 'db/bom_first.sql'].sort());
    expect(entries.get('db/bom_first.sql')?.toString('latin1')).toBe('DELETE FROM t_first;\nSELECT id FROM t WHERE id = 1;\n');
    entries.delete('db/bom_first.sql');
    for (const [name, bytes] of entries) {
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), name).toBe(false);
      const text = bytes.toString('utf8');
      expect(Buffer.from(text, 'utf8').equals(bytes), name).toBe(true);
      expect(text, name).toContain("VALUES (1, '张三')");
      expect(text.replace(/\r\n/g, '\n'), name).toBe(UTF8);
    }
    expect(entries.get('db/crlf.sql')?.toString('utf8')).toContain('\r\n');
    expect(entries.get('db/cr.sql')?.toString('utf8')).not.toContain('\r');
  });

  it('the findings of the first statement of a UTF-8 BOM file are its own, on its real line', () => {
    const findings = (r.report?.findings ?? []).filter((f) => f.file === 'db/bom_first.sql').map((f) => `${f.startLine}-${f.endLine} ${f.level} ${f.rule}`);
    expect(findings.sort()).toEqual(['1-1 error all_check_where_is_invalid', '1-1 error dml_check_update_or_delete_has_where']);
  });

  it('annotations on the check run are at the same lines for every encoding', () => {
    const annotations = scenario.github.checkRuns[0]?.annotations ?? [];
    for (const file of Object.keys(ENCODED)) {
      expect(annotations.filter((a) => a.path === file).map((a) => `${a.start_line}-${a.end_line}`)).toEqual(['10-10', '10-10']);
    }
  });

  it('a binary file and an undecodable one get their own error; every other file is audited', () => {
    expect(r.report?.files.find((f) => f.path === 'db/archive.sql')?.error).toMatch(/^binary file \(NUL byte at offset 5\)/);
    expect(r.report?.files.find((f) => f.path === 'db/garbage.sql')?.error).toMatch(/not text in a supported encoding/);
    const encoded = Object.keys(ENCODED).length;
    expect(r.outputs['files-audited']).toBe(String(encoded + 1));
    expect(r.outputs['statements-audited']).toBe(String(4 * encoded + 2));
    expect(r.outputs['error-count']).toBe(String(2 * encoded + 2));
    expect(r.summary).toMatch(/<code>db\/archive\.sql<\/code>[^\n]*binary file &#40;NUL byte at offset 5&#41;/);
    expect(r.summary).toMatch(/<code>db\/garbage\.sql<\/code>[^\n]*not text in a supported encoding/);
    expect(r.stdout).toContain('::warning::db/archive.sql: not audited: binary file');
    // Fail closed: the findings stand, and the run says the audit is incomplete.
    expect(r.outputs['result']).toBe('error');
    expect(r.report?.errors).toEqual([expect.stringMatching(/^2 selected files could not be audited: db\/archive\.sql \(binary file/)]);
  });
});

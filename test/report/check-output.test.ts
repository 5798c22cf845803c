import { describe, expect, it } from 'vitest';
import { CHECK_OUTPUT_LIMIT, checkRunOutput } from '../../src/report/check-output.js';
import { BLOB, RECORD_URL, cleanReport, hostileReport, hugeReport, realisticReport } from './fixtures.js';
import { expectSafeMarkdown } from './markdown-safety.js';

describe('checkRunOutput', () => {
  it('titles the run by its counts and summarises the audit', () => {
    const output = checkRunOutput(realisticReport('en'));
    expect(output.title).toBe('Errors: 6, Warnings: 2, Notices: 1 · Huawei Cloud DLI: failed');
    expect(output.summary.startsWith('## ❌ SQLE audit failed')).toBe(true);
    expect(output.summary).toContain('| 6 | 2 | 1 | 1 | 31 | 50.00% | 5 | 23 | error |');
    expect(output.summary).toContain(`[record 1990001](${RECORD_URL})`);
    expect(output.summary).toContain('1 finding is not annotated');
  });

  it('lists the problems by file in the text, marking those on unchanged lines', () => {
    const text = checkRunOutput(realisticReport('en')).text ?? '';
    expect(text).toContain('### <code>db/migrations/001&#95;init.sql</code> (6)');
    expect(text).toContain(`[L4–L8](${BLOB}db/migrations/001_init.sql#L4-L8)`);
    expect(text).toContain('<sub>(line not changed here)</sub>');
    expect(text).not.toContain('Audit SQL exceptions');
  });

  it('has no text and a clean title when nothing was found', () => {
    const output = checkRunOutput(cleanReport('en'));
    expect(output.title).toBe('No findings');
    expect(output.text).toBeUndefined();
  });

  it('says when the audit is incomplete, with its errors and notes', () => {
    const output = checkRunOutput({ ...cleanReport('zh'), result: 'error', errors: ['SQLE 不可达'], notes: ['没有 SQL 文件变更'] });
    expect(output.title).toBe('审核未完成');
    expect(output.summary).toContain('- SQLE 不可达');
    expect(output.summary).toContain('### 说明\n\n- 没有 SQL 文件变更');
  });

  it('keeps title, summary and text within 65,535 characters', () => {
    const big = 'z'.repeat(50_000);
    const output = checkRunOutput({ ...hugeReport(10_000), errors: Array.from({ length: 100 }, () => big), notes: Array.from({ length: 100 }, () => big) });
    expect(output.summary.length).toBeLessThanOrEqual(CHECK_OUTPUT_LIMIT);
    expect(output.text?.length).toBeLessThanOrEqual(CHECK_OUTPUT_LIMIT);
    expect(output.title.length).toBeLessThan(200);
    expect(output.text).toMatch(/> ✂️ \d+ findings are not shown here \(size limit\)/);
  });

  it('lets no contributor text act as markup', () => {
    const output = checkRunOutput(hostileReport('en'));
    expectSafeMarkdown(output.summary, [BLOB, 'https://sqle.example.com/sqle/project/1/sql-audit/detail/2?x=a%29b%28c%7Cd']);
    expectSafeMarkdown(output.text ?? '', [BLOB]);
    expect(output.summary.length).toBeLessThanOrEqual(CHECK_OUTPUT_LIMIT);
    expect(output.text?.length).toBeLessThanOrEqual(CHECK_OUTPUT_LIMIT);
  });
});

import { describe, expect, it } from 'vitest';
import { renderSummary, SUMMARY_LIMIT } from '../../src/report/summary.js';
import { BLOB, RECORD_URL, cleanReport, hostileReport, hugeReport, realisticReport } from './fixtures.js';
import { checkFences, expectSafeMarkdown } from './markdown-safety.js';

const FINDING_LINE = /^- (🔴|🟠|🔵|⚪) /u;

function findingLines(markdown: string): string[] {
  return markdown.split('\n').filter((line) => FINDING_LINE.test(line));
}

describe('renderSummary', () => {
  it('shows the result, totals, score, pass rate and sizes', () => {
    const md = renderSummary(realisticReport('en'));
    expect(md.startsWith('## ❌ SQLE audit failed: findings at or above `error`\n')).toBe(true);
    expect(md).toContain('| 6 | 2 | 1 | 1 | 31 | 50.00% | 5 | 23 | error |');
    expect(md).toContain('> ℹ️ 1 finding is not annotated');
  });

  it('says where the annotations went and how many GitHub will not display', () => {
    const report = realisticReport('en');
    const checks = renderSummary(report, { annotations: { via: 'checks', name: 'SQLE audit', written: 9, refused: 0, url: 'https://github.com/acme/warehouse/runs/77' } });
    expect(checks).toContain('> ℹ️ 9 findings are annotated in the check run [<code>SQLE audit</code>](https://github.com/acme/warehouse/runs/77).');
    expect(checks).not.toContain('refused');
    const refused = renderSummary(report, { annotations: { via: 'checks', name: 'SQLE audit', written: 50, refused: 50 } });
    expect(refused).toContain('> ℹ️ 50 findings are annotated in the check run <code>SQLE audit</code>.');
    expect(refused).toContain('> ⚠️ 50 annotations were refused by GitHub: see the findings below.');
    const hidden = renderSummary(report, { annotations: { via: 'commands', written: 72, hidden: 52 } });
    expect(hidden).toContain('> ⚠️ At least 52 of the 72 annotations are not displayed: this run annotated with workflow commands (no check run), and GitHub displays at most 10 errors, 10 warnings and 10 notices of those per step, 50 per job.');
    expect(renderSummary(report, { annotations: { via: 'commands', written: 8, hidden: 0 } })).toContain('> ℹ️ 8 findings are annotated with workflow commands (no check run).');
    expect(renderSummary(realisticReport('zh'), { annotations: { via: 'commands', written: 72, hidden: 52 } })).toContain('72 个标注中至少 52 个未显示');
    for (const none of [undefined, { via: 'off' } as const, { via: 'commands', written: 0, hidden: 0 } as const, { via: 'checks', name: 'x', written: 0, refused: 0 } as const]) {
      expect(renderSummary(report, { annotations: none })).not.toMatch(/annotated (in|with)|not displayed/);
    }
  });

  it('escapes the check name and links only to a safe check-run URL', () => {
    const md = renderSummary(realisticReport('en'), { annotations: { via: 'checks', name: '@team <b>x</b>', written: 1, refused: 0, url: 'javascript:alert(1)' } });
    expect(md).toContain('annotated in the check run <code>@&#8203;team &lt;b&gt;x&lt;/b&gt;</code>.');
    expectSafeMarkdown(md, ['https://github.com/acme/', 'https://sqle.example.com:10000/']);
  });

  it('lists every file with its statements, counts by level and problem', () => {
    const md = renderSummary(realisticReport('en'));
    expect(md).toContain('| <code>db/migrations/001&#95;init.sql</code> | 9 | 3 | 2 | 1 |  |');
    expect(md).toContain('| <code>src/main/resources/mapper/UserMapper.xml</code> | 9 | 3 | 0 | 0 |  |');
    expect(md).toContain('| <code>db/migrations/003&#95;clean.sql</code> | 2 | 0 | 0 | 0 |  |');
    expect(md).toContain('| <code>db/legacy/004&#95;binary.sql</code> | 0 | 0 | 0 | 0 | ⚠️ not a text file &#40;contains NUL bytes&#41; |');
  });

  it('lists every finding grouped by file with a link to its lines at the head commit', () => {
    const report = realisticReport('en');
    const md = renderSummary(report);
    expect(findingLines(md)).toHaveLength(report.findings.length);
    expect(md).toContain(`- 🔴 error [L4–L8](${BLOB}db/migrations/001_init.sql#L4-L8) <code>ddl&#95;check&#95;pk&#95;not&#95;exist</code> Table must have a primary key`);
    expect(md).toContain(`[L19](${BLOB}db/migrations/001_init.sql#L19-L19) <i>syntax error</i> Syntax error or parser`);
    expect(md).toContain(`[L6](${BLOB}db/migrations/002_seed.sql#L6-L6) <i>whitelisted SQL</i>`);
    expect(md).toContain('Do not use DROP operations except for indexes <sub>(line not changed here)</sub>');
    const files = md.split('\n').filter((l) => l.startsWith('#### '));
    expect(files).toEqual([
      '#### <code>db/migrations/001&#95;init.sql</code> (6)',
      '#### <code>db/migrations/002&#95;seed.sql</code> (1)',
      '#### <code>src/main/resources/mapper/UserMapper.xml</code> (3)',
    ]);
  });

  it('links the SQLE audit record', () => {
    expect(renderSummary(realisticReport('en'))).toContain(`**SQLE audit record:** [record 1990001](${RECORD_URL}):`);
  });

  it('lists every record when the audit was split, naming the files of a failed one', () => {
    const md = renderSummary(
      realisticReport('en', {
        records: [
          { id: '11', url: 'https://sqle.example.com/sqle/project/1/sql-audit/detail/11', files: ['a.sql'], statements: 3 },
          { id: '12', url: 'https://sqle.example.com/sqle/project/1/sql-audit/detail/12', files: ['b.sql'], statements: 2 },
          { files: ['c.sql', 'd.sql'], statements: 0, error: 'file can\'t be bigger than 10M' },
        ],
      }),
    );
    expect(md).toContain('**SQLE audit records:**');
    expect(md).toContain('- [record 11](https://sqle.example.com/sqle/project/1/sql-audit/detail/11): <code>a.sql</code>');
    expect(md).toContain('- [record 12](https://sqle.example.com/sqle/project/1/sql-audit/detail/12): <code>b.sql</code>');
    expect(md).toContain("- ❌ record 3 (no link (SQLE did not return a record id)): failed for <code>c.sql</code>, <code>d.sql</code>: file can&#39;t be bigger than 10M");
  });

  it('shows errors and notes', () => {
    const md = renderSummary(realisticReport('en', { result: 'error', errors: ['SQLE answered code -1: project x not found'], notes: ['No SQL file changed.'] }));
    expect(md.startsWith('## ⚠️ SQLE audit could not be completed')).toBe(true);
    expect(md).toContain('### ⚠️ The audit could not be completed\n\n- SQLE answered code &#45;1&#58; project x not found');
    expect(md).toContain('### Notes\n\n- No SQL file changed.');
  });

  it('shows what DLI did with each statement', () => {
    const md = renderSummary(realisticReport('en'));
    expect(md).toContain('Mode: **submit** · Result: **failed** · Jobs: **2**');
    expect(md).toContain('<code>dli/tables.sql&#58;1</code>](https://github.com/acme/warehouse/blob/');
    expect(md).toContain('<code>CREATE TABLE IF NOT EXISTS sales &#40;</code> | <code>a1b2c3d4&#45;0001</code> | ✅ finished | 5.3 s |  |');
    expect(md).toContain('| ❌ failed | 1.2 s | DLI.0005&#58; Column region already exists |');
    expect(md).toContain('| ⏭️ not attempted | – |');
    expect(md).toContain('**Not sent to DLI (not DDL):**');
    expect(md).toMatch(/- \[<code>dli\/tables\.sql&#58;14<\/code>\]\([^)]+#L14-L14\) INSERT/);
    expect(md).toContain('```sql\nALTER TABLE sales ADD COLUMNS (region STRING)\n```');
    expect(checkFences(md)).toBe(1);
  });

  it('says why DLI was skipped', () => {
    const md = renderSummary(realisticReport('en', { dli: { mode: 'submit', result: 'skipped', statements: [], jobIds: [], reason: 'the SQLE audit failed' } }));
    expect(md).toContain('> **Reason:** the SQLE audit failed');
    expect(md).toContain('No statement to send.');
  });

  it('has no DLI section without DLI', () => {
    expect(renderSummary(cleanReport('en'))).not.toContain('Huawei Cloud DLI');
  });

  it('says that everything passes when nothing was found', () => {
    const md = renderSummary(cleanReport('en'));
    expect(md.startsWith('## ✅ SQLE audit passed')).toBe(true);
    expect(md).toContain('No findings: every audited statement passes.');
  });

  it('speaks Chinese', () => {
    const md = renderSummary(realisticReport('zh'));
    expect(md).toContain('## ❌ SQLE 审核未通过');
    expect(md).toContain('| 🔴 错误 | 🟠 警告 | 🔵 提示 | ⚪ 正常 | 评分 | 通过率 | 文件 | 语句 | 失败阈值 |');
    expect(md).toContain('### 审核结果');
    expect(md).toContain('<code>ddl&#95;check&#95;pk&#95;not&#95;exist</code> 表必须有主键');
    expect(md).toContain('<i>语法错误</i> 语法错误或者解析器不支持，请人工确认SQL正确性');
    expect(md).toContain('### 华为云 DLI');
    expect(md).toContain('**SQLE 审核记录:**');
  });

  it('stays under 1 MiB with 10,000 findings and says how many are not shown', () => {
    const report = hugeReport(10_000);
    const md = renderSummary(report);
    const bytes = Buffer.byteLength(md, 'utf8');
    expect(bytes).toBeLessThan(SUMMARY_LIMIT);
    expect(bytes).toBeGreaterThan(SUMMARY_LIMIT * 0.9);
    const shown = findingLines(md).length;
    expect(shown).toBeGreaterThan(1000);
    const note = /> ✂️ (\d+) findings are not shown here \(size limit\)\. Every finding is in the JSON report/.exec(md);
    expect(Number(note?.[1])).toBe(report.findings.length - shown);
    expect(md).toMatch(/\| \d+ more not shown \(size limit\)\. \|/);
  });

  it('stays under 1 MiB whatever the size of errors, notes, records and DLI statements', () => {
    const big = 'x'.repeat(5_000);
    const report = hugeReport(3_000);
    const md = renderSummary({
      ...report,
      errors: Array.from({ length: 3_000 }, () => big),
      notes: Array.from({ length: 3_000 }, () => big),
      records: Array.from({ length: 2_000 }, (_, i) => ({ id: String(i), url: `https://sqle.example.com/r/${i}`, files: ['a.sql'], statements: 1 })),
      dli: {
        mode: 'submit',
        result: 'failed',
        jobIds: [],
        statements: Array.from({ length: 20_000 }, (_, i) => ({ file: `f${i}.sql`, startLine: 1, endLine: 1, sql: big, kind: 'ddl' as const, verb: 'CREATE TABLE', status: 'failed' as const, message: big })),
      },
    });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(SUMMARY_LIMIT);
    expect(findingLines(md).length).toBeGreaterThan(100);
    expectSafeMarkdown(md, [BLOB, 'https://sqle.example.com/']);
  });

  it('renders trusted links only, whatever contributors put in names, SQL and messages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const md = renderSummary(hostileReport(lang));
      expectSafeMarkdown(md, [BLOB, 'https://sqle.example.com/sqle/project/1/sql-audit/detail/2?x=a%29b%28c%7Cd']);
      expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(SUMMARY_LIMIT);
    }
  });

  it('renders the realistic report as safe markdown', () => {
    expectSafeMarkdown(renderSummary(realisticReport('en')), [BLOB, RECORD_URL]);
    expectSafeMarkdown(renderSummary(realisticReport('zh')), [BLOB, RECORD_URL]);
  });
});

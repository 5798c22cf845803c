import { describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, commentMarker, renderComment } from '../../src/report/comment.js';
import { BLOB, RECORD_URL, RUN_URL, cleanReport, hostileReport, hugeReport, realisticReport } from './fixtures.js';
import { expectSafeMarkdown } from './markdown-safety.js';

const MARKER = commentMarker('SQLE audit\u0000default');
const FINDING_LINE = /^- (🔴|🟠|🔵|⚪) /u;

function findingLines(markdown: string): string[] {
  return markdown.split('\n').filter((line) => FINDING_LINE.test(line));
}

describe('commentMarker', () => {
  it('is a hidden HTML comment that differs per key', () => {
    expect(commentMarker('SQLE audit\u0000default')).toBe('<!-- sqle-audit-comment key=SQLE%20audit%00default -->');
    expect(commentMarker('SQLE audit\u0000other')).not.toBe(commentMarker('SQLE audit\u0000default'));
    expect(commentMarker('a')).not.toBe(commentMarker('a '));
  });

  it('cannot be closed early or spoofed by the key', () => {
    const marker = commentMarker('x --> <img src=x> -- -');
    expect(marker).toBe('<!-- sqle-audit-comment key=x%20%2D%2D%3E%20%3Cimg%20src%3Dx%3E%20%2D%2D%20%2D -->');
    expect(marker.slice(4, -3)).not.toContain('--');
    expect(marker.slice(4, -3)).not.toContain('>');
  });
});

describe('renderComment', () => {
  it('starts with the marker and shows result, totals, score, pass rate and the record link', () => {
    const md = renderComment(realisticReport('en'), MARKER, RUN_URL);
    expect(md.split('\n')[0]).toBe(MARKER);
    expect(md).toContain('### ❌ SQLE audit failed: findings at or above `error`');
    expect(md).toContain('🔴 Errors **6** · 🟠 Warnings **2** · 🔵 Notices **1** · ⚪ Normal **1** · Score **31** · Pass rate **50.00%**');
    expect(md).toContain(`[record 1990001](${RECORD_URL})`);
  });

  it('groups the problems by file with links to the exact lines and rule names', () => {
    const md = renderComment(realisticReport('en'), MARKER, RUN_URL);
    expect(md).toContain('**<code>db/migrations/001&#95;init.sql</code>** (5)');
    expect(md).toContain(`[L4–L8](${BLOB}db/migrations/001_init.sql#L4-L8) <code>ddl&#95;check&#95;pk&#95;not&#95;exist</code> Table must have a primary key`);
    expect(md).toContain(`[L52–L54](${BLOB}src/main/resources/mapper/UserMapper.xml#L52-L54) <code>dml&#95;check&#95;update&#95;or&#95;delete&#95;has&#95;where</code>`);
    expect(md).toContain('<i>syntax error</i>');
    expect(md).not.toContain('Audit SQL exceptions'); // normal findings are not problems
    expect(findingLines(md)).toHaveLength(9);
  });

  it('folds the findings on lines the change did not modify', () => {
    const md = renderComment(realisticReport('en'), MARKER, RUN_URL);
    const folded = md.slice(md.indexOf('<details><summary>1 finding on lines this change did not modify</summary>'));
    expect(folded).toContain('ddl&#95;disable&#95;drop&#95;statement');
    expect(folded).toContain('</details>');
  });

  it('says that everything passes once the findings are fixed', () => {
    const md = renderComment(cleanReport('en'), MARKER, RUN_URL);
    expect(md).toContain('### ✅ SQLE audit passed');
    expect(md).toContain('✅ No findings: every audited statement passes.');
    expect(findingLines(md)).toHaveLength(0);
  });

  it('does not claim success when the audit could not be completed', () => {
    const md = renderComment({ ...cleanReport('en'), result: 'error', errors: ['SQLE is unreachable'] }, MARKER, RUN_URL);
    expect(md).toContain('### ⚠️ SQLE audit could not be completed');
    expect(md).toContain('- SQLE is unreachable');
    expect(md).not.toContain('every audited statement passes');
  });

  it('links the job summary and the commit it reports on', () => {
    const md = renderComment(realisticReport('en'), MARKER, RUN_URL);
    expect(md.trimEnd().split('\n').at(-1)).toBe(`<sub>Results for commit 3f2c9e1a7b4d · [See the job summary](${RUN_URL})</sub>`);
  });

  it('speaks Chinese', () => {
    const md = renderComment(realisticReport('zh'), MARKER, RUN_URL);
    expect(md).toContain('### ❌ SQLE 审核未通过');
    expect(md).toContain('🔴 错误 **6**');
    expect(md).toContain('表必须有主键');
    expect(md).toContain('1 个问题位于本次变更未修改的行');
    expect(renderComment(cleanReport('zh'), MARKER)).toContain('没有发现问题');
  });

  it('stays under 65,536 characters with 10,000 findings, with a note and a link to the job summary', () => {
    const report = hugeReport(10_000);
    const md = renderComment(report, MARKER, RUN_URL);
    expect(md.length).toBeLessThan(COMMENT_LIMIT);
    expect(md.length).toBeGreaterThan(COMMENT_LIMIT * 0.9);
    const shown = findingLines(md).length;
    expect(shown).toBeGreaterThan(50);
    const note = new RegExp(`> ✂️ (\\d+) findings are not shown here \\(comment size limit\\)\\. \\[See the job summary\\]\\(${RUN_URL}\\)`).exec(md);
    expect(Number(note?.[1])).toBe(report.findings.length - shown);
    expectSafeMarkdown(md, [BLOB, RECORD_URL, RUN_URL]);
  });

  it('stays under the limit whatever the size of errors and records', () => {
    const big = 'y'.repeat(20_000);
    const md = renderComment(
      {
        ...hugeReport(2_000),
        errors: Array.from({ length: 500 }, () => big),
        records: Array.from({ length: 500 }, (_, i) => ({ id: String(i), url: `https://sqle.example.com/r/${i}`, files: Array.from({ length: 50 }, (_, j) => `${big.slice(0, 200)}${j}.sql`), statements: 1, error: big })),
      },
      MARKER,
      RUN_URL,
    );
    expect(md.length).toBeLessThan(COMMENT_LIMIT);
    expect(findingLines(md).length).toBeGreaterThan(10);
  });

  it('lets no contributor text act as markup', () => {
    for (const lang of ['en', 'zh'] as const) {
      const md = renderComment(hostileReport(lang), MARKER, RUN_URL);
      expectSafeMarkdown(md, [BLOB, RUN_URL, 'https://sqle.example.com/sqle/project/1/sql-audit/detail/2?x=a%29b%28c%7Cd']);
      expect(md.length).toBeLessThan(COMMENT_LIMIT);
    }
  });

  it('makes no link from an unsafe job summary URL', () => {
    const md = renderComment(hugeReport(5_000), MARKER, 'javascript:alert(1)');
    expect(md).toContain('See the job summary');
    expect(md).not.toContain('javascript');
  });
});

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { toCheckAnnotations, toWorkflowCommands } from '../../src/report/annotations.js';
import { HOSTILE, realisticFindings } from './fixtures.js';
import { parseCommand } from './workflow-commands.js';

describe('toCheckAnnotations', () => {
  it('annotates every finding but the normal ones, with GitHub levels', () => {
    const findings = realisticFindings('en');
    const annotations = toCheckAnnotations(findings);
    expect(annotations).toHaveLength(findings.length - 1);
    expect(annotations[0]).toEqual({
      path: 'db/migrations/001_init.sql',
      start_line: 4,
      end_line: 8,
      annotation_level: 'failure',
      title: 'ddl_check_pk_not_exist',
      message: 'Table must have a primary key',
      raw_details: 'CREATE TABLE orders (\n  id BIGINT NOT NULL,\n  total DECIMAL(10, 2)\n)',
    });
    expect(annotations.map((a) => a.annotation_level)).toEqual(['failure', 'notice', 'failure', 'failure', 'warning', 'warning', 'failure', 'failure', 'failure']);
  });

  it('titles rule-less results by what they are', () => {
    const [syntax] = toCheckAnnotations(realisticFindings('en').filter((f) => f.rule === '' && f.level === 'warn'));
    expect(syntax?.title).toBe('SQLE: syntax error');
    const [zh] = toCheckAnnotations(realisticFindings('zh').filter((f) => f.rule === '' && f.level === 'warn'), 'zh');
    expect(zh?.title).toBe('SQLE: 语法错误');
  });

  it('keeps message and details within 64 KB and the title within 255 characters', () => {
    const huge: Finding = { file: 'a.sql', startLine: 3, endLine: 1, level: 'warn', rule: 'r'.repeat(1000), message: '消'.repeat(100_000), sql: 'x'.repeat(200_000), onChangedLines: true };
    const [annotation] = toCheckAnnotations([huge]);
    expect(Buffer.byteLength(annotation?.message ?? '', 'utf8')).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.byteLength(annotation?.raw_details ?? '', 'utf8')).toBeLessThanOrEqual(64 * 1024);
    expect(annotation?.title?.length).toBeLessThanOrEqual(255);
    expect(annotation?.end_line).toBe(3);
  });
});

describe('toWorkflowCommands', () => {
  it('writes one command per finding at the right level', () => {
    const lines = toWorkflowCommands(realisticFindings('en'));
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe('::error file=db/migrations/001_init.sql,line=4,endLine=8,title=ddl_check_pk_not_exist::Table must have a primary key');
    expect(lines[1]?.startsWith('::notice ')).toBe(true);
    expect(lines[4]).toBe('::warning file=db/migrations/001_init.sql,line=19,endLine=19,title=SQLE%3A syntax error::Syntax error or parser does not support it. Please manually confirm the correctness of SQL.');
  });

  it('escapes hostile names and messages so that each stays one command and round-trips', () => {
    const findings: Finding[] = HOSTILE.filter((h) => h.length < 1000).map((h, i) => ({
      file: `db/${h}.sql`,
      startLine: i + 1,
      endLine: i + 2,
      level: 'error',
      rule: h,
      message: `${h}\n${h}`,
      sql: h,
      onChangedLines: true,
    }));
    const lines = toWorkflowCommands(findings);
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, i) => {
      expect(line).not.toMatch(/[\r\n]/);
      const parsed = parseCommand(line);
      const finding = findings[i];
      expect(parsed.command).toBe('error');
      expect(Object.keys(parsed.properties)).toEqual(['file', 'line', 'endLine', 'title']);
      expect(parsed.properties.file).toBe(finding?.file);
      expect(parsed.properties.title).toBe(finding?.rule);
      expect(parsed.properties.line).toBe(String(i + 1));
      expect(parsed.data).toBe(finding?.message);
    });
  });
});

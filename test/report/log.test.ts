import { describe, expect, it } from 'vitest';
import { findingLogLines } from '../../src/report/log.js';
import { HOSTILE, realisticReport } from './fixtures.js';

describe('findingLogLines', () => {
  it('prints every finding, normal ones included, in file and line order', () => {
    const lines = findingLogLines(realisticReport('en'));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('db/migrations/001_init.sql:4-8 error ddl_check_pk_not_exist: Table must have a primary key');
    expect(lines[4]).toBe('db/migrations/001_init.sql:19-19 warn sqle/syntax-error: Syntax error or parser does not support it. Please manually confirm the correctness of SQL.');
    expect(lines[6]).toBe('db/migrations/002_seed.sql:6-6 normal sqle/whitelisted: Audit SQL exceptions');
    expect(lines[9]).toMatch(/^src\/main\/resources\/mapper\/UserMapper\.xml:52-54 error /);
  });

  it('prints one line per finding that the runner cannot read as a workflow command', () => {
    const findings = HOSTILE.map((h, i) => ({ file: h, startLine: i + 1, endLine: i + 1, level: 'error' as const, rule: h, message: h, sql: '', onChangedLines: true }));
    const lines = findingLogLines(realisticReport('en', { findings }));
    expect(lines).toHaveLength(HOSTILE.length);
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n\u2028\u2029\u0085\u202E]/);
      expect(line.trimStart()).not.toMatch(/^(::|##\[)/);
    }
    const line = HOSTILE.indexOf('::error file=x,line=1::injected') + 1;
    expect(lines).toContain(`./::error file=x,line=1::injected:${line}-${line} error ::error file=x,line=1::injected: ::error file=x,line=1::injected`);
  });
});

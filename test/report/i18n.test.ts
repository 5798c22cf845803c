import { describe, expect, it } from 'vitest';
import { text } from '../../src/report/i18n.js';

describe('text', () => {
  it('gives every heading in English and Chinese', () => {
    expect(text('en', 'findingsHeading')).toBe('Findings');
    expect(text('zh', 'findingsHeading')).toBe('审核结果');
    expect(text('en', 'resultPassed')).toBe('SQLE audit passed');
    expect(text('zh', 'resultPassed')).toBe('SQLE 审核通过');
  });

  it('fills in its arguments', () => {
    expect(text('en', 'resultFailed', 'warn')).toBe('SQLE audit failed: findings at or above `warn`');
    expect(text('zh', 'resultFailed', 'warn')).toContain('`warn`');
    expect(text('en', 'notAnnotated', 1)).toMatch(/^1 finding is not annotated/);
    expect(text('en', 'notAnnotated', 2)).toMatch(/^2 findings are not annotated/);
    expect(text('zh', 'commentCut', 7)).toContain('7');
  });

  it('names every level, DLI status and synthetic result in both languages', () => {
    for (const level of ['error', 'warn', 'notice', 'normal'] as const) {
      expect(text('en', 'level', level)).toMatch(/^[a-z]+$/);
      expect(text('zh', 'level', level)).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    const statuses = ['finished', 'already-applied', 'failed', 'cancelled', 'not-attempted', 'check-ok', 'check-failed', 'not-verifiable', 'not-submitted'] as const;
    expect(new Set(statuses.map((s) => text('en', 'dliStatus', s))).size).toBe(statuses.length);
    expect(new Set(statuses.map((s) => text('zh', 'dliStatus', s))).size).toBe(statuses.length);
    expect(text('en', 'synthetic', 'syntax-error')).toBe('syntax error');
    expect(text('zh', 'synthetic', 'whitelisted')).toBe('白名单 SQL');
  });
});

import { describe, expect, it } from 'vitest';
import { ruleId, syntheticKind } from '../../src/report/rule-id.js';

describe('ruleId', () => {
  it('is the SQLE rule name when there is one', () => {
    expect(ruleId({ rule: 'ddl_check_pk_not_exist', message: 'Table must have a primary key' })).toBe('ddl_check_pk_not_exist');
  });

  it('tells the syntax-error result from the whitelist result, in both languages', () => {
    expect(ruleId({ rule: '', message: 'Syntax error or parser does not support it. Please manually confirm the correctness of SQL.' })).toBe('sqle/syntax-error');
    expect(ruleId({ rule: '', message: '语法错误或者解析器不支持，请人工确认SQL正确性' })).toBe('sqle/syntax-error');
    expect(ruleId({ rule: '', message: 'Audit SQL exceptions' })).toBe('sqle/whitelisted');
    expect(syntheticKind('审核SQL例外')).toBe('whitelisted');
  });

  it('gives other rule-less messages a stable id of their own', () => {
    const a = ruleId({ rule: '', message: 'something else' });
    expect(a).toMatch(/^sqle\/unnamed-[0-9a-f]{12}$/);
    expect(ruleId({ rule: '', message: ' something else ' })).toBe(a);
    expect(ruleId({ rule: '', message: 'another thing' })).not.toBe(a);
  });
});

import { describe, expect, it } from 'vitest';
import { buildJsonReport } from '../../src/report/json-report.js';
import { realisticReport } from './fixtures.js';

describe('buildJsonReport', () => {
  it('holds every finding with its place, level, rule and message', () => {
    const report = realisticReport('en');
    const json = JSON.parse(JSON.stringify(buildJsonReport(report))) as Record<string, unknown> & { findings: Record<string, unknown>[] };
    expect(json.findings).toHaveLength(report.findings.length);
    expect(json.findings[0]).toEqual({
      file: 'db/migrations/001_init.sql',
      startLine: 4,
      endLine: 8,
      level: 'error',
      rule: 'ddl_check_pk_not_exist',
      ruleId: 'ddl_check_pk_not_exist',
      message: 'Table must have a primary key',
      onChangedLines: true,
    });
    expect(json.findings.find((f) => f.ruleId === 'sqle/whitelisted')).toMatchObject({ level: 'normal', rule: '' });
    expect(json.findings.find((f) => f.startLine === 23)).toMatchObject({ onChangedLines: false });
  });

  it('holds the totals, files, records, errors, notes and DLI', () => {
    const report = realisticReport('en', { errors: ['e'], notes: ['n'], result: 'error' });
    const json = buildJsonReport(report) as Record<string, unknown>;
    expect(json).toMatchObject({
      version: 1,
      result: 'error',
      failOn: 'error',
      counts: { error: 6, warn: 2, notice: 1, normal: 1 },
      score: 31,
      passRate: 0.5,
      filesAudited: 5,
      statementsAudited: 23,
      errors: ['e'],
      notes: ['n'],
    });
    expect(json.files).toEqual(report.files);
    expect(json.records).toEqual(report.records);
    expect(json.dli).toEqual(report.dli);
    expect(buildJsonReport({ ...report, dli: undefined })).toMatchObject({ dli: null });
  });

  it('does not share objects with the report it was built from', () => {
    const report = realisticReport('en');
    const json = buildJsonReport(report) as { records: { files: string[] }[] };
    json.records[0]?.files.push('changed.sql');
    expect(report.records[0]?.files).not.toContain('changed.sql');
  });
});

import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model.js';
import { FINGERPRINT_KEY, buildSarif } from '../../src/report/sarif.js';
import { hostileReport, hugeReport, realisticReport } from './fixtures.js';
import { multitoolErrors, sarifSchemaErrors as schemaErrors } from './sarif-validation.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; endLine: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifRun {
  tool: { driver: { name: string; version: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
  results: SarifResult[];
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
  versionControlProvenance?: { repositoryUri: string; revisionId: string }[];
  automationDetails?: { id: string };
}

function run(report: Report, category?: string): SarifRun {
  const log = buildSarif(report, '1.2.3', category === undefined ? {} : { category }) as { runs: SarifRun[] };
  const [first] = log.runs;
  if (first === undefined) throw new Error('no run');
  return first;
}

function fingerprints(findings: Finding[]): string[] {
  return run(realisticReport('en', { findings })).results.map((r) => r.partialFingerprints[FINGERPRINT_KEY] ?? '');
}

describe('buildSarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    expect(schemaErrors(buildSarif(realisticReport('en'), '1.2.3'))).toEqual([]);
    expect(schemaErrors(buildSarif(realisticReport('zh'), '1.2.3', { category: 'sqle/default' }))).toEqual([]);
    expect(schemaErrors(buildSarif(realisticReport('en', { findings: [], serverUrl: '', errors: ['x'], result: 'error' }), '1.2.3'))).toEqual([]);
  });

  it('is accepted by the SARIF Multitool validator', () => {
    expect(multitoolErrors(buildSarif(realisticReport('en'), '1.2.3'), 'realistic')).toEqual([]);
    expect(multitoolErrors(buildSarif(hostileReport('en'), '1.2.3'), 'hostile')).toEqual([]);
  });

  it('is checked by validators that do reject a broken log', () => {
    // The Multitool's own schema check is lenient (it let a bad level and an empty message pass in
    // a probe), so the strict check is Ajv with the Multitool's schema file.
    const badLevel = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'fatal', message: {} }] }] };
    expect(schemaErrors(badLevel).length).toBeGreaterThan(0);
    const noTool = { version: '2.1.0', runs: [{ unknown: 1 }] };
    expect(schemaErrors(noTool).length).toBeGreaterThan(0);
    expect(multitoolErrors(noTool, 'broken').length).toBeGreaterThan(0);
  });

  it('declares one rule per SQLE rule name and a stable id for rule-less results', () => {
    const sarif = run(realisticReport('en'));
    expect(sarif.tool.driver).toMatchObject({ name: 'SQLE', version: '1.2.3' });
    expect(sarif.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ['all_check_where_is_invalid', 'error'],
      ['ddl_check_column_without_default', 'note'],
      ['ddl_check_pk_not_exist', 'error'],
      ['ddl_disable_drop_statement', 'warning'],
      ['dml_check_update_or_delete_has_where', 'error'],
      ['sqle/syntax-error', 'warning'],
    ]);
    expect(run(realisticReport('zh')).tool.driver.rules.map((r) => r.id)).toContain('sqle/syntax-error');
  });

  it('reports every error, warning and notice at its file and lines, and leaves normal findings out', () => {
    const sarif = run(realisticReport('en'));
    expect(sarif.results).toHaveLength(9);
    for (const result of sarif.results) expect(sarif.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(sarif.results[0]).toMatchObject({
      ruleId: 'ddl_check_pk_not_exist',
      level: 'error',
      message: { text: 'Table must have a primary key' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'db/migrations/001_init.sql', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, endLine: 8 } } }],
    });
    expect(sarif.results.map((r) => r.level)).toEqual(['error', 'note', 'error', 'error', 'warning', 'warning', 'error', 'error', 'error']);
    expect(sarif.results.some((r) => r.ruleId === 'sqle/whitelisted')).toBe(false);
  });

  it('names the commit, the audit outcome and an optional category', () => {
    const sarif = run(realisticReport('en', { result: 'error', errors: ['record 2 failed'], notes: ['note'] }), 'sqle/warehouse');
    expect(sarif.versionControlProvenance).toEqual([{ repositoryUri: 'https://github.com/acme/warehouse', revisionId: '3f2c9e1a7b4d6c8e0f1a2b3c4d5e6f708192a3b4' }]);
    expect(sarif.invocations[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [
        { level: 'error', message: { text: 'record 2 failed' } },
        { level: 'note', message: { text: 'note' } },
      ],
    });
    expect(sarif.automationDetails).toEqual({ id: 'sqle/warehouse/' });
    expect(run(realisticReport('en')).automationDetails).toBeUndefined();
  });

  it('encodes file names as URI references and stays valid with hostile content', () => {
    const log = buildSarif(hostileReport('en'), '1.2.3');
    expect(schemaErrors(log)).toEqual([]);
    const uris = (log as { runs: SarifRun[] }).runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri) ?? [];
    for (const uri of uris) expect(uri).toMatch(/^[A-Za-z0-9\-._~%/]+$/);
    expect(uris).toContain('%40octocat%20please%20look');
  });

  it('stays valid with 10,000 findings', () => {
    expect(schemaErrors(buildSarif(hugeReport(10_000), '1.2.3'))).toEqual([]);
  });
});

describe('fingerprints', () => {
  const base = (): Finding[] => realisticReport('en').findings;

  it('do not change when only the line numbers change', () => {
    const moved = base().map((f) => ({ ...f, startLine: f.startLine + 17, endLine: f.endLine + 17 }));
    expect(fingerprints(moved)).toEqual(fingerprints(base()));
  });

  it('do not change when the statement is only reformatted or the language changes', () => {
    const reformatted = base().map((f) => ({ ...f, sql: `  ${f.sql.replace(/ /g, '\n    ')} ;` }));
    expect(fingerprints(reformatted)).toEqual(fingerprints(base()));
    const zh = realisticReport('zh').findings;
    expect(fingerprints(zh)).toEqual(fingerprints(base()));
  });

  it('differ between statements, rules and files', () => {
    const all = fingerprints(base());
    expect(new Set(all).size).toBe(all.length);
    const edited = base().map((f, i) => (i === 0 ? { ...f, sql: f.sql.replace('orders', 'invoices') } : f));
    expect(fingerprints(edited)[0]).not.toBe(all[0]);
    const renamed = base().map((f, i) => (i === 0 ? { ...f, file: 'db/other.sql' } : f));
    expect(fingerprints(renamed)[0]).not.toBe(all[0]);
  });

  it('tell identical statements in one file apart', () => {
    const twin: Finding = { file: 'a.sql', startLine: 1, endLine: 1, level: 'error', rule: 'all_check_where_is_invalid', message: 'm', sql: 'DELETE FROM t', onChangedLines: true };
    const prints = fingerprints([twin, { ...twin, startLine: 9, endLine: 9 }]);
    expect(prints[0]).not.toBe(prints[1]);
  });
});

// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif).
//
// SQLE's `normal` findings are left out: SQLE uses that level for "nothing to fix" results such
// as whitelisted SQL, and they are not annotated either. Every other level maps one to one:
// error → error, warn → warning, notice → note.

import { LEVEL_RANK, type Finding, type Language, type Level, type Report } from '../model.js';
import { encodePath, safeUrl, truncate } from './escape.js';
import { findingFingerprints } from './fingerprint.js';
import { sortFindings } from './findings.js';
import { text } from './i18n.js';
import { ruleId, syntheticKind } from './rule-id.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The partialFingerprints key: hash of rule + file + normalised statement (see fingerprint.ts). */
export const FINGERPRINT_KEY = 'sqleStatementHash/v1';

type SarifLevel = 'error' | 'warning' | 'note';
const SARIF_LEVEL: Record<Exclude<Level, 'normal'>, SarifLevel> = { error: 'error', warn: 'warning', notice: 'note' };
const DESCRIPTION_LENGTH = 1000;

type Reported = Finding & { level: Exclude<Level, 'normal'> };

export interface SarifOptions {
  /** Sets `runs[0].automationDetails.id` (`<category>/`), e.g. to keep several audits apart. */
  category?: string;
}

interface RuleEntry {
  id: string;
  level: Exclude<Level, 'normal'>;
  description: string;
}

function ruleDescription(finding: Finding, language: Language): string {
  if (finding.rule === '') return `SQLE: ${text(language, 'synthetic', syntheticKind(finding.message))}`;
  return truncate(finding.message.trim() === '' ? finding.rule : finding.message.trim(), DESCRIPTION_LENGTH);
}

/** One rule per rule id, sorted by id; its default level is the highest level it was reported at. */
function collectRules(findings: readonly Reported[], language: Language): RuleEntry[] {
  const rules = new Map<string, RuleEntry>();
  for (const finding of findings) {
    const id = ruleId(finding);
    const known = rules.get(id);
    if (known === undefined) rules.set(id, { id, level: finding.level, description: ruleDescription(finding, language) });
    else if (LEVEL_RANK[finding.level] > LEVEL_RANK[known.level]) known.level = finding.level;
  }
  return [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function artifactUri(path: string): string {
  return encodePath(path.replace(/^\/+/, ''));
}

function result(finding: Reported, ruleIndex: number, fingerprint: string, language: Language): object {
  const startLine = Math.max(1, Math.trunc(finding.startLine));
  const endLine = Math.max(startLine, Math.trunc(finding.endLine));
  return {
    ruleId: ruleId(finding),
    ruleIndex,
    level: SARIF_LEVEL[finding.level],
    message: { text: finding.message.trim() === '' ? ruleDescription(finding, language) : finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(finding.file), uriBaseId: '%SRCROOT%' },
          region: { startLine, endLine },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: { sqleLevel: finding.level, onChangedLines: finding.onChangedLines },
  };
}

function provenance(report: Report): object[] {
  const repositoryUri = safeUrl(`${report.serverUrl.replace(/\/+$/, '')}/${encodePath(report.repository)}`);
  if (repositoryUri === undefined || report.repository === '' || report.headSha === '') return [];
  return [{ repositoryUri, revisionId: report.headSha }];
}

function notifications(report: Report): object[] {
  return [
    ...report.errors.map((e) => ({ level: 'error', message: { text: e } })),
    ...report.notes.map((n) => ({ level: 'note', message: { text: n } })),
  ];
}

/** A SARIF 2.1.0 log with one run: SQLE's rules and every error, warning and notice. */
export function buildSarif(report: Report, toolVersion: string, options: SarifOptions = {}): object {
  const reported = sortFindings(report.findings).filter((f): f is Reported => f.level !== 'normal');
  const rules = collectRules(reported, report.language);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const fingerprints = findingFingerprints(reported);
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'SQLE',
        informationUri: 'https://github.com/actiontech/sqle',
        version: toolVersion,
        rules: rules.map((rule) => ({
          id: rule.id,
          shortDescription: { text: rule.description },
          defaultConfiguration: { level: SARIF_LEVEL[rule.level] },
          properties: { tags: ['sql', 'sqle'] },
        })),
      },
    },
    invocations: [{ executionSuccessful: report.result !== 'error', toolExecutionNotifications: notifications(report) }],
    results: reported.map((finding, i) => result(finding, index.get(ruleId(finding)) ?? 0, fingerprints[i] ?? '', report.language)),
    properties: { result: report.result, failOn: report.failOn, score: report.score, passRate: report.passRate, statements: report.statements },
  };
  const vcs = provenance(report);
  if (vcs.length > 0) run.versionControlProvenance = vcs;
  if (options.category !== undefined && options.category !== '') run.automationDetails = { id: `${options.category.replace(/\/+$/, '')}/` };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

// Issue 4 end to end: the pull-request comment, the job summary, SARIF, MyBatis mapper XML, zh/en
// and hostile content, as the runner runs the bundle against the SQLE/DMS and GitHub doubles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILES_DIR } from '../contract/replay/exchanges.js';
import type { StoredComment } from '../doubles/github/index.js';
import { sendJson, type DoubleRequest, type FaultInjector } from '../doubles/http-double.js';
import { HOSTILE } from '../report/fixtures.js';
import { expectSafeMarkdown } from '../report/markdown-safety.js';
import { multitoolErrors, sarifSchemaErrors } from '../report/sarif-validation.js';
import { expectSafeCommands } from '../report/workflow-commands.js';
import { TEST_GITHUB_TOKEN, type RunResult } from './harness.js';
import { HEAD_SHA, lineOf, type Scenario, type ScenarioOptions, scenarioPerTest, MIGRATION, CLEAN } from './scenario.js';

/** MIGRATION with the DELETE and the syntax error fixed: only the table's findings are left. */
const MIGRATION_PARTLY_FIXED = MIGRATION.replace('DELETE FROM orders_import;', 'DELETE FROM orders_import WHERE id = 1;').replace('SELEC broken FROM orders;', 'SELECT id FROM orders WHERE id = 1;');
/** A team template that gives findings at every level. */
const TEAM_TEMPLATE: ScenarioOptions['sqle'] = {
  ruleTemplates: ['default_MySQL', 'team'],
  ruleLevelOverrides: { team: { ddl_check_pk_not_exist: 'warn', ddl_check_column_without_default: 'notice' } },
};

const RUN_URL = 'https://github.com/acme/db/actions/runs/4242/attempts/1';
const BLOB = `https://github.com/acme/db/blob/${HEAD_SHA}/`;
/** Links the reports may carry: the repository on github.com (lines, runs, check runs) and SQLE. */
const trustedLinks = (s: Scenario): string[] => ['https://github.com/acme/db/', `${s.sqle.url}/sqle/project/`];

/** The mapper recorded against a real SQLE (sqle-real 110–113). */
const MYBATIS = path.join(FILES_DIR, 'mybatis');
const MAPPER = 'src/main/resources/mapper/UserMapper.xml';

const start = scenarioPerTest();

const commentRequests = (s: Scenario, method: string) =>
  s.github.requests.filter((q) => q.method === method && /\/issues\/(\d+\/)?comments/.test(q.path));

const onlyComment = (s: Scenario): StoredComment => {
  expect(s.github.comments).toHaveLength(1);
  return s.github.comments[0] as StoredComment;
};

/** Workflow-command lines with `::notice::` / `::warning::` that mention `text`. */
const commandsMentioning = (r: RunResult, command: string, text: string) =>
  r.stdout.split('\n').filter((l) => l.startsWith(`::${command}::`) && l.includes(text));

/** `count` statements that SQLE finds two errors in (no WHERE), one per line. */
const deletes = (count: number, table = 't'): string => Array.from({ length: count }, (_, i) => `DELETE FROM ${table}${i};`).join('\n') + '\n';

/** Holds the first two requests that match until both have arrived; lets every later one through. */
function holdUntilBoth(matches: (q: DoubleRequest) => boolean): FaultInjector {
  const held: (() => void)[] = [];
  return async (q) => {
    if (held.length >= 2 || !matches(q)) return false;
    await new Promise<void>((resolve) => {
      held.push(resolve);
      if (held.length === 2) for (const release of held) release();
    });
    return false;
  };
}

const FINDING_LINE = /^- (🔴|🟠|🔵|⚪) /u;
const findingLines = (markdown: string): string[] => markdown.split('\n').filter((l) => FINDING_LINE.test(l));

describe('the pull-request comment', () => {
  it('two runs give one comment, updated once', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    await s.run();
    const created = onlyComment(s);
    expect(created.body).toContain('all&#95;check&#95;where&#95;is&#95;invalid');
    expect(created.body).toContain(`[L7](${BLOB}db/V12__orders.sql#L7-L7)`);
    const second = await s.run();
    expect(onlyComment(s).id).toBe(created.id);
    expect(onlyComment(s).history).toHaveLength(2);
    expect(commentRequests(s, 'POST')).toHaveLength(1);
    expect(commentRequests(s, 'PATCH')).toHaveLength(1);
    expect(second.stdout).toContain(`Pull-request comment updated: https://github.com/acme/db/pull/7#issuecomment-${created.id}`);
  });

  it('follows the fixes, and when every finding is fixed says so instead of vanishing', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    await s.run();
    const created = onlyComment(s);

    await s.run({}, { files: { 'db/V12__orders.sql': MIGRATION_PARTLY_FIXED } });
    const updated = onlyComment(s);
    expect(updated.body).not.toContain('all&#95;check&#95;where&#95;is&#95;invalid');
    expect(updated.body).toContain('ddl&#95;check&#95;pk&#95;not&#95;exist');

    const fixed = await s.run({}, { files: { 'db/V12__orders.sql': CLEAN } });
    expect(fixed.exitCode).toBe(0);
    const final = onlyComment(s);
    expect(final.id).toBe(created.id);
    expect(final.history).toHaveLength(3);
    expect(final.body).toContain('### ✅ SQLE audit passed');
    expect(final.body).toContain('✅ No findings: every audited statement passes.');
    expect(findingLines(final.body)).toEqual([]);
    expect(s.github.deletedComments).toEqual([]);
  });

  it('two runs racing at once still leave exactly one comment', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    // Both runs find no comment before either writes one: both create, then one must give way.
    s.github.faults = holdUntilBoth((q) => q.method === 'GET' && q.path.endsWith('/issues/7/comments'));
    const runs = await Promise.all([s.run(), s.run()]);
    for (const r of runs) expect(r.stdout).toMatch(/Pull-request comment (created|updated)/);
    expect(commentRequests(s, 'POST')).toHaveLength(2);
    const kept = onlyComment(s);
    expect(s.github.deletedComments).toHaveLength(1);
    expect(s.github.deletedComments[0]?.id).toBeGreaterThan(kept.id);
  });

  it('keys the comment by check name: two jobs keep two comments, each edited in place', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    await s.run({ 'check-name': 'SQLE prod' });
    await s.run({ 'check-name': 'SQLE staging', 'fail-on': 'never' });
    expect(s.github.comments).toHaveLength(2);
    await s.run({ 'check-name': 'SQLE prod', 'fail-on': 'warn' });
    expect(s.github.comments).toHaveLength(2);
    const [prod, staging] = s.github.comments;
    expect(prod?.history).toHaveLength(2);
    expect(staging?.history).toHaveLength(1);
    expect(prod?.body.split('\n')[0]).toBe('<!-- sqle-audit-comment key=SQLE%20prod%00default -->');
    expect(staging?.body.split('\n')[0]).toBe('<!-- sqle-audit-comment key=SQLE%20staging%00default -->');
  });

  it('comment: off never touches the comments; on and auto write one', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    await s.run({ comment: 'off' });
    expect(commentRequests(s, 'GET')).toEqual([]);
    expect(s.github.comments).toEqual([]);
    await s.run({ comment: 'on' });
    await s.run({ comment: 'auto', 'fail-on': 'never' });
    expect(onlyComment(s).history).toHaveLength(2);
  });

  it('a fork pull request skips the comment with one notice and does not fail the step for it', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN }, github: { permissions: 'fork' }, fork: true });
    const r = await s.run();
    expect(r.exitCode).toBe(0);
    expect(r.outputs['result']).toBe('passed');
    expect(commentRequests(s, 'GET')).toEqual([]);
    expect(commentRequests(s, 'POST')).toEqual([]);
    expect(commandsMentioning(r, 'notice', 'comment')).toHaveLength(1);
    expect(commandsMentioning(r, 'notice', 'comment')[0]).toContain('Pull request from a fork');
    expect(commandsMentioning(r, 'warning', 'comment')).toEqual([]);
  });

  it('comment: on for a fork tries, and warns once when GitHub refuses', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN }, github: { permissions: 'fork' }, fork: true });
    const r = await s.run({ comment: 'on' });
    expect(r.exitCode).toBe(0);
    expect(commentRequests(s, 'POST').map((q) => q.status)).toEqual([403]);
    expect(commandsMentioning(r, 'warning', 'may not comment')).toHaveLength(1);
    expect(s.github.comments).toEqual([]);
  });

  it('auto skips with one notice when the token may not write to a same-repository pull request', async () => {
    const s = await start({ files: { 'db/clean.sql': CLEAN }, github: { permissions: 'fork' } });
    const r = await s.run();
    expect(r.exitCode).toBe(0);
    expect(commandsMentioning(r, 'notice', 'pull-requests: write')).toHaveLength(1);
    expect(commandsMentioning(r, 'warning', 'comment')).toEqual([]);
  });
});

describe('size limits', () => {
  it('keeps the comment under 65,536 characters and the summary under 1 MiB with 10,000+ findings', async () => {
    const files = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`db/bulk/m${String(i).padStart(2, '0')}.sql`, deletes(101, `t${i}_`)]));
    const s = await start({ files });
    const r = await s.run();
    expect(r.outputs['error-count']).toBe('10100');
    expect(r.outputs['statements-audited']).toBe('5050');

    const comment = onlyComment(s).body;
    expect(comment.length).toBeLessThan(65_536);
    expect(comment).toMatch(/> ✂️ \d+ findings are not shown here \(comment size limit\)\. \[See the job summary\]\((.+)\)/);
    expect(/job summary\]\((.+)\)/.exec(comment)?.[1]).toBe(RUN_URL);
    const shown = findingLines(comment).length;
    const cut = Number(/✂️ (\d+) findings/.exec(comment)?.[1]);
    expect(shown).toBeGreaterThan(100);
    expect(shown + cut).toBe(10_100);
    expectSafeMarkdown(comment, trustedLinks(s));

    expect(Buffer.byteLength(r.summary, 'utf8')).toBeLessThan(1_048_576);
    for (const file of Object.keys(files)) expect(r.summary).toContain(`| <code>${file.replace(/_/g, '&#95;')}</code> | 101 | 202 | 0 | 0 |  |`);
    expect(r.summary).toMatch(/> ✂️ \d+ findings are not shown here \(size limit\)\. Every finding is in the JSON report/);
    expect(findingLines(r.summary).length).toBeGreaterThan(1000);
    expectSafeMarkdown(r.summary, trustedLinks(s));
    expect(r.report?.findings).toHaveLength(10_100);
    expect(s.github.checkRuns[0]?.annotations).toHaveLength(10_100);
  }, 120_000);
});

describe('the job summary', () => {
  it('shows the picture of the comment, plus the statements of every file', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION, 'db/clean.sql': CLEAN }, sqle: TEAM_TEMPLATE });
    const r = await s.run({ 'rule-template': 'team' });
    const { summary } = r;
    const errors = r.outputs['error-count'] ?? '';
    expect(summary).toContain(`| ${errors} | 2 | 1 | 0 | ${r.outputs['score']} | `);
    expect(summary).toMatch(new RegExp(`\\*\\*SQLE audit record:\\*\\* \\[record \\d+\\]\\(${s.sqle.url.replace(/[.]/g, '\\.')}/sqle/project/700300/sql-audit/detail/\\d+\\)`));
    expect(summary).toContain(`| <code>db/V12&#95;&#95;orders.sql</code> | 3 | ${errors} | 2 | 1 |  |`);
    expect(summary).toContain('| <code>db/clean.sql</code> | 1 | 0 | 0 | 0 |  |');
    expect(summary).toContain(`[L7](${BLOB}db/V12__orders.sql#L7-L7) <code>all&#95;check&#95;where&#95;is&#95;invalid</code>`);
    const checkRun = s.github.checkRuns[0];
    expect(summary).toContain(`> ℹ️ ${checkRun?.annotations.length} findings are annotated in the check run [<code>SQLE audit</code>](https://github.com/acme/db/runs/${checkRun?.id}).`);

    const comment = onlyComment(s).body;
    expect(findingLines(comment).length).toBe(Number(errors) + 3);
    for (const line of findingLines(comment)) expect(summary.split('\n')).toContain(line);
    expectSafeMarkdown(summary, trustedLinks(s));
  });

  it('says how many annotations GitHub will not display when it falls back to workflow commands', async () => {
    const s = await start({ files: { 'db/bulk.sql': deletes(30) + 'SELEC x;\n'.repeat(12) }, github: { permissions: 'fork' }, fork: true });
    const r = await s.run();
    expect(r.annotations.filter((a) => a.level === 'error')).toHaveLength(60);
    expect(r.annotations.filter((a) => a.level === 'warning')).toHaveLength(12);
    expect(r.summary).toContain('> ⚠️ At least 52 of the 72 annotations are not displayed: this run annotated with workflow commands (no check run)');
  });

  it('summary: false writes none', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    const r = await s.run({ summary: 'false' });
    expect(r.summary).toBe('');
    expect(s.github.comments).toHaveLength(1);
  });
});

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; endLine: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

function readSarif(r: RunResult): SarifLog {
  const file = r.outputs['sarif-file'] ?? '';
  expect(file).not.toBe('');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SarifLog;
}

describe('sarif-file', () => {
  it('writes SARIF that validates: one rule per SQLE rule, physical locations, mapped levels', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION }, sqle: TEAM_TEMPLATE });
    const r = await s.run({ 'rule-template': 'team', 'sarif-file': 'reports/sqle.sarif' });
    expect(r.outputs['sarif-file']).toBe(path.join(r.workspace, 'reports/sqle.sarif'));
    const log = readSarif(r);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(multitoolErrors(log, 'e2e')).toEqual([]);

    const [run] = log.runs;
    const findings = r.report?.findings ?? [];
    const ruleIds = run?.tool.driver.rules.map((rule) => rule.id) ?? [];
    expect(ruleIds).toEqual([...new Set(findings.map((f) => (f.rule === '' ? 'sqle/syntax-error' : f.rule)))].sort());
    expect(run?.results).toHaveLength(findings.length);
    const levels = { error: 'error', warn: 'warning', notice: 'note' } as Record<string, string>;
    for (const result of run?.results ?? []) {
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      const [location] = result.locations;
      const uri = location?.physicalLocation.artifactLocation.uri;
      const { startLine, endLine } = location?.physicalLocation.region ?? {};
      const finding = findings.find((f) => f.file === uri && f.startLine === startLine && f.endLine === endLine && result.message.text === f.message);
      expect(finding, `${result.ruleId} at ${uri}:${startLine}`).toBeDefined();
      expect(result.level).toBe(levels[finding?.level ?? '']);
    }
    expect(run?.results.map((x) => x.level).sort()).toEqual(expect.arrayContaining(['error', 'note', 'warning']));
    const pk = run?.results.find((x) => x.ruleId === 'ddl_check_pk_not_exist');
    expect(pk?.locations[0]?.physicalLocation.region).toEqual({ startLine: 2, endLine: 5 });
  });

  it('keeps every fingerprint when only the line numbers shift', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    const before = readSarif(await s.run({ 'sarif-file': 'sqle.sarif' }));
    const shifted = `-- moved down by a new header\n-- of three lines\n\n${MIGRATION}`;
    const after = readSarif(await s.run({ 'sarif-file': 'sqle.sarif' }, { files: { 'db/V12__orders.sql': shifted } }));
    const prints = (log: SarifLog) => (log.runs[0]?.results ?? []).map((x) => Object.values(x.partialFingerprints)[0]);
    expect(prints(before).length).toBeGreaterThan(3);
    expect(new Set(prints(before)).size).toBe(prints(before).length);
    expect(prints(after)).toEqual(prints(before));
    const lines = (log: SarifLog) => (log.runs[0]?.results ?? []).map((x) => x.locations[0]?.physicalLocation.region.startLine ?? 0);
    expect(lines(after)).toEqual(lines(before).map((l) => l + 3));
  });

  it('without sarif-file writes none and leaves the output empty', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    const r = await s.run();
    expect(r.outputs['sarif-file']).toBe('');
  });
});

describe('MyBatis mapper XML', () => {
  const mybatisFiles = (): Record<string, string> => ({
    'db/V1__users.sql': fs.readFileSync(path.join(MYBATIS, 'db/V1__users.sql'), 'utf8'),
    [MAPPER]: fs.readFileSync(path.join(MYBATIS, MAPPER), 'utf8'),
  });

  it('sends mappers in the same zip and annotates their findings from the opening to the closing tag', async () => {
    const files = mybatisFiles();
    const s = await start({ files });
    const r = await s.run({ files: 'db/**/*.sql\nsrc/**/*.xml' });
    expect(s.sqle.records).toHaveLength(1);
    expect(s.sqle.records[0]?.files.map((f) => f.path).sort()).toEqual(['db/V1__users.sql', MAPPER]);
    expect(r.outputs['files-audited']).toBe('2');

    const xml = files[MAPPER] ?? '';
    const span = (open: string, close: string) => {
      const start = lineOf(xml, open);
      return { start, end: start + xml.split('\n').slice(start - 1).findIndex((l) => l.includes(close)) };
    };
    const findAll = span('<select id="findAll"', '</select>');
    const search = span('<select id="search"', '</select>');
    const disableAll = span('<update id="disableAll"', '</update>');
    expect([findAll, search, disableAll]).toEqual([{ start: 18, end: 20 }, { start: 22, end: 34 }, { start: 52, end: 54 }]);

    const annotations = (s.github.checkRuns[0]?.annotations ?? []).filter((a) => a.path === MAPPER);
    const at = (where: { start: number; end: number }) => annotations.filter((a) => a.start_line === where.start && a.end_line === where.end).map((a) => a.title).sort();
    expect(at(findAll)).toEqual(['all_check_where_is_invalid']);
    expect(at(search)).toEqual(['dml_check_fuzzy_search']);
    expect(at(disableAll)).toEqual(['all_check_where_is_invalid', 'dml_check_update_or_delete_has_where']);
    expect(annotations).toHaveLength(4);
    expect(r.summary).toContain(`[L52–L54](${BLOB}${MAPPER}#L52-L54) <code>dml&#95;check&#95;update&#95;or&#95;delete&#95;has&#95;where</code>`);
    expect(r.summary).toContain(`| <code>${MAPPER}</code> | 9 | 4 | 0 | 0 |  |`);
  });

  it('leaves mappers out when no glob selects XML', async () => {
    const s = await start({ files: mybatisFiles() });
    const r = await s.run();
    expect(s.sqle.records[0]?.files.map((f) => f.path)).toEqual(['db/V1__users.sql']);
    expect(r.outputs['files-audited']).toBe('1');
  });
});

/** Makes SQLE answer as if asked in `lang` whatever the action asks, so its `message` field is in that language. */
function answerIn(lang: 'zh' | 'en' | 'default'): FaultInjector {
  return (q) => {
    if (lang === 'default') delete q.headers['accept-language'];
    else q.headers['accept-language'] = lang === 'zh' ? 'zh-CN' : 'en-US';
    return false;
  };
}

const resultsRequest = (s: Scenario) => s.sqle.requests.find((q) => /\/sqle\/v2\/tasks\/audits\/\d+\/sqls$/.test(q.path));

describe('language', () => {
  it('zh: SQLE messages from i18n_audit_result_info and Chinese headings, even when SQLE answers in English', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    s.sqle.faults = answerIn('en');
    const r = await s.run({ language: 'zh' });
    expect(resultsRequest(s)?.headers['accept-language']).toBe('en-US');
    const messages = (s.github.checkRuns[0]?.annotations ?? []).map((a) => a.message);
    expect(messages).toContain('禁止使用没有WHERE条件或者WHERE条件恒为TRUE的SQL');
    expect(messages).toContain('语法错误或者解析器不支持，请人工确认SQL正确性');
    expect(messages.some((m) => /Prohibit|Syntax error/.test(m))).toBe(false);
    expect(r.summary).toContain('## ❌ SQLE 审核未通过：存在 `error` 及以上级别的问题');
    expect(r.summary).toContain('### 文件');
    expect(r.summary).toContain('### 审核结果');
    expect(r.summary).toContain('<i>语法错误</i> 语法错误或者解析器不支持');
    const comment = onlyComment(s).body;
    expect(comment).toContain('### ❌ SQLE 审核未通过');
    expect(comment).toContain('🔴 错误 **');
    expect(comment).toContain('禁止使用没有WHERE条件或者WHERE条件恒为TRUE的SQL');
    expect(comment).toContain('查看作业摘要');
  });

  it('en: English messages and headings although SQLE answers in Chinese by default', async () => {
    const s = await start({ files: { 'db/V12__orders.sql': MIGRATION } });
    s.sqle.faults = answerIn('default');
    const r = await s.run({ language: 'en' });
    expect(resultsRequest(s)?.headers['accept-language']).toBeUndefined();
    const messages = (s.github.checkRuns[0]?.annotations ?? []).map((a) => a.message);
    expect(messages).toContain('Prohibit SQL without WHERE condition or WHERE condition that is always TRUE');
    expect(messages.some((m) => /[\u4e00-\u9fff]/.test(m))).toBe(false);
    expect(r.summary).toContain('### Findings');
    expect(r.summary).not.toMatch(/[\u4e00-\u9fff]/);
    expect(onlyComment(s).body).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

/** A file name for each hostile string: NUL cannot be in a path and a path has no empty segment. */
function hostilePaths(): string[] {
  return HOSTILE.filter((h) => h.length < 200).map((h, i) => {
    const name = h.replaceAll('\u0000', '').replace(/\/{2,}/g, (slashes) => slashes.split('').join(' '));
    return i % 2 === 0 ? `db/${i} ${name}.sql` : `${name} ${i}.sql`;
  });
}

const sqlString = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * Hostile text in the SQL itself: a comment, a string literal, and a statement SQLE cannot parse.
 * Control characters are left out: they make the action refuse the file as binary.
 */
function hostileSql(hostile: string, i: number): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const text = hostile.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  return `-- ${text.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')}\nUPDATE t${i} SET note = ${sqlString(text)};\nSELEC ${sqlString(text)} FROM x;\n`;
}

interface ResultsPage {
  data?: { audit_result?: { message: string; rule_name: string; i18n_audit_result_info?: Record<string, { Message?: string }> }[] | null }[];
}

/** SQLE's messages and rule names with hostile text appended, as a rule quoting a contributor's identifiers would. */
function hostileSqleResults(sqleUrl: string): FaultInjector {
  return async (q, res) => {
    if (q.method !== 'GET' || !/\/sqle\/v2\/tasks\/audits\/\d+\/sqls$/.test(q.path) || q.headers['x-e2e-pass'] !== undefined) return false;
    const upstream = await fetch(`${sqleUrl}${q.url}`, { headers: { authorization: String(q.headers.authorization), 'accept-language': String(q.headers['accept-language']), 'x-e2e-pass': '1' } });
    const page = (await upstream.json()) as ResultsPage;
    let n = 0;
    for (const row of page.data ?? []) {
      for (const result of row.audit_result ?? []) {
        const text = HOSTILE[n++ % HOSTILE.length] ?? '';
        result.message += ` ${text}`;
        if (result.rule_name !== '') result.rule_name += ` ${text.slice(0, 100)}`;
        for (const info of Object.values(result.i18n_audit_result_info ?? {})) info.Message = `${info.Message ?? ''} ${text}`;
      }
    }
    sendJson(res, upstream.status, page);
    return true;
  };
}

describe('hostile content', () => {
  const paths = hostilePaths();
  const files = Object.fromEntries(paths.map((p, i) => [p, hostileSql(HOSTILE[i] ?? '', i)]));

  async function hostileRun(opts: Partial<ScenarioOptions>, inputs: Record<string, string> = {}): Promise<{ s: Scenario; r: RunResult }> {
    const s = await start({ files, ...opts });
    s.sqle.faults = hostileSqleResults(s.sqle.url);
    const r = await s.run({ 'sarif-file': 'sqle.sarif', ...inputs });
    expect(r.outputs['files-audited']).toBe(String(paths.length));
    expect(new Set(r.report?.findings.map((f) => f.file))).toEqual(new Set(paths));
    expect(r.report?.findings.every((f) => HOSTILE.some((h) => f.message.endsWith(h)))).toBe(true);
    expectSafeMarkdown(r.summary, trustedLinks(s));
    expect(sarifSchemaErrors(readSarif(r))).toEqual([]);
    return { s, r };
  }

  /** The run's secrets in every form the action masks them (plain, URL-encoded, base64). */
  const secrets = (s: Scenario): string[] =>
    [s.token, TEST_GITHUB_TOKEN].flatMap((t) => [t, encodeURIComponent(t), Buffer.from(t).toString('base64')]);

  it('file names, SQL and SQLE messages inject nothing into the comment, the summary, the check run or the log', async () => {
    const { s, r } = await hostileRun({});
    expectSafeMarkdown(onlyComment(s).body, trustedLinks(s));
    const [checkRun] = s.github.checkRuns;
    expectSafeMarkdown(checkRun?.output.summary ?? '', trustedLinks(s));
    expectSafeMarkdown(checkRun?.output.text ?? '', trustedLinks(s));
    expect(new Set(checkRun?.annotations.map((a) => a.path))).toEqual(new Set(paths));
    const commands = expectSafeCommands(r.stdout, { files: paths, secrets: secrets(s) });
    expect(commands.filter((c) => c.properties['file'] !== undefined)).toEqual([]);
    expect(r.stdout.split(/\r\n|\r|\n/).filter((l) => / error all_check_where_is_invalid /.test(l))).toHaveLength(paths.length);
  });

  it('hostile workflow-command annotations each name their own file and start no other command', async () => {
    const { s, r } = await hostileRun({ github: { permissions: 'fork' }, fork: true });
    const commands = expectSafeCommands(r.stdout, { files: paths, secrets: secrets(s) });
    const annotations = commands.filter((c) => c.properties['file'] !== undefined);
    expect(annotations).toHaveLength(r.report?.findings.filter((f) => f.level !== 'normal').length ?? -1);
    expect(new Set(annotations.map((c) => c.properties['file']))).toEqual(new Set(paths));
    for (const c of annotations) expect(HOSTILE.some((h) => c.data.endsWith(h) || c.data.endsWith('…'))).toBe(true);
  });
});

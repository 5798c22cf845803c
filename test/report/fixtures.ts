// Reports for the renderer tests: a realistic one (en and zh), a huge one, and a hostile one.

import type { DliReport, Finding, Language, Level, Report } from '../../src/model.js';

export const SERVER = 'https://github.com';
export const REPO = 'acme/warehouse';
export const SHA = '3f2c9e1a7b4d6c8e0f1a2b3c4d5e6f708192a3b4';
export const BLOB = `${SERVER}/${REPO}/blob/${SHA}/`;
export const RECORD_URL = 'https://sqle.example.com:10000/sqle/project/700300/sql-audit/detail/1990001';
export const RUN_URL = `${SERVER}/${REPO}/actions/runs/42/attempts/1`;

/** SQLE's messages in both languages (from the recorded real responses). */
const MESSAGES = {
  all_check_where_is_invalid: {
    en: 'Prohibit SQL without WHERE condition or WHERE condition that is always TRUE',
    zh: '禁止使用没有WHERE条件或者WHERE条件恒为TRUE的SQL',
  },
  dml_check_update_or_delete_has_where: {
    en: 'It is recommended to use WHERE conditions for UPDATE/DELETE operations',
    zh: '建议UPDATE/DELETE操作使用WHERE条件',
  },
  ddl_check_pk_not_exist: { en: 'Table must have a primary key', zh: '表必须有主键' },
  ddl_disable_drop_statement: { en: 'Do not use DROP operations except for indexes', zh: '禁止除索引外的DROP操作' },
  ddl_check_column_without_default: {
    en: 'Except for auto-increment column and large field column, each column must add default value',
    zh: '除了自增列及大字段列之外，每个列都必须添加默认值',
  },
  syntax: {
    en: 'Syntax error or parser does not support it. Please manually confirm the correctness of SQL.',
    zh: '语法错误或者解析器不支持，请人工确认SQL正确性',
  },
  whitelist: { en: 'Audit SQL exceptions', zh: '审核SQL例外' },
} as const;

type MessageKey = keyof typeof MESSAGES;

function finding(
  lang: Language,
  file: string,
  startLine: number,
  endLine: number,
  level: Level,
  key: MessageKey,
  sql: string,
  onChangedLines = true,
): Finding {
  const rule = key === 'syntax' || key === 'whitelist' ? '' : key;
  return { file, startLine, endLine, level, rule, message: MESSAGES[key][lang], sql, onChangedLines };
}

const INIT = 'db/migrations/001_init.sql';
const SEED = 'db/migrations/002_seed.sql';
const MAPPER = 'src/main/resources/mapper/UserMapper.xml';
const CREATE_ORDERS = 'CREATE TABLE orders (\n  id BIGINT NOT NULL,\n  total DECIMAL(10, 2)\n)';

export function realisticFindings(lang: Language): Finding[] {
  return [
    finding(lang, INIT, 4, 8, 'error', 'ddl_check_pk_not_exist', CREATE_ORDERS),
    finding(lang, INIT, 4, 8, 'notice', 'ddl_check_column_without_default', CREATE_ORDERS),
    finding(lang, INIT, 15, 15, 'error', 'all_check_where_is_invalid', 'DELETE FROM orders'),
    finding(lang, INIT, 15, 15, 'error', 'dml_check_update_or_delete_has_where', 'DELETE FROM orders'),
    finding(lang, INIT, 19, 19, 'warn', 'syntax', 'SELEC * FORM orders'),
    finding(lang, INIT, 23, 23, 'warn', 'ddl_disable_drop_statement', 'DROP TABLE orders_old', false),
    finding(lang, SEED, 6, 6, 'normal', 'whitelist', "INSERT INTO settings (k, v) VALUES ('mode', 'on')"),
    finding(lang, MAPPER, 18, 20, 'error', 'all_check_where_is_invalid', 'SELECT * FROM users'),
    finding(lang, MAPPER, 52, 54, 'error', 'all_check_where_is_invalid', 'UPDATE users SET status = 0'),
    finding(lang, MAPPER, 52, 54, 'error', 'dml_check_update_or_delete_has_where', 'UPDATE users SET status = 0'),
  ];
}

function realisticDli(): DliReport {
  return {
    mode: 'submit',
    result: 'failed',
    jobIds: ['a1b2c3d4-0001', 'a1b2c3d4-0002'],
    statements: [
      { file: 'dli/tables.sql', startLine: 1, endLine: 6, sql: 'CREATE TABLE IF NOT EXISTS sales (\n  id BIGINT\n) USING parquet', kind: 'ddl', verb: 'CREATE TABLE', status: 'finished', jobId: 'a1b2c3d4-0001', durationMs: 5320 },
      { file: 'dli/tables.sql', startLine: 8, endLine: 8, sql: 'CREATE TABLE IF NOT EXISTS regions (id INT) USING parquet', kind: 'ddl', verb: 'CREATE TABLE', status: 'already-applied', jobId: 'f0e1d2c3-0999', message: 'FINISHED job with the same tags' },
      { file: 'dli/tables.sql', startLine: 10, endLine: 10, sql: 'ALTER TABLE sales ADD COLUMNS (region STRING)', kind: 'ddl', verb: 'ALTER TABLE', status: 'failed', jobId: 'a1b2c3d4-0002', durationMs: 1210, message: 'DLI.0005: Column region already exists' },
      { file: 'dli/tables.sql', startLine: 12, endLine: 12, sql: 'DROP TABLE IF EXISTS tmp_sales', kind: 'ddl', verb: 'DROP TABLE', status: 'not-attempted' },
      { file: 'dli/tables.sql', startLine: 14, endLine: 14, sql: "INSERT INTO sales VALUES (1, 'north')", kind: 'other', verb: 'INSERT', status: 'not-submitted' },
    ],
  };
}

export function realisticReport(lang: Language = 'en', overrides: Partial<Report> = {}): Report {
  const findings = realisticFindings(lang);
  return {
    result: 'failed',
    failOn: 'error',
    language: lang,
    files: [
      { path: INIT, statements: 9, encoding: 'utf-8' },
      { path: SEED, statements: 3, encoding: 'utf-8' },
      { path: MAPPER, statements: 9, encoding: 'utf-8' },
      { path: 'db/migrations/003_clean.sql', statements: 2, encoding: 'utf-8' },
      { path: 'db/legacy/004_binary.sql', statements: 0, error: 'not a text file (contains NUL bytes)' },
    ],
    findings,
    records: [{ id: '1990001', taskId: 17, url: RECORD_URL, files: [INIT, SEED, MAPPER, 'db/migrations/003_clean.sql'], statements: 23, score: 31, passRate: 0.5 }],
    statements: 23,
    score: 31,
    passRate: 0.5,
    counts: { error: 6, warn: 2, notice: 1, normal: 1 },
    errors: [],
    notes: [],
    serverUrl: SERVER,
    repository: REPO,
    headSha: SHA,
    runUrl: RUN_URL,
    dli: realisticDli(),
    ...overrides,
  };
}

export function cleanReport(lang: Language = 'en'): Report {
  return realisticReport(lang, {
    result: 'passed',
    findings: [],
    counts: { error: 0, warn: 0, notice: 0, normal: 0 },
    score: 100,
    passRate: 1,
    dli: undefined,
  });
}

/** `count` findings spread over many files, with long messages. */
export function hugeReport(count: number, lang: Language = 'en'): Report {
  const findings: Finding[] = [];
  const levels: Level[] = ['error', 'warn', 'notice'];
  for (let i = 0; i < count; i++) {
    const file = `db/generated/area_${String(i % 500).padStart(3, '0')}/migration_${Math.floor(i / 500)}.sql`;
    findings.push({
      file,
      startLine: i + 1,
      endLine: i + 3,
      level: levels[i % 3] ?? 'error',
      rule: `rule_number_${i % 57}`,
      message: `Finding ${i}: ${'a very long SQLE message explaining what is wrong '.repeat(8)}`,
      sql: `UPDATE t${i} SET a = 1`,
      onChangedLines: i % 4 !== 0,
    });
  }
  const files = [...new Set(findings.map((f) => f.file))].map((path) => ({ path, statements: 40 }));
  return realisticReport(lang, {
    findings,
    files,
    statements: files.length * 40,
    counts: { error: Math.ceil(count / 3), warn: Math.ceil((count - 1) / 3), notice: Math.floor(count / 3), normal: 0 },
  });
}

/** Strings a contributor could put in a file name, a SQL statement or (through SQL) a message. */
export const HOSTILE: readonly string[] = [
  '@octocat please look',
  '@acme/security-team',
  'mail admin@example.com',
  '![x](http://evil.example/pixel.png)',
  '[click me](javascript:alert(1))',
  '[ref]: http://evil.example/',
  '<img src=x onerror=alert(1)>',
  '</details><script>alert(1)</script>',
  '</summary></details><details open>',
  '<!-- hidden --> -->',
  'a | b | c',
  'line one\nline two\r\nline three\rline four',
  '\n## HEADING-INJECTED\n- [x] task',
  '```sql\nDROP TABLE x;\n```',
  '````` five backticks `` two',
  '%0A::error::pwned%0D%25',
  '::error file=x,line=1::injected',
  '::add-mask::secret',
  '##[error]old style command',
  'right\u202Eleft override \u2066isolate\u2069 \u200Fmark',
  'see #123 and GH-45 and acme/other#7',
  'http://evil.example/path and www.evil.example and https://evil.example',
  '*bold* _em_ ~~strike~~ `code` $x^2$',
  '&lt;img src=x&gt; &#60;script&#62;',
  '\\[escaped\\](http://evil.example)',
  'tab\tand\u0000nul\u0007bell',
  'x'.repeat(100_000),
];

/** The realistic report with hostile strings in every untrusted field. */
export function hostileReport(lang: Language = 'en'): Report {
  const findings: Finding[] = HOSTILE.flatMap((h, i) => {
    const file = `db/${h}/${i}.sql`;
    return [
      { file, startLine: i + 1, endLine: i + 2, level: 'error', rule: h, message: h, sql: h, onChangedLines: true },
      { file: h, startLine: 1, endLine: 1, level: 'warn', rule: '', message: `${h} ${h}`, sql: `SELECT '${h}'`, onChangedLines: i % 2 === 0 },
    ] satisfies Finding[];
  });
  const dli: DliReport = {
    mode: 'submit',
    result: 'failed',
    reason: HOSTILE.join(' '),
    jobIds: HOSTILE.map((_, i) => `job-${i}`),
    statements: HOSTILE.map((h, i) => ({
      file: h,
      startLine: i + 1,
      endLine: i + 1,
      sql: `${h}\n${h}`,
      kind: i % 3 === 0 ? 'other' : 'ddl',
      verb: h,
      status: i % 2 === 0 ? 'failed' : 'finished',
      jobId: h,
      durationMs: i * 100,
      message: h,
    })),
  };
  return realisticReport(lang, {
    result: 'error',
    files: HOSTILE.map((h, i) => ({ path: h, statements: i, error: h })),
    findings,
    records: [
      { id: HOSTILE[3], url: 'javascript:alert(1)', files: [...HOSTILE], statements: 3, error: HOSTILE.join('\n') },
      { id: '<b>', url: 'https://sqle.example.com/sqle/project/1/sql-audit/detail/2?x=a)b(c|d', files: ['a.sql'], statements: 1 },
    ],
    errors: [...HOSTILE],
    notes: [...HOSTILE],
    dli,
  });
}

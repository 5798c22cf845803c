// Every heading and label of the rendered reports, in English and Chinese.
// Arguments are inserted as given: callers escape untrusted values before passing them.

import type { DliMode, DliResult, DliStatementStatus, FailOn, Language, Level } from '../model.js';

const en = {
  resultPassed: () => 'SQLE audit passed',
  resultFailed: (failOn: FailOn) => `SQLE audit failed: findings at or above \`${failOn}\``,
  resultError: () => 'SQLE audit could not be completed',
  level: (level: Level) => ({ error: 'error', warn: 'warning', notice: 'notice', normal: 'normal' })[level],
  levelPlural: (level: Level) => ({ error: 'Errors', warn: 'Warnings', notice: 'Notices', normal: 'Normal' })[level],
  score: () => 'Score',
  passRate: () => 'Pass rate',
  filesAudited: () => 'Files',
  statementsAudited: () => 'Statements',
  failOn: () => 'Fails on',
  failOnNever: () => 'never',
  notAnnotated: (count: number) =>
    `${count} ${count === 1 ? 'finding is' : 'findings are'} not annotated: the statement touches no line this change modified.`,
  auditRecord: () => 'SQLE audit record',
  auditRecords: () => 'SQLE audit records',
  recordLabel: (id: string) => `record ${id}`,
  recordFailed: (files: string, error: string) => `failed for ${files}: ${error}`,
  recordNoLink: () => 'no link (SQLE did not return a record id)',
  errorsHeading: () => 'The audit could not be completed',
  notesHeading: () => 'Notes',
  filesHeading: () => 'Files',
  fileColumn: () => 'File',
  problemColumn: () => 'Problem',
  findingsHeading: () => 'Findings',
  noFindings: () => 'No findings: every audited statement passes.',
  notChanged: () => 'line not changed here',
  unchangedHeading: (count: number) =>
    `${count} ${count === 1 ? 'finding' : 'findings'} on lines this change did not modify`,
  moreItems: (count: number) => `… and ${count} more`,
  findingsCut: (count: number) =>
    `${count} ${count === 1 ? 'finding is' : 'findings are'} not shown here (size limit). ` +
    'Every finding is in the JSON report (`report-file` output) and in the SARIF file (`sarif-file` input).',
  rowsCut: (count: number) => `${count} more not shown (size limit).`,
  commentCut: (count: number) =>
    `${count} ${count === 1 ? 'finding is' : 'findings are'} not shown here (comment size limit).`,
  seeSummary: () => 'See the job summary',
  resultsFor: (sha: string) => `Results for commit ${sha}`,
  synthetic: (kind: 'syntax-error' | 'whitelisted' | 'unnamed') =>
    ({ 'syntax-error': 'syntax error', whitelisted: 'whitelisted SQL', unnamed: 'SQLE result' })[kind],
  annotationsInCheckRun: (count: number, checkRun: string) =>
    `${count} ${count === 1 ? 'finding is' : 'findings are'} annotated in the check run ${checkRun}.`,
  annotationsRefused: (count: number) =>
    `${count} ${count === 1 ? 'annotation was' : 'annotations were'} refused by GitHub: see the findings below.`,
  annotationsAsCommands: (count: number) =>
    `${count} ${count === 1 ? 'finding is' : 'findings are'} annotated with workflow commands (no check run).`,
  annotationsHidden: (hidden: number, written: number) =>
    `At least ${hidden} of the ${written} annotations are not displayed: this run annotated with workflow commands ` +
    '(no check run), and GitHub displays at most 10 errors, 10 warnings and 10 notices of those per step, 50 per job. ' +
    'See the findings below.',
  checkTitleClean: () => 'No findings',
  checkTitleError: () => 'Audit incomplete',
  dliHeading: () => 'Huawei Cloud DLI',
  dliMode: (mode: DliMode) => ({ off: 'off', check: 'check only', submit: 'submit' })[mode],
  dliResult: (result: DliResult) =>
    ({ skipped: 'skipped', checked: 'checked', submitted: 'submitted', failed: 'failed' })[result],
  dliModeLabel: () => 'Mode',
  dliResultLabel: () => 'Result',
  dliJobsLabel: () => 'Jobs',
  dliReason: () => 'Reason',
  dliStatus: (status: DliStatementStatus) =>
    ({
      finished: 'finished',
      'already-applied': 'already applied (not submitted again)',
      failed: 'failed',
      cancelled: 'cancelled',
      'not-attempted': 'not attempted',
      'check-ok': 'check passed',
      'check-failed': 'check failed',
      'not-verifiable': 'not verifiable (depends on DDL of this change)',
      'not-submitted': 'not submitted',
    })[status],
  dliStatementColumn: () => 'Statement',
  dliJobColumn: () => 'Job',
  dliStatusColumn: () => 'Status',
  dliDurationColumn: () => 'Duration',
  dliMessageColumn: () => 'DLI message',
  dliNotSubmitted: () => 'Not sent to DLI (not DDL)',
  dliFailedSql: (where: string) => `SQL of the failed statement ${where}`,
  dliNoStatements: () => 'No statement to send.',
};

type Messages = typeof en;

const zh: Messages = {
  resultPassed: () => 'SQLE 审核通过',
  resultFailed: (failOn) => `SQLE 审核未通过：存在 \`${failOn}\` 及以上级别的问题`,
  resultError: () => 'SQLE 审核未能完成',
  level: (level) => ({ error: '错误', warn: '警告', notice: '提示', normal: '正常' })[level],
  levelPlural: (level) => ({ error: '错误', warn: '警告', notice: '提示', normal: '正常' })[level],
  score: () => '评分',
  passRate: () => '通过率',
  filesAudited: () => '文件',
  statementsAudited: () => '语句',
  failOn: () => '失败阈值',
  failOnNever: () => '从不',
  notAnnotated: (count) => `${count} 个问题未标注：所在语句不涉及本次变更修改的行。`,
  auditRecord: () => 'SQLE 审核记录',
  auditRecords: () => 'SQLE 审核记录',
  recordLabel: (id) => `记录 ${id}`,
  recordFailed: (files, error) => `${files} 审核失败：${error}`,
  recordNoLink: () => '无链接（SQLE 未返回记录 ID）',
  errorsHeading: () => '审核未能完成',
  notesHeading: () => '说明',
  filesHeading: () => '文件',
  fileColumn: () => '文件',
  problemColumn: () => '问题',
  findingsHeading: () => '审核结果',
  noFindings: () => '没有发现问题：所有审核的语句均通过。',
  notChanged: () => '该行未在本次变更中修改',
  unchangedHeading: (count) => `${count} 个问题位于本次变更未修改的行`,
  moreItems: (count) => `……另有 ${count} 项`,
  findingsCut: (count) =>
    `另有 ${count} 个问题因篇幅限制未在此显示。全部问题见 JSON 报告（\`report-file\` 输出）和 SARIF 文件（\`sarif-file\` 输入）。`,
  rowsCut: (count) => `另有 ${count} 项因篇幅限制未显示。`,
  commentCut: (count) => `另有 ${count} 个问题因评论长度限制未在此显示。`,
  seeSummary: () => '查看作业摘要',
  resultsFor: (sha) => `提交 ${sha} 的结果`,
  synthetic: (kind) => ({ 'syntax-error': '语法错误', whitelisted: '白名单 SQL', unnamed: 'SQLE 结果' })[kind],
  annotationsInCheckRun: (count, checkRun) => `${count} 个问题已标注在检查运行 ${checkRun} 中。`,
  annotationsRefused: (count) => `${count} 个标注被 GitHub 拒绝：见下方问题列表。`,
  annotationsAsCommands: (count) => `${count} 个问题以工作流命令标注（未写入检查运行）。`,
  annotationsHidden: (hidden, written) =>
    `${written} 个标注中至少 ${hidden} 个未显示：本次运行以工作流命令标注（未写入检查运行），` +
    'GitHub 对这类标注每个步骤最多显示 10 个错误、10 个警告和 10 个提示，每个作业最多 50 个。见下方问题列表。',
  checkTitleClean: () => '没有发现问题',
  checkTitleError: () => '审核未完成',
  dliHeading: () => '华为云 DLI',
  dliMode: (mode) => ({ off: '关闭', check: '仅检查', submit: '提交' })[mode],
  dliResult: (result) => ({ skipped: '已跳过', checked: '已检查', submitted: '已提交', failed: '失败' })[result],
  dliModeLabel: () => '模式',
  dliResultLabel: () => '结果',
  dliJobsLabel: () => '作业',
  dliReason: () => '原因',
  dliStatus: (status) =>
    ({
      finished: '已完成',
      'already-applied': '已执行过（未重复提交）',
      failed: '失败',
      cancelled: '已取消',
      'not-attempted': '未执行',
      'check-ok': '检查通过',
      'check-failed': '检查未通过',
      'not-verifiable': '无法检查（依赖本次变更中的 DDL）',
      'not-submitted': '未提交',
    })[status],
  dliStatementColumn: () => '语句',
  dliJobColumn: () => '作业',
  dliStatusColumn: () => '状态',
  dliDurationColumn: () => '耗时',
  dliMessageColumn: () => 'DLI 消息',
  dliNotSubmitted: () => '未发送到 DLI（非 DDL）',
  dliFailedSql: (where) => `失败语句 ${where} 的 SQL`,
  dliNoStatements: () => '没有需要发送的语句。',
};

const MESSAGES: Record<Language, Messages> = { en, zh };

export type TextKey = keyof Messages;

/** The label `key` in `language`, filled with `args`. */
export function text<K extends TextKey>(language: Language, key: K, ...args: Parameters<Messages[K]>): string {
  const message = MESSAGES[language][key] as (...a: Parameters<Messages[K]>) => string;
  return message(...args);
}

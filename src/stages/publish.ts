import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import type { EventInfo } from '../event.js';
import type { GitHub } from '../github/client.js';
import type { Log } from '../log.js';
import type { Finding, Report } from '../model.js';
import { publishAnnotations } from '../publish/annotate.js';
import { publishComment } from '../publish/comment.js';
import { reportOutputs } from '../publish/outputs.js';
import { buildJsonReport } from '../report/json-report.js';
import { findingLogLines } from '../report/log.js';
import { buildSarif } from '../report/sarif.js';
import { renderSummary } from '../report/summary.js';
import type { Settings } from '../settings/types.js';

export interface PublishDeps {
  report: Report;
  settings: Settings;
  event: EventInfo;
  gh: GitHub | undefined;
  log: Log;
  /** Where the JSON report goes (RUNNER_TEMP). */
  reportDir: string;
  workspace: string;
  toolVersion: string;
}

/**
 * Every reporter runs, each on its own: one that fails is logged and the others still report.
 * Files are written first so that nothing found is lost.
 */
export async function publishReport(deps: PublishDeps): Promise<{ outputs: Record<string, string> }> {
  const { report, settings, log } = deps;
  const paths: { reportFile?: string; sarifFile?: string } = {};
  await guard(log, 'the JSON report', async () => {
    const file = path.join(deps.reportDir, `sqle-report-${process.pid}-${Date.now()}.json`);
    await fs.promises.mkdir(deps.reportDir, { recursive: true });
    await fs.promises.writeFile(file, JSON.stringify(buildJsonReport(report), null, 2));
    paths.reportFile = file;
  });
  if (settings.sarifFile) {
    const sarifFile = settings.sarifFile;
    await guard(log, `the SARIF file ${sarifFile}`, async () => {
      const file = path.resolve(deps.workspace || '.', sarifFile);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.writeFile(file, JSON.stringify(buildSarif(report, deps.toolVersion), null, 2));
      paths.sarifFile = file;
    });
  }
  const lines = findingLogLines(report);
  if (lines.length > 0) {
    core.startGroup(`SQLE findings (${lines.length})`);
    for (const line of lines) log.info(line);
    core.endGroup();
  }
  for (const error of report.errors) log.warning(error);
  // The check run and the comment need nothing of each other: their round trips overlap.
  const [annotations] = await Promise.all([
    guard(log, 'the annotations', () =>
      publishAnnotations({
        report,
        findings: annotatedFindings(report),
        settings,
        gh: deps.gh,
        event: deps.event,
        log,
        writeCommand: (line) => process.stdout.write(`${line}\n`),
      }),
    ),
    guard(log, 'the pull-request comment', () => publishComment(report, settings, deps.gh, deps.event, log)),
  ]);
  if (settings.summary) {
    await guard(log, 'the job summary', () => core.summary.addRaw(renderSummary(report, { annotations }), true).write().then(() => undefined));
  }
  return { outputs: reportOutputs(report, paths) };
}

/** Findings shown on the diff: those on changed lines, and DLI check failures on their statements. */
function annotatedFindings(report: Report): Finding[] {
  const dliFailures: Finding[] = (report.dli?.statements ?? [])
    .filter((s) => s.status === 'check-failed' || s.status === 'failed')
    .map((s) => ({ file: s.file, startLine: s.startLine, endLine: s.endLine, level: 'error', rule: 'dli', message: `DLI: ${s.message ?? s.status}`, sql: s.sql, onChangedLines: true }));
  return [...report.findings.filter((f) => f.onChangedLines && f.level !== 'normal'), ...dliFailures];
}

/** Runs one reporter; a failure is logged (undefined is returned) and never stops the others. */
async function guard<T>(log: Log, what: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    log.warning(`Writing ${what} failed: ${(err as Error).message}`);
    return undefined;
  }
}

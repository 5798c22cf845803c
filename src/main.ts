import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { actionsLog as log } from './actions-log.js';
import { auditChanges } from './stages/audit.js';
import { deliverDdl } from './stages/dli.js';
import { publishReport } from './stages/publish.js';
import { readEvent, type EventInfo } from './event.js';
import { createChangeSource } from './files/change-source.js';
import { createGitHub, type GitHub } from './github/client.js';
import { createHttpService } from './http/client.js';
import type { Report } from './model.js';
import { readInputs } from './settings/inputs.js';
import { pullRequestTargetProblems } from './settings/event-rules.js';
import { parseSettings, SettingsError } from './settings/schema.js';
import type { Settings } from './settings/types.js';

const VERSION = '1.0.0';

/** The action: settings, audit, DLI, then every report; the only place that fails the step. */
export async function run(): Promise<void> {
  let settings: Settings;
  let event: EventInfo;
  const workspace = process.env['GITHUB_WORKSPACE'] ?? '';
  try {
    const raw = readInputs((name) => core.getInput(name), (secret) => core.setSecret(secret));
    settings = parseSettings(raw);
    event = readEvent(process.env, readPayload(process.env['GITHUB_EVENT_PATH']));
    const refused = pullRequestTargetProblems(settings, raw, event, workspace);
    if (refused.length > 0) throw new SettingsError(refused.join('\n'));
  } catch (err) {
    core.setOutput('result', 'error');
    core.setFailed((err as Error).message);
    return;
  }
  if (settings.http.insecureSkipTlsVerify) {
    log.warning('insecure-skip-tls-verify is on: TLS certificates of SQLE and DLI are not verified. Use it only for testing; give ca-cert instead.');
  }
  const gh: GitHub | undefined = settings.githubToken
    ? createGitHub({ token: settings.githubToken, apiUrl: process.env['GITHUB_API_URL'] ?? 'https://api.github.com', log, concurrency: settings.http.concurrency, timeoutMs: settings.http.timeoutSeconds * 1000 })
    : undefined;
  const sqleHttp = createHttpService('SQLE', settings.sqle.url, settings.http, log);
  const dmsHttp = createHttpService('DMS', settings.sqle.url, settings.http, log);

  const changes = createChangeSource(gh, event, workspace, log);

  const report: Report = await auditChanges({ settings, event, workspace, changes, sqle: sqleHttp, dms: dmsHttp, log, mask: (s) => core.setSecret(s) });
  if (settings.dli) {
    report.dli = await deliverDdl({ settings: settings.dli, scope: settings.scope, auditResult: report.result, event, workspace, changes, http: settings.http, log, mask: (s) => core.setSecret(s) });
  }
  const written = await publishReport({
    report,
    settings,
    event,
    gh,
    log,
    reportDir: process.env['RUNNER_TEMP'] || os.tmpdir(),
    workspace,
    toolVersion: VERSION,
  });
  for (const [name, value] of Object.entries(written.outputs)) core.setOutput(name, value);

  const failure = failureMessage(report, settings);
  if (failure) core.setFailed(failure);
}

function readPayload(eventPath: string | undefined): unknown {
  if (!eventPath) return {};
  try {
    return JSON.parse(fs.readFileSync(path.resolve(eventPath), 'utf8'));
  } catch (err) {
    throw new Error(`The event payload GITHUB_EVENT_PATH=${eventPath} cannot be read: ${(err as Error).message}`, { cause: err });
  }
}

function failureMessage(report: Report, settings: Settings): string | undefined {
  const parts: string[] = [];
  if (report.result === 'error') parts.push(`The SQLE audit could not be completed: ${report.errors.join(' | ')}`);
  if (report.result === 'failed') {
    const { error, warn, notice } = report.counts;
    parts.push(`SQLE found findings at or above fail-on "${settings.failOn}": ${error} error, ${warn} warning, ${notice} notice.`);
  }
  if (report.dli?.result === 'failed') parts.push(`DLI ${report.dli.mode === 'check' ? 'check' : 'submission'} failed${report.dli.reason ? `: ${report.dli.reason}` : '.'}`);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

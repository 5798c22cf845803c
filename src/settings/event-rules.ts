import path from 'node:path';
import type { EventInfo } from '../event.js';
import type { RawInputs } from './inputs.js';
import type { Settings } from './types.js';

/**
 * On pull_request_target the job holds the base repository's secrets and a write token while the
 * checkout may hold an unreviewed pull request: the inputs that would let it act with them are refused.
 */
export function pullRequestTargetProblems(settings: Settings, raw: RawInputs, event: Pick<EventInfo, 'name' | 'pull'>, workspace: string): string[] {
  if (event.name !== 'pull_request_target') return [];
  const problems: string[] = [];
  if (settings.dli?.mode === 'submit') {
    problems.push(
      'Input "dli-mode" is "submit" on a pull_request_target event; allowed there: off or check. DDL from an unmerged pull request is never run with the base repository\'s credentials: submit from a push to the default branch.',
    );
  }
  if (settings.sqle.instanceName && event.pull?.fromFork) {
    problems.push(
      'Input "instance-name" is set on a pull_request_target event for a pull request from a fork; SQLE would run the fork\'s statements (EXPLAIN, metadata queries) on that data source. Audit forks offline with "db-type".',
    );
  }
  const ca = raw['ca-cert'];
  const relative = ca && !ca.includes('-----BEGIN') && workspace ? path.relative(path.resolve(workspace), path.resolve(ca)) : undefined;
  if (relative !== undefined && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    problems.push(
      'Input "ca-cert" names a file inside the workspace, which the pull request controls on pull_request_target; give the PEM inline (from a secret or variable) or a path outside the workspace.',
    );
  }
  return problems;
}

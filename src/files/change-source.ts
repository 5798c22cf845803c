import type { ChangedFile } from '../github/changed-files.js';
import { compareCommits, listPullRequestFiles } from '../github/changed-files.js';
import type { GitHub } from '../github/client.js';
import type { EventInfo } from '../event.js';
import type { Log } from '../log.js';
import { createGitDiffer } from './git-diff.js';
import { selectTargets, type TargetSelection } from './targets.js';
import { listWorkspaceFiles } from './workspace.js';

/** Where changed files come from; every listing is fetched once and shared by the audit and DLI. */
export interface ChangeSource {
  select(globs: readonly string[], scope: 'changed' | 'all'): Promise<TargetSelection>;
}

export function createChangeSource(gh: GitHub | undefined, event: EventInfo, workspace: string, log: Log): ChangeSource {
  const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
    let promise: Promise<T> | undefined;
    return () => (promise ??= load());
  };
  const needGitHub = (what: string): GitHub => {
    if (!gh) throw new Error(`The github-token input is empty, but ${what} needs the GitHub API.`);
    return gh;
  };
  const pullFiles = once<ChangedFile[]>(() =>
    listPullRequestFiles(needGitHub('listing the files of the pull request'), {
      owner: event.owner,
      repo: event.repo,
      pullNumber: event.pull?.number ?? 0,
      changedFiles: event.pull?.changedFiles,
    }),
  );
  const pushFiles = once<ChangedFile[]>(() =>
    compareCommits(needGitHub('comparing the pushed commits'), { owner: event.owner, repo: event.repo, base: event.push?.before ?? '', head: event.push?.after ?? '' }),
  );
  const workspaceFiles = once(() => listWorkspaceFiles(workspace));
  const gitDiff = createGitDiffer(workspace);
  return {
    select: (globs, scope) =>
      selectTargets({
        event,
        scope,
        globs,
        listPullRequestFiles: pullFiles,
        compareCommits: () => pushFiles(),
        listWorkspaceFiles: workspaceFiles,
        gitDiff,
        log,
      }),
  };
}

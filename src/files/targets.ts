import type { ChangedFile } from '../github/changed-files.js';
import { changedLinesFromPatch } from '../github/patch.js';
import type { EventInfo } from '../event.js';
import type { Log } from '../log.js';
import type { GitDiffer } from './git-diff.js';
import { createGlobMatcher } from './globs.js';

/** The lines of a file that the change touched: every line, none, or a set. */
export type ChangedLines = 'all' | 'none' | ReadonlySet<number>;

export interface Target {
  path: string;
  changedLines: ChangedLines;
}

export interface TargetSelection {
  targets: Target[];
  /** Human-readable notes for the summary (removed files skipped, why every line counts...). */
  notes: string[];
}

export interface TargetDeps {
  event: EventInfo;
  scope: 'changed' | 'all';
  globs: readonly string[];
  listPullRequestFiles: () => Promise<ChangedFile[]>;
  compareCommits: (base: string, head: string) => Promise<ChangedFile[]>;
  listWorkspaceFiles: () => Promise<string[]>;
  /** Diffs a file of the checkout against the base, for files whose patch GitHub omitted. */
  gitDiff: GitDiffer;
  log: Log;
}

/** Decides which files to audit and which of their lines the change touched. */
export async function selectTargets(deps: TargetDeps): Promise<TargetSelection> {
  const matches = createGlobMatcher(deps.globs);
  const notes: string[] = [];
  const { event } = deps;
  let changes: Map<string, ChangedLines> | undefined;
  let base: string | undefined;
  if (event.pull) {
    base = event.pull.baseSha;
    changes = await changedLinesOf(await deps.listPullRequestFiles(), matches, notes, base, deps);
  } else if (event.push && !/^0+$/.test(event.push.after)) {
    base = event.push.before;
    changes = await changedLinesOf(await deps.compareCommits(event.push.before, event.push.after), matches, notes, base, deps);
  }
  if (deps.scope === 'changed' && changes) {
    return { targets: [...changes].map(([path, changedLines]) => ({ path, changedLines })), notes };
  }
  if (deps.scope === 'changed') notes.push(`The ${event.name || 'current'} event has no list of changed files: every matching file of the workspace is audited.`);
  const all = (await deps.listWorkspaceFiles()).filter(matches);
  return {
    targets: all.map((path) => ({ path, changedLines: changes ? (changes.get(path) ?? 'none') : 'all' })),
    notes,
  };
}

async function changedLinesOf(
  files: ChangedFile[],
  matches: (path: string) => boolean,
  notes: string[],
  base: string,
  deps: TargetDeps,
): Promise<Map<string, ChangedLines>> {
  const result = new Map<string, ChangedLines>();
  let removed = 0;
  for (const file of files) {
    if (!matches(file.path)) continue;
    if (file.status === 'removed') {
      removed += 1;
      continue;
    }
    if (file.status === 'added' || file.status === 'copied') result.set(file.path, 'all');
    else if (file.patch !== undefined) result.set(file.path, changedLinesFromPatch(file.patch));
    else result.set(file.path, await changedLinesFromGit(base, file.path, deps));
  }
  if (removed > 0) notes.push(`${removed} removed file${removed === 1 ? ' was' : 's were'} not audited.`);
  return result;
}

async function changedLinesFromGit(base: string, path: string, deps: TargetDeps): Promise<ChangedLines> {
  const diff = await deps.gitDiff(base, path);
  if (diff.kind === 'patch') return changedLinesFromPatch(diff.patch);
  deps.log.warning(
    diff.kind === 'binary'
      ? `GitHub sent no diff for ${path} and git sees it as binary (UTF-16?): every line of it counts as changed.`
      : `GitHub sent no diff for ${path} and git could not compute one (is the base commit ${base} reachable from the checkout?): every line of it counts as changed.`,
  );
  return 'all';
}

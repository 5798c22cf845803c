import fs from 'node:fs';
import path from 'node:path';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** Every regular file under the workspace as a '/'-separated relative path, sorted; symlinked directories are not followed. */
export async function listWorkspaceFiles(workspace: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const relPath = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) await walk(path.join(dir, entry.name), relPath);
        } else if (entry.isFile() || entry.isSymbolicLink()) {
          found.push(relPath);
        }
      }),
    );
  };
  await walk(workspace, '');
  return found.sort();
}

export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

/** Fails with a message that says what to add when the repository was not checked out. */
export function assertCheckedOut(workspace: string | undefined): string {
  if (!workspace) throw new WorkspaceError('GITHUB_WORKSPACE is not set: run this action in a GitHub Actions job, after actions/checkout.');
  let entries: string[];
  try {
    entries = fs.readdirSync(workspace);
  } catch {
    throw new WorkspaceError(`The workspace ${workspace} does not exist: add "- uses: actions/checkout@v5" before this action.`);
  }
  if (entries.length === 0) {
    throw new WorkspaceError(`The workspace ${workspace} is empty: add "- uses: actions/checkout@v5" before this action so the SQL files can be read.`);
  }
  return workspace;
}

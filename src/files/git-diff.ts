import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The patch of one file between two commits from the checkout, for when GitHub omitted it
 * (very large diffs). Fetches the base commit when the shallow checkout lacks it.
 */
export async function gitDiffPatch(workspace: string, base: string, head: string, path: string): Promise<string | undefined> {
  const git = (args: string[]) => run('git', ['-C', workspace, ...args], { maxBuffer: 512 * 1024 * 1024 });
  const diff = async () => (await git(['diff', '--no-color', '--unified=0', base, head, '--', path])).stdout;
  try {
    return await diff();
  } catch {
    try {
      await git(['fetch', '--no-tags', '--depth=1', 'origin', base, head]);
      return await diff();
    } catch {
      return undefined;
    }
  }
}

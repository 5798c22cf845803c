import fs from 'node:fs';
import path from 'node:path';

/** `path`: where the bytes were read from, symlinks resolved. */
export type ReadResult = { ok: true; bytes: Uint8Array; path: string } | { ok: false; error: string };

/**
 * Reads a repository file from the checkout, refusing anything that would leave the workspace or
 * reach into `.git` (where actions/checkout keeps the token it persists): absolute paths, `..` or
 * `.git` segments, and symlinks that resolve outside the workspace or into its `.git`. When
 * `selects` is given, a symlink must also lead to a file it selects: a pull request cannot make
 * the action read (and send to SQLE, and quote in its reports) files such as credentials that
 * earlier steps of the job left in the workspace.
 */
export async function readWorkspaceFile(workspace: string, relPath: string, selects?: (path: string) => boolean): Promise<ReadResult> {
  const segments = relPath.split(/[\\/]/);
  if (path.isAbsolute(relPath) || segments.includes('..')) {
    return { ok: false, error: 'refused: the path leaves the workspace' };
  }
  if (segments.some(isGitDir)) return { ok: false, error: 'refused: a path inside .git' };
  const full = path.join(workspace, relPath);
  let real: string;
  try {
    const root = await fs.promises.realpath(workspace);
    real = await fs.promises.realpath(full);
    const inside = path.relative(root, real);
    if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return { ok: false, error: 'refused: a symlink pointing outside the workspace' };
    if (inside.split(path.sep).some(isGitDir)) return { ok: false, error: 'refused: a symlink into .git' };
    const target = inside.split(path.sep).join('/');
    if (selects && real !== path.join(root, relPath) && !selects(target)) {
      return { ok: false, error: `refused: a symlink to ${target}, which the "files" globs do not select` };
    }
  } catch (err) {
    return { ok: false, error: await unresolvable(full, err) };
  }
  try {
    const stat = await fs.promises.stat(real);
    if (stat.isDirectory()) return { ok: false, error: 'a directory, not a file' };
    if (!stat.isFile()) return { ok: false, error: 'not a regular file' };
    return { ok: true, bytes: await fs.promises.readFile(real), path: real };
  } catch (err) {
    return { ok: false, error: `cannot be read (${errorCode(err)})` };
  }
}

/** Case-insensitive: on macOS and Windows runners `.GIT` is the same directory. */
const isGitDir = (segment: string): boolean => segment.toLowerCase() === '.git';

/** Why a path could not be resolved, telling a broken symlink from a file that is not there. */
async function unresolvable(full: string, err: unknown): Promise<string> {
  const code = errorCode(err);
  if (code === 'ELOOP') return 'refused: a symlink loop';
  const link = await fs.promises.lstat(full).then(
    (s) => s.isSymbolicLink(),
    () => false,
  );
  if (code === 'ENOENT') return link ? 'a symlink to a file that does not exist' : 'not found in the checkout (is actions/checkout at the head commit?)';
  return `cannot be read (${code})`;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

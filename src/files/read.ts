import fs from 'node:fs';
import path from 'node:path';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Reads a repository file from the checkout, refusing anything that would leave the workspace:
 * absolute paths, `..` segments, and symlinks that resolve outside it.
 */
export async function readWorkspaceFile(workspace: string, relPath: string): Promise<ReadResult> {
  if (path.isAbsolute(relPath) || relPath.split(/[\\/]/).some((seg) => seg === '..')) {
    return { ok: false, error: 'refused: the path leaves the workspace' };
  }
  const full = path.join(workspace, relPath);
  let real: string;
  try {
    const root = await fs.promises.realpath(workspace);
    real = await fs.promises.realpath(full);
    if (real !== root && !real.startsWith(root + path.sep)) {
      return { ok: false, error: 'refused: a symlink pointing outside the workspace' };
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? 'not found in the checkout (is actions/checkout at the head commit?)' : `cannot be read (${code ?? String(err)})` };
  }
  try {
    const stat = await fs.promises.stat(real);
    if (!stat.isFile()) return { ok: false, error: 'not a regular file' };
    return { ok: true, bytes: await fs.promises.readFile(real) };
  } catch (err) {
    return { ok: false, error: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
}

// The net effect of a series of commits on each path, from the file lists of the commits in order.
// Used when GitHub's comparison lists only its first 300 files. Per-commit patches cannot be
// combined, so the result carries none (every line of such a file counts as changed). A merge
// commit counts with its diff against its first parent.
import type { ChangedFile } from './changed-files.js';

type Net = Omit<ChangedFile, 'patch'>;

function step(net: Map<string, Net>, f: ChangedFile): void {
  const before = net.get(f.path);
  switch (f.status) {
    case 'added':
    case 'copied':
      net.set(f.path, { path: f.path, status: before?.status === 'removed' ? 'modified' : f.status, ...(f.previousPath ? { previousPath: f.previousPath } : {}) });
      return;
    case 'removed':
      if (before?.status === 'added' || before?.status === 'copied') net.delete(f.path);
      else if (before?.status === 'renamed' && before.previousPath) {
        net.delete(f.path);
        net.set(before.previousPath, { path: before.previousPath, status: 'removed' });
      } else net.set(f.path, { path: f.path, status: 'removed' });
      return;
    case 'renamed': {
      const from = f.previousPath ? net.get(f.previousPath) : undefined;
      if (f.previousPath) net.delete(f.previousPath);
      if (from?.status === 'added' || from?.status === 'copied') net.set(f.path, { path: f.path, status: 'added' });
      else if (from?.status === 'renamed' && from.previousPath) net.set(f.path, { path: f.path, status: 'renamed', previousPath: from.previousPath });
      else net.set(f.path, { path: f.path, status: 'renamed', ...(f.previousPath ? { previousPath: f.previousPath } : {}) });
      return;
    }
    case 'modified':
    case 'changed':
      if (!before) net.set(f.path, { path: f.path, status: f.status });
      else if (before.status === 'removed') net.set(f.path, { path: f.path, status: 'modified' });
      return;
    case 'unchanged':
      return;
  }
}

/** `commits` in chronological order, each with its own file list. Paths come in the order first listed; a renamed one at its rename. */
export function netChanges(commits: ChangedFile[][]): ChangedFile[] {
  const net = new Map<string, Net>();
  for (const files of commits) for (const f of files) step(net, f);
  return [...net.values()];
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What git says changed in one file since the base commit. */
export type GitDiff = { kind: 'patch'; patch: string } | { kind: 'binary' } | { kind: 'unavailable' };

/** Diffs one file of the checkout against a base commit. */
export type GitDiffer = (base: string, path: string) => Promise<GitDiff>;

const FETCH_TIMEOUT_MS = 60_000;

/**
 * Diffs files against the base commit from the checkout, for when GitHub omitted a patch (very
 * large diffs). The base is compared with the working tree, which holds the very lines the audit
 * reads (the merge commit or the head, whichever was checked out). A shallow checkout lacks the
 * base: it is fetched once per run, best effort.
 */
export function createGitDiffer(workspace: string): GitDiffer {
  const git = (args: string[], timeout = 0) =>
    run('git', ['-C', workspace, '--literal-pathspecs', ...args], {
      maxBuffer: 512 * 1024 * 1024,
      timeout,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
  const fetched = new Map<string, Promise<boolean>>();
  const fetchBase = (base: string) => {
    let attempt = fetched.get(base);
    if (!attempt) {
      attempt = git(['fetch', '--no-tags', '--depth=1', 'origin', base], FETCH_TIMEOUT_MS).then(
        () => true,
        () => false,
      );
      fetched.set(base, attempt);
    }
    return attempt;
  };
  const diff = async (base: string, path: string): Promise<GitDiff> => {
    const { stdout } = await git(['diff', '--no-color', '--no-ext-diff', '--no-textconv', '--unified=0', base, '--', path]);
    return !stdout.includes('\n@@ ') && /^Binary files .* differ$/m.test(stdout) ? { kind: 'binary' } : { kind: 'patch', patch: stdout };
  };
  const memo = new Map<string, Promise<GitDiff>>();
  return (base, path) => {
    const key = `${base}\0${path}`;
    let result = memo.get(key);
    if (!result) {
      result = diff(base, path).catch(async () => ((await fetchBase(base)) ? diff(base, path).catch(() => ({ kind: 'unavailable' }) as const) : { kind: 'unavailable' }));
      memo.set(key, result);
    }
    return result;
  };
}

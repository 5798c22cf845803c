import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkspaceFile } from '../../src/files/read.js';

let base: string;
let ws: string;
const sqlOnly = (p: string) => p.endsWith('.sql');

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'read-'));
  ws = path.join(base, 'ws');
  fs.mkdirSync(path.join(ws, 'db/sub'), { recursive: true });
  fs.mkdirSync(path.join(ws, '.git'));
  fs.writeFileSync(path.join(ws, '.git/config'), 'token');
  fs.writeFileSync(path.join(base, 'outside.sql'), 'outside');
  fs.writeFileSync(path.join(ws, 'db/a.sql'), 'SELECT 1;');
  fs.writeFileSync(path.join(ws, 'creds.json'), '{}');
  fs.symlinkSync('a.sql', path.join(ws, 'db/alias.sql'));
  fs.symlinkSync('sub', path.join(ws, 'db/linked'));
  fs.writeFileSync(path.join(ws, 'db/sub/b.sql'), 'SELECT 2;');
  fs.symlinkSync('../../outside.sql', path.join(ws, 'db/out.sql'));
  fs.symlinkSync('../.git/config', path.join(ws, 'db/git.sql'));
  fs.symlinkSync('../creds.json', path.join(ws, 'db/creds.sql'));
  fs.symlinkSync('missing.sql', path.join(ws, 'db/dangling.sql'));
  fs.symlinkSync('loop2.sql', path.join(ws, 'db/loop1.sql'));
  fs.symlinkSync('loop1.sql', path.join(ws, 'db/loop2.sql'));
});

const read = (rel: string, selects?: (p: string) => boolean) => readWorkspaceFile(ws, rel, selects);
const error = async (rel: string, selects?: (p: string) => boolean) => {
  const r = await read(rel, selects);
  return r.ok ? 'read' : r.error;
};

describe('readWorkspaceFile', () => {
  it('reads files and symlinks to selected files inside the workspace', async () => {
    expect(await read('db/a.sql')).toEqual({ ok: true, bytes: Buffer.from('SELECT 1;'), path: fs.realpathSync(path.join(ws, 'db/a.sql')) });
    // Through a symlink, the path read is the file it leads to.
    expect(await read('db/alias.sql')).toMatchObject({ ok: true, path: fs.realpathSync(path.join(ws, 'db/a.sql')) });
    expect(await error('db/alias.sql', sqlOnly)).toBe('read');
    expect(await error('db/linked/b.sql', sqlOnly)).toBe('read');
  });

  it('refuses paths that leave the workspace or enter .git', async () => {
    expect(await error('../outside.sql')).toBe('refused: the path leaves the workspace');
    expect(await error('db/../../outside.sql')).toBe('refused: the path leaves the workspace');
    expect(await error(path.join(base, 'outside.sql'))).toBe('refused: the path leaves the workspace');
    expect(await error('.git/config')).toBe('refused: a path inside .git');
    expect(await error('.GIT/config')).toBe('refused: a path inside .git');
  });

  it('refuses symlinks out of the workspace, into .git, or to files the globs do not select', async () => {
    expect(await error('db/out.sql')).toBe('refused: a symlink pointing outside the workspace');
    expect(await error('db/git.sql')).toBe('refused: a symlink into .git');
    expect(await error('db/creds.sql', sqlOnly)).toBe('refused: a symlink to creds.json, which the "files" globs do not select');
    expect(await error('db/creds.sql')).toBe('read');
  });

  it('names broken symlinks, loops, directories and missing files', async () => {
    expect(await error('db/dangling.sql')).toBe('a symlink to a file that does not exist');
    expect(await error('db/loop1.sql')).toBe('refused: a symlink loop');
    expect(await error('db/sub')).toBe('a directory, not a file');
    expect(await error('db/none.sql')).toBe('not found in the checkout (is actions/checkout at the head commit?)');
  });
});

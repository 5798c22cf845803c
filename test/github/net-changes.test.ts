import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../src/github/changed-files.js';
import { netChanges } from '../../src/github/net-changes.js';

const f = (path: string, status: ChangedFile['status'], previousPath?: string): ChangedFile => ({ path, status, ...(previousPath ? { previousPath } : {}) });

describe('netChanges', () => {
  it('keeps a file added then modified as added, without patches', () => {
    expect(netChanges([[{ ...f('a.sql', 'added'), patch: '@@ -0,0 +1 @@\n+x' }], [f('a.sql', 'modified')]])).toEqual([f('a.sql', 'added')]);
  });

  it('drops a file added then removed', () => {
    expect(netChanges([[f('a.sql', 'added'), f('b.sql', 'modified')], [f('a.sql', 'removed')]])).toEqual([f('b.sql', 'modified')]);
  });

  it('reports a file removed then added back as modified', () => {
    expect(netChanges([[f('a.sql', 'removed')], [f('a.sql', 'added')]])).toEqual([f('a.sql', 'modified')]);
  });

  it('follows renames: of an added file, chained, and then removed', () => {
    expect(netChanges([[f('a.sql', 'added')], [f('b.sql', 'renamed', 'a.sql')]])).toEqual([f('b.sql', 'added')]);
    expect(netChanges([[f('b.sql', 'renamed', 'a.sql')], [f('c.sql', 'renamed', 'b.sql')]])).toEqual([f('c.sql', 'renamed', 'a.sql')]);
    expect(netChanges([[f('b.sql', 'renamed', 'a.sql')], [f('b.sql', 'removed')]])).toEqual([f('a.sql', 'removed')]);
  });

  it('keeps a renamed file renamed when it is then modified', () => {
    expect(netChanges([[f('b.sql', 'renamed', 'a.sql')], [f('b.sql', 'modified')]])).toEqual([f('b.sql', 'renamed', 'a.sql')]);
  });

  it('ignores unchanged entries', () => {
    expect(netChanges([[f('a.sql', 'unchanged')]])).toEqual([]);
  });
});

// The command checker must itself catch what it claims to catch, or the hostile tests prove nothing.

import { describe, expect, it } from 'vitest';
import { expectSafeCommands } from './workflow-commands.js';

const ALLOWED = { files: ['db/a.sql'], secrets: ['s3cret'] };

describe('expectSafeCommands', () => {
  it('accepts the commands the action writes and ignores plain lines', () => {
    const output = ['plain log line ::error::not at the start', '::add-mask::s3cret', '::group::SQLE findings (1)', '::error file=db/a.sql,line=1,endLine=2,title=r%3A x::message', '::endgroup::', '  '].join('\n');
    expect(expectSafeCommands(output, ALLOWED).map((c) => c.command)).toEqual(['add-mask', 'group', 'error', 'endgroup']);
  });

  it.each([
    ['a command after a carriage return', 'text\r::error file=evil.sql,line=1::injected'],
    ['an indented command', '   ::stop-commands::token'],
    ['an unknown command', '::set-env name=X::1'],
    ['an old-style command', '##[error]old'],
    ['a mask of something else', '::add-mask::other'],
    ['an annotation on another file', '::error file=db/b.sql,line=1::x'],
    ['an injected property', '::error file=db/a.sql,line=1,foo=bar::x'],
    ['a line that is not a number', '::error file=db/a.sql,line=1 and more::x'],
  ])('rejects %s', (_, output) => {
    expect(() => expectSafeCommands(output, ALLOWED)).toThrow();
  });
});

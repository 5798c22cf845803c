// The safety checker must itself catch what it claims to catch, or the hostile tests prove nothing.

import { describe, expect, it } from 'vitest';
import { expectSafeMarkdown } from './markdown-safety.js';

const TRUSTED = ['https://github.com/acme/'];

describe('expectSafeMarkdown', () => {
  it('accepts escaped text and trusted links', () => {
    expect(() => expectSafeMarkdown('- [L1](https://github.com/acme/x#L1-L1) <code>a&#95;b</code> @&#8203;user\n\n```sql\n@user <img>\n```', TRUSTED)).not.toThrow();
  });

  it.each([
    ['a mention', 'hello @octocat'],
    ['an entity-encoded mention', 'hello &#64;octocat'],
    ['an issue reference', 'fixes #12'],
    ['an autolink', 'see https://evil.example'],
    ['a www autolink', 'see www.evil.example'],
    ['an image', '![x](https://github.com/acme/p.png)'],
    ['an untrusted link', '[x](https://evil.example)'],
    ['a javascript link', '[x](javascript:alert(1))'],
    ['a raw tag', '<img src=x onerror=alert(1)>'],
    ['a closing details', '<details><summary>x</summary>\n\n</details></details>'],
    ['a broken table', '| a | b |\n| --- | --- |\n| x | y | z |'],
    ['an unclosed fence', '```\nSELECT 1;'],
    ['an injected heading', 'text\n## HEADING-INJECTED'],
    ['a bidi override', 'abc\u202Edef'],
    ['a carriage return', 'abc\rdef'],
  ])('rejects %s', (_, markdown) => {
    expect(() => expectSafeMarkdown(markdown, TRUSTED)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { codeBlock, encodePath, escapeData, escapeInline, escapeProperty, safeUrl, singleLine, stripControls, truncate } from '../../src/report/escape.js';
import { HOSTILE } from './fixtures.js';
import { checkFences, decodeEntities } from './markdown-safety.js';

describe('escapeInline', () => {
  it('renders the literal text once entities are decoded, apart from zero-width spaces and line breaks', () => {
    const samples = ['a < b && c > d', '[x](javascript:alert(1))', 'rule_name_with_underscores', '50% | 3 * 4', "it's \"quoted\""];
    for (const sample of samples) {
      expect(decodeEntities(escapeInline(sample)).replace(/\u200B/g, '')).toBe(sample);
    }
  });

  it('leaves no markdown or HTML syntax character raw', () => {
    const escaped = escapeInline('<b>*x*</b> _y_ `z` [l](u) ![i](s) ~~s~~ | \\ $m$ #1 {a} !');
    expect(escaped).not.toMatch(/[<>*_`[\]()~|\\${}!]/);
  });

  it('breaks mentions, team mentions and e-mail autolinks with a zero-width space', () => {
    expect(escapeInline('@octocat')).toBe('@&#8203;octocat');
    expect(escapeInline('@acme/security')).toBe('@&#8203;acme/security');
    expect(escapeInline('me@example.com')).toBe('me@&#8203;example.com');
  });

  it('breaks issue references and autolinks', () => {
    expect(decodeEntities(escapeInline('fixes #12'))).toBe('fixes #\u200B12');
    expect(decodeEntities(escapeInline('GH-7'))).toBe('GH-\u200B7');
    expect(decodeEntities(escapeInline('https://evil.example'))).toBe('https:\u200B//evil.example');
    expect(decodeEntities(escapeInline('WWW.evil.example'))).toBe('WWW\u200B.evil.example');
  });

  it('keeps everything on one line and replaces controls and bidi overrides', () => {
    const escaped = escapeInline('a\nb\r\nc\rd\u2028e\u0085f\tg\u0000h\u202Ei\u2066j');
    expect(escaped).toBe('a b c d e f g\uFFFDh\uFFFDi\uFFFDj');
  });

  it('cuts long text to the maximum before escaping', () => {
    const escaped = escapeInline('<'.repeat(50), 10);
    expect(decodeEntities(escaped)).toBe(`${'<'.repeat(9)}…`);
  });

  it('never lets a hostile string produce a raw tag, link or line break', () => {
    for (const hostile of HOSTILE) {
      const escaped = escapeInline(hostile, 5000);
      expect(escaped).not.toMatch(/[<>\n\r[\]()|`]/);
    }
  });
});

describe('truncate and singleLine', () => {
  it('does not split a surrogate pair', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('turns every line terminator into a space', () => {
    expect(singleLine('a\r\nb\nc\rd\u2029e')).toBe('a b c d e');
    expect(stripControls('a\u200Fb')).toBe('a\uFFFDb');
  });
});

describe('codeBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    const block = codeBlock('SELECT 1;\n```\n`````\nDROP TABLE t;', 'sql');
    expect(block.startsWith('``````sql\n')).toBe(true);
    expect(block.endsWith('\n``````')).toBe(true);
    expect(checkFences(block)).toBe(1);
  });

  it('uses three backticks for plain text and normalises line breaks', () => {
    expect(codeBlock('a\r\nb\rc')).toBe('```\na\nb\nc\n```');
  });

  it('keeps the language tag from breaking out of the info string', () => {
    expect(codeBlock('x', 'sql`\n<b>').split('\n')[0]).toBe('```sqlb');
  });
});

describe('URLs', () => {
  it('encodes every path segment, parentheses and quotes included', () => {
    expect(encodePath("db/my file (1)'s.sql")).toBe('db/my%20file%20%281%29%27s.sql');
    expect(encodePath('a/#?%.sql')).toBe('a/%23%3F%25.sql');
  });

  it('accepts only absolute http(s) URLs and makes them safe link destinations', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl('')).toBeUndefined();
    expect(safeUrl('https://user:secret@sqle.example.com/a(b)|c d')).toBe('https://sqle.example.com/a%28b%29%7Cc%20d');
    expect(safeUrl('http://[::1]:10000/sqle/x')).toBe('http://[::1]:10000/sqle/x');
  });
});

describe('workflow command escaping', () => {
  it('escapes data like @actions/core', () => {
    expect(escapeData('50%\r\nnext::error::x, y: z')).toBe('50%25%0D%0Anext::error::x, y: z');
  });

  it('escapes properties like @actions/core', () => {
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });
});

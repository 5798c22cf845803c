// Checks that rendered markdown carries untrusted text only as inert text.

import { expect } from 'vitest';

const ALLOWED_TAGS = new Set(['details', 'summary', 'code', 'sub', 'i']);
const MARKER = /^<!-- sqle-audit-comment key=[A-Za-z0-9%._~]* -->$/;

/** Numeric and the few named character references the escaper produces. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');
}

/** The text a reader (and GitHub's mention/reference/autolink filters) would see. */
function visibleText(markdown: string): string {
  return decodeEntities(markdown.replace(/\]\([^)\s]*\)/g, ']').replace(/<[^>]*>/g, ' '));
}

function checkTags(markdown: string): void {
  const lines = markdown.split('\n');
  const comments = lines.filter((l) => l.includes('<!--'));
  for (const comment of comments) expect(comment).toMatch(MARKER);
  let depth = 0;
  for (const match of markdown.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)/g)) {
    const [, closing, name = ''] = match;
    expect(ALLOWED_TAGS.has(name.toLowerCase()), `tag <${closing}${name}>`).toBe(true);
    if (name === 'details') depth += closing === '/' ? -1 : 1;
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
}

function checkLinks(markdown: string, trusted: readonly string[]): void {
  expect(markdown).not.toContain('![');
  for (const match of markdown.matchAll(/\]\(([^)]*)\)?/g)) {
    const destination = match[1] ?? '';
    expect(trusted.some((prefix) => destination.startsWith(prefix)), `link to ${destination.slice(0, 80)}`).toBe(true);
    expect(destination).not.toMatch(/[\s<>"'`|()\\]/);
  }
}

function checkTables(markdown: string): void {
  let width: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      width = undefined;
      continue;
    }
    const pipes = line.split('|').length;
    if (width === undefined) width = pipes;
    expect(pipes, line.slice(0, 120)).toBe(width);
  }
}

/** Splits markdown into the lines outside fenced code blocks and the number of blocks; fails on an unclosed fence. */
function parseFences(markdown: string): { outside: string[]; blocks: number } {
  let open: number | undefined;
  let blocks = 0;
  const outside: string[] = [];
  for (const line of markdown.split('\n')) {
    if (open === undefined) {
      const start = /^ {0,3}(`{3,})([^`]*)$/.exec(line);
      if (start) {
        open = start[1]?.length ?? 3;
        blocks += 1;
      } else {
        expect(line).not.toMatch(/^ {0,3}~~~/);
        outside.push(line);
      }
    } else if (new RegExp(`^ {0,3}\`{${open},}\\s*$`).test(line)) {
      open = undefined;
    }
  }
  expect(open).toBeUndefined();
  return { outside, blocks };
}

/** Every fence opens and closes in pairs and nothing is left open. Returns the number of blocks. */
export function checkFences(markdown: string): number {
  return parseFences(markdown).blocks;
}

function checkVisibleText(markdown: string): void {
  const visible = visibleText(markdown.replace(/^<!--.*-->$/m, ''));
  expect(visible).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/); // mentions, e-mail autolinks
  expect(visible).not.toMatch(/#\d/); // issue references
  expect(visible).not.toMatch(/\bGH-\d/i);
  expect(visible).not.toMatch(/[A-Za-z]:\/\//); // scheme autolinks
  expect(visible).not.toMatch(/\bwww\./i);
  // eslint-disable-next-line no-control-regex -- no raw control character may survive
  expect(markdown).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\r]/);
}

function checkLines(markdown: string): void {
  expect(markdown).not.toMatch(/^\s*#+\s*HEADING-INJECTED/m);
  expect(markdown).not.toMatch(/^\s*[-*] \[x\] task/m);
  expect(markdown).not.toMatch(/^\s*\[ref\]:/m);
  expect(markdown).not.toMatch(/<img|<script|onerror=|javascript:/i);
}

/** Fails the test when `markdown` lets any untrusted text act as markup. */
export function expectSafeMarkdown(rendered: string, trustedUrlPrefixes: readonly string[]): void {
  // Code blocks show their content verbatim (GitHub runs no filter in them): check what is outside.
  const markdown = parseFences(rendered).outside.join('\n');
  checkTags(markdown);
  checkLinks(markdown, trustedUrlPrefixes);
  checkTables(markdown);
  checkFences(markdown);
  checkVisibleText(markdown);
  checkLines(markdown);
}

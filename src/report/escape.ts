// Neutralises untrusted text (file names, SQL, SQLE and DLI messages come from contributors)
// before it goes into GitHub-flavoured markdown/HTML or into workflow commands.
//
// GitHub renders markdown, then runs filters over the *decoded* text (mentions, issue references,
// autolinks). Entity-escaping stops markdown/HTML syntax; a zero-width space (&#8203;) breaks the
// patterns those later filters look for.

const ZERO_WIDTH_SPACE = '&#8203;';
const REPLACEMENT = '\uFFFD';

/** Line terminators a renderer or the runner may treat as a new line. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** C0/C1 controls (tab and newlines are handled separately) and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
/** Bidirectional formatting characters that can make text read differently from what it is. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Markdown/HTML-significant characters, written as numeric character references. */
const ENTITY: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  '`': '&#96;', '*': '&#42;', '_': '&#95;', '~': '&#126;', '\\': '&#92;',
  '[': '&#91;', ']': '&#93;', '(': '&#40;', ')': '&#41;', '{': '&#123;', '}': '&#125;',
  '!': '&#33;', '|': '&#124;', '$': '&#36;', '#': '&#35;', '=': '&#61;', '+': '&#43;', '-': '&#45;',
  ':': '&#58;',
};
const ENTITY_CHARS = /[&<>"'`*_~\\[\](){}!|$#=+\-:]/g;

/** Cuts to at most `max` code points (never inside a surrogate pair), marking the cut with '…'. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return points.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Replaces invisible controls and bidi overrides with U+FFFD so they cannot disguise text. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, REPLACEMENT).replace(BIDI_CONTROLS, REPLACEMENT);
}

/** One line: every line break becomes a space, tabs too. */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ');
}

/**
 * Untrusted text for any inline markdown/HTML context: paragraph, list item, table cell, heading,
 * link text, `<summary>`, `<code>`. The result is one line, renders as the literal text, and
 * creates no mention, issue reference, link, image, emphasis, code span or HTML tag.
 */
export function escapeInline(text: string, maxLength?: number): string {
  const cut = maxLength === undefined ? text : truncate(text, maxLength);
  const escaped = singleLine(stripControls(cut)).replace(ENTITY_CHARS, (c) => ENTITY[c] ?? c);
  return escaped
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`) // mentions, team mentions, e-mail autolinks
    .replace(/&#35;/g, `&#35;${ZERO_WIDTH_SPACE}`) // #123 issue references
    .replace(/\b(gh)&#45;(?=\d)/gi, `$1&#45;${ZERO_WIDTH_SPACE}`) // GH-123 references
    .replace(/&#58;\/\//g, `&#58;${ZERO_WIDTH_SPACE}//`) // scheme:// autolinks
    .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`); // www. autolinks
}

/**
 * A fenced code block that the text cannot close: the fence is longer than the longest run of
 * backticks inside. Line breaks are normalised to '\n'; controls and bidi overrides are replaced.
 */
export function codeBlock(text: string, language = ''): string {
  const body = stripControls(text.replace(/\r\n?/g, '\n')).replace(/\t/g, '    ');
  const longestRun = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const info = language.replace(/[^A-Za-z0-9_+-]/g, '');
  return `${fence}${info}\n${body}\n${fence}`;
}

/** A repository path as URL path segments: everything but unreserved characters is %-encoded. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * A URL that is safe as a markdown link destination or an HTML attribute, or undefined when it is
 * not an absolute http(s) URL. Credentials are dropped.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  parsed.username = '';
  parsed.password = '';
  const href = parsed.href;
  const rest = href.slice(parsed.origin.length).replace(/[()'|[\]\\`<>" ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return parsed.origin + rest;
}

/** Workflow-command data, exactly as @actions/core escapes a command's message. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values, exactly as @actions/core escapes them. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

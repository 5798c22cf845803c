// MyBatis mapper XML -> SQL, as SQLE 3.2412.1 reports it (recordings 110-113): one statement per
// <select>/<insert>/<update>/<delete> of the <mapper>, at the line of its opening tag; `#{x}` -> `?`;
// <include> expanded; every <if>/<when>/<otherwise> body included; <where> drops a leading AND/OR,
// <set> a trailing comma; <foreach> repeats its body twice; whitespace-only text is dropped; no `;`.
import { parseXml, type XmlElement, type XmlNode } from './xml.js';

export interface MapperStatement {
  sql: string;
  line: number;
}

const STATEMENT_TAGS = new Set(['select', 'insert', 'update', 'delete']);
const IGNORED_TAGS = new Set(['bind', 'selectKey', 'property']);

type Fragments = Map<string, XmlElement>;

function renderText(text: string): string {
  return text.replace(/[#$]\{[^}]*\}/g, '?');
}

function applyTrim(content: string, prefix: string, prefixOverrides: string[], suffix: string, suffixOverrides: string[]): string {
  let body = content.trim();
  const upper = (): string => body.toUpperCase();
  const pre = prefixOverrides.find((o) => o !== '' && upper().startsWith(o.toUpperCase()));
  if (pre) body = body.slice(pre.length);
  const suf = suffixOverrides.find((o) => o !== '' && upper().endsWith(o.toUpperCase()));
  if (suf) body = body.slice(0, body.length - suf.length);
  if (body.trim() === '') return '';
  return `${prefix ? prefix + ' ' : ''}${body}${suffix ? ' ' + suffix : ''}`;
}

function overrides(value: string | undefined): string[] {
  return (value ?? '').split('|');
}

function renderChildren(nodes: XmlNode[], fragments: Fragments): string {
  return nodes.map((n) => renderNode(n, fragments)).join('');
}

function renderNode(node: XmlNode, fragments: Fragments): string {
  if (node.kind === 'text') return node.text.trim() === '' ? '' : renderText(node.text);
  const inner = (): string => renderChildren(node.children, fragments);
  switch (node.name) {
    case 'include': {
      const ref = node.attrs.refid ?? '';
      const fragment = fragments.get(ref) ?? fragments.get(ref.split('.').pop() ?? '');
      return fragment ? renderChildren(fragment.children, fragments) : '';
    }
    case 'where':
      return applyTrim(inner(), 'WHERE', ['AND ', 'OR ', 'AND\n', 'OR\n', 'AND\t', 'OR\t'], '', []);
    case 'set':
      return applyTrim(inner(), 'SET', [], '', [',']);
    case 'trim':
      return applyTrim(inner(), node.attrs.prefix ?? '', overrides(node.attrs.prefixOverrides), node.attrs.suffix ?? '', overrides(node.attrs.suffixOverrides));
    case 'foreach': {
      const body = inner();
      return `${node.attrs.open ?? ''}${body}${node.attrs.separator ?? ''}${body}${node.attrs.close ?? ''}`;
    }
    default:
      return IGNORED_TAGS.has(node.name) ? '' : inner();
  }
}

/** The statements of a mapper document; a document that is not a parsable <mapper> yields none. */
export function mapperStatements(source: string): MapperStatement[] {
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch {
    return [];
  }
  if (root.name !== 'mapper') return [];
  const elements = root.children.filter((c): c is XmlElement => c.kind === 'element');
  const fragments: Fragments = new Map(elements.filter((e) => e.name === 'sql' && e.attrs.id).map((e) => [e.attrs.id as string, e]));
  return elements
    .filter((e) => STATEMENT_TAGS.has(e.name))
    .map((e) => ({ sql: renderChildren(e.children, fragments).trim(), line: e.line }))
    .filter((s) => s.sql !== '');
}

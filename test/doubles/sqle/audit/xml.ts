// A small XML reader for MyBatis mappers: elements with attributes and the line of their opening
// tag, text (entities decoded) and CDATA. Declarations, DOCTYPE, comments and PIs are skipped.

export interface XmlElement {
  kind: 'element';
  name: string;
  attrs: Record<string, string>;
  line: number;
  children: XmlNode[];
}
export interface XmlText {
  kind: 'text';
  text: string;
}
export type XmlNode = XmlElement | XmlText;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

export class XmlError extends Error {}

/** Parses a document; returns its root element. Throws XmlError when malformed. */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { kind: 'element', name: '#document', attrs: {}, line: 1, children: [] };
  const stack: XmlElement[] = [root];
  let pos = 0;
  let line = 1;
  const advanceTo = (next: number): void => {
    for (let i = source.indexOf('\n', pos); i >= 0 && i < next; i = source.indexOf('\n', i + 1)) line++;
    pos = next;
  };
  const skipPast = (marker: string): void => {
    const end = source.indexOf(marker, pos);
    if (end < 0) throw new XmlError(`unterminated ${marker}`);
    advanceTo(end + marker.length);
  };
  const top = (): XmlElement => stack[stack.length - 1] as XmlElement;
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > pos) top().children.push({ kind: 'text', text: decodeEntities(source.slice(pos, textEnd)) });
    advanceTo(textEnd);
    if (lt < 0) break;
    if (source.startsWith('<!--', pos)) skipPast('-->');
    else if (source.startsWith('<![CDATA[', pos)) {
      const end = source.indexOf(']]>', pos);
      if (end < 0) throw new XmlError('unterminated CDATA');
      top().children.push({ kind: 'text', text: source.slice(pos + 9, end) });
      advanceTo(end + 3);
    } else if (source.startsWith('<?', pos)) skipPast('?>');
    else if (source.startsWith('<!', pos)) skipPast('>');
    else if (source.startsWith('</', pos)) {
      const end = source.indexOf('>', pos);
      if (end < 0) throw new XmlError('unterminated end tag');
      const name = source.slice(pos + 2, end).trim();
      if (stack.length < 2 || top().name !== name) throw new XmlError(`unexpected </${name}>`);
      stack.pop();
      advanceTo(end + 1);
    } else {
      const tagLine = line;
      const match = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(pos, pos + 10_000));
      if (!match) throw new XmlError(`malformed tag at line ${line}`);
      const attrs: Record<string, string> = {};
      for (const a of (match[2] ?? '').matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1] as string] = decodeEntities(a[2] ?? a[3] ?? '');
      const element: XmlElement = { kind: 'element', name: match[1] as string, attrs, line: tagLine, children: [] };
      top().children.push(element);
      if (match[3] !== '/') stack.push(element);
      advanceTo(pos + match[0].length);
    }
  }
  if (stack.length !== 1) throw new XmlError(`unclosed <${top().name}>`);
  const element = root.children.find((c): c is XmlElement => c.kind === 'element');
  if (!element) throw new XmlError('no root element');
  return element;
}

/**
 * A small, strict XML 1.0 reader for tests: accepts a prolog, elements, attributes and text (no comments, CDATA or
 * DOCTYPE, which the junit format never writes) and throws on anything malformed. References are decoded.
 */

export interface XmlElement { name: string; attributes: Record<string, string>; children: (XmlElement | string)[] }

const NAME = /^[A-Za-z_][\w.-]*/;
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw '<' near ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated reference near ${where}`);
    if (body in NAMED) return NAMED[body];
    const code = /^#x[0-9a-fA-F]+$/.test(body) ? parseInt(body.slice(2), 16) : /^#[0-9]+$/.test(body) ? parseInt(body.slice(1), 10) : NaN;
    const char = Number.isNaN(code) ? '' : String.fromCodePoint(code);
    if (!char || NOT_XML_CHAR.test(char)) throw new Error(`bad reference &${body}; near ${where}`);
    return char;
  });
}

export function parseXml(xml: string): XmlElement {
  if (NOT_XML_CHAR.test(xml)) throw new Error('a character XML 1.0 forbids');
  let pos = 0;
  const fail = (what: string): never => { throw new Error(`${what} at ${pos}: ${JSON.stringify(xml.slice(pos, pos + 30))}`); };
  const skipSpace = (): void => { while (/\s/.test(xml[pos] ?? '')) pos++; };
  const name = (): string => {
    const match = NAME.exec(xml.slice(pos)) ?? fail('expected a name');
    pos += match[0].length;
    return match[0];
  };

  function element(): XmlElement {
    if (xml[pos] !== '<') fail('expected <');
    pos++;
    const node: XmlElement = { name: name(), attributes: {}, children: [] };
    for (;;) {
      const before = pos;
      skipSpace();
      if (xml.startsWith('/>', pos)) { pos += 2; return node; }
      if (xml[pos] === '>') { pos++; break; }
      if (pos === before) fail('expected space before an attribute');
      const key = name();
      if (key in node.attributes) fail(`duplicate attribute ${key}`);
      if (xml[pos] !== '=' || xml[pos + 1] !== '"') fail('expected ="');
      const end = xml.indexOf('"', pos + 2);
      if (end < 0) fail('unterminated attribute');
      node.attributes[key] = decode(xml.slice(pos + 2, end), pos);
      pos = end + 1;
    }
    for (;;) {
      const next = xml.indexOf('<', pos);
      if (next < 0) fail(`unclosed <${node.name}>`);
      if (next > pos) node.children.push(decode(xml.slice(pos, next), pos));
      pos = next;
      if (xml.startsWith('</', pos)) {
        pos += 2;
        if (name() !== node.name) fail(`mismatched end tag for <${node.name}>`);
        skipSpace();
        if (xml[pos] !== '>') fail('expected >');
        pos++;
        return node;
      }
      node.children.push(element());
    }
  }

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated prolog');
    pos = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}

export function childElements(node: XmlElement, name: string): XmlElement[] {
  return node.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}

export function textOf(node: XmlElement): string {
  return node.children.filter((child): child is string => typeof child === 'string').join('');
}

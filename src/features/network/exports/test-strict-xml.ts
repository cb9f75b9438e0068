/**
 * A strict XML 1.0 well-formedness checker for the exports' tests (no dependency parses XML
 * strictly): one root, matching tags, quoted and unique attributes, no `<` in attribute values,
 * only the five predefined entities and character references, no character XML cannot carry,
 * and every namespace prefix declared. Throws with the offset on the first fault; returns the tree.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), references decoded. */
  text: string;
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const XML_CHARACTERS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseStrictXml(source: string): XmlElement {
  if (!XML_CHARACTERS.test(source)) throw new Error('a character XML 1.0 does not allow');
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${at}: ${JSON.stringify(source.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (at < source.length && ' \t\r\n'.includes(source.charAt(at))) at += 1;
  };
  const readName = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(source);
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);|&/g, (whole, reference: string | undefined) => {
      if (reference === undefined) return fail('a bare &');
      const predefined = PREDEFINED[reference];
      if (predefined !== undefined) return predefined;
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(reference);
      if (!numeric) return fail(`an unknown entity ${whole}`);
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2] ?? '', 10);
      const character = code <= 0x10ffff ? String.fromCodePoint(code) : '';
      if (!character || !XML_CHARACTERS.test(character))
        return fail(`a reference to a character XML forbids ${whole}`);
      return character;
    });
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at + 4);
        if (end < 0) fail('an unclosed comment');
        at = end + 3;
      } else if (source.startsWith('<?', at) && !source.startsWith('<?xml ', at)) {
        const end = source.indexOf('?>', at);
        if (end < 0) fail('an unclosed processing instruction');
        at = end + 2;
      } else return;
    }
  };

  const parseElement = (namespaces: Set<string>): XmlElement => {
    if (source[at] !== '<') fail('expected <');
    at += 1;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith('/>', at) || source[at] === '>') break;
      if (at === before) fail('expected a space before an attribute');
      const key = readName();
      skipSpace();
      if (source[at] !== '=') fail('expected =');
      at += 1;
      skipSpace();
      const quote = source.charAt(at);
      if (quote !== '"' && quote !== "'") fail('an unquoted attribute value');
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail('an unclosed attribute value');
      const raw = source.slice(at + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      if (Object.hasOwn(attributes, key)) fail(`a repeated attribute ${key}`);
      attributes[key] = decode(raw);
      at = end + 1;
    }
    const declared = new Set(namespaces);
    for (const key of Object.keys(attributes)) if (key.startsWith('xmlns:')) declared.add(key.slice(6));
    for (const qualified of [name, ...Object.keys(attributes)]) {
      const colon = qualified.indexOf(':');
      if (colon < 0) continue;
      const prefix = qualified.slice(0, colon);
      if (prefix !== 'xmlns' && prefix !== 'xml' && !declared.has(prefix))
        fail(`an undeclared prefix ${prefix}`);
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (source.startsWith('/>', at)) {
      at += 2;
      return element;
    }
    at += 1;
    for (;;) {
      if (at >= source.length) fail(`<${name}> not closed`);
      if (source.startsWith('</', at)) {
        at += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (source[at] !== '>') fail('expected >');
        at += 1;
        return element;
      }
      if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at + 4);
        if (end < 0) fail('an unclosed comment');
        at = end + 3;
      } else if (source.startsWith('<![CDATA[', at)) {
        const end = source.indexOf(']]>', at);
        if (end < 0) fail('an unclosed CDATA section');
        element.text += source.slice(at + 9, end);
        at = end + 3;
      } else if (source[at] === '<') {
        element.children.push(parseElement(declared));
      } else {
        const end = source.indexOf('<', at);
        const raw = source.slice(at, end < 0 ? source.length : end);
        if (raw.includes(']]>')) fail(']]> in text');
        element.text += decode(raw);
        at += raw.length;
      }
    }
  };

  if (source.startsWith('<?xml ', at)) {
    const end = source.indexOf('?>', at);
    if (end < 0) fail('an unclosed XML declaration');
    at = end + 2;
  }
  skipMisc();
  if (source.startsWith('<!DOCTYPE', at)) fail('a document type declaration');
  const root = parseElement(new Set());
  skipMisc();
  if (at !== source.length) fail('content after the root element');
  return root;
}

/** Every descendant element with this name, in document order. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    if (element.name === name) found.push(element);
    element.children.forEach(visit);
  };
  visit(root);
  return found;
}

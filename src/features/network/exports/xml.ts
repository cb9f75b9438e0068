/**
 * The little XML writing the exports share: text escaped for both element content and attribute
 * values, characters XML 1.0 cannot carry removed, and elements written in the order given so the
 * same network always gives the same bytes.
 */

// XML 1.0 allows tab, line feed, carriage return and U+0020 upwards, except lone surrogates and
// U+FFFE/U+FFFF. A name pasted from another system can carry anything: what XML cannot hold is
// dropped rather than escaped, since even &#1; is not well-formed in XML 1.0.
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes what XML 1.0 cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '');
}

/**
 * Escapes text for element content or a double- or single-quoted attribute value. Tabs and line
 * breaks become character references, because a parser normalises raw ones in attributes to spaces.
 */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\t\n\r]/g, (character) => ESCAPES[character] ?? character);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

export type XmlAttributes = readonly (readonly [string, string | number | boolean | null | undefined])[];

/** `<name a="1" b="2"` (no closing bracket); attributes whose value is null or undefined are left out. */
function openTag(name: string, attributes: XmlAttributes): string {
  let tag = `<${name}`;
  for (const [key, value] of attributes) {
    if (value === null || value === undefined) continue;
    tag += ` ${key}="${escapeXml(String(value))}"`;
  }
  return tag;
}

/** Builds a document line by line, indented by two spaces per level. */
export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private readonly open: string[] = [];

  /** Opens an element that will hold children. */
  start(name: string, attributes: XmlAttributes = []): this {
    this.lines.push(`${this.indent()}${openTag(name, attributes)}>`);
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter: end() without start()');
    this.lines.push(`${this.indent()}</${name}>`);
    return this;
  }

  /** An element with no children. */
  empty(name: string, attributes: XmlAttributes = []): this {
    this.lines.push(`${this.indent()}${openTag(name, attributes)}/>`);
    return this;
  }

  /** An element holding only text. */
  text(name: string, text: string, attributes: XmlAttributes = []): this {
    this.lines.push(`${this.indent()}${openTag(name, attributes)}>${escapeXml(text)}</${name}>`);
    return this;
  }

  toString(): string {
    if (this.open.length) throw new Error(`XmlWriter: <${this.open.join('>, <')}> left open`);
    return `${this.lines.join('\n')}\n`;
  }

  private indent(): string {
    return '  '.repeat(this.open.length);
  }
}

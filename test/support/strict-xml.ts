// A strict XML 1.0 check for documents Switchboard writes: sax in strict mode for the structure,
// plus the Char production (https://www.w3.org/TR/xml/#charsets), which sax does not enforce.
// Written independently of common/escape.ts on purpose: it checks that code, it does not reuse it.
import sax from 'sax';

/** XML 1.0's Char production, for one code point (a lone surrogate is its own code point here). */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The problems a strict XML 1.0 parser would report; empty when the document is well-formed. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  for (let i = 0; i < xml.length; i++) {
    const unit = xml.charCodeAt(i);
    let cp = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = xml.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (!isXmlChar(cp)) problems.push(`character U+${cp.toString(16).toUpperCase().padStart(4, '0')} at ${i}`);
  }
  const parser = sax.parser(true);
  parser.onerror = (error) => {
    problems.push(error.message.split('\n')[0] ?? error.message);
    parser.error = null as unknown as Error;
  };
  parser.write(xml).close();
  return problems;
}

/** The text content of a well-formed document's root element, as sax reads it. */
export function xmlText(xml: string): string {
  let text = '';
  const parser = sax.parser(true);
  parser.ontext = (chunk) => (text += chunk);
  parser.write(xml).close();
  return text;
}

/** One element of a document, as a conforming XML 1.0 parser hands it to an application. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** The element's own text (CDATA included), not its children's. */
  text: string;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** An attribute value as written between its quotes, as XML 1.0 §3.3.3 reads it: a literal tab or
 *  line feed is a space, and references are decoded in the same pass (so &#10; stays a line feed). */
function attributeValue(written: string): string {
  return written.replace(/[\t\n]|&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, ref: string | undefined) => {
    if (!ref) return ' ';
    if (!ref.startsWith('#')) return PREDEFINED[ref]!;
    return String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
  });
}

/**
 * Every element of a well-formed document, with the values a conforming parser (libxml2, a
 * browser, a feed reader) gives, which sax alone does not: line ends normalized first (XML 1.0
 * §2.11: CR LF and CR become LF), and in attribute values every literal tab or line feed read as a
 * space (§3.3.3), while one written as a character reference (&#9; &#10;) is kept. Attribute
 * values are read from the start tag's own text, which sax has already found well-formed.
 */
export function readXml(xml: string): XmlElement[] {
  const doc = xml.replace(/\r\n?/g, '\n');
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  const parser = sax.parser(true);
  parser.onopentag = (tag) => {
    const startTag = doc.slice(parser.startTagPosition - 1, parser.position);
    const attributes: Record<string, string> = {};
    for (const [, name, , written] of startTag.matchAll(/\s([^\s=]+)\s*=\s*(["'])([^]*?)\2/g)) attributes[name!] = attributeValue(written!);
    const element = { name: tag.name, attributes, text: '' };
    elements.push(element);
    open.push(element);
  };
  parser.onclosetag = () => void open.pop();
  parser.ontext = parser.oncdata = (chunk) => {
    const current = open.at(-1);
    if (current) current.text += chunk;
  };
  parser.write(doc).close();
  return elements;
}

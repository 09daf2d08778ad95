// rss-parser reads XML through xml2js, which keeps an element's text apart from its child elements.
// Atom content with its markup inline (type="xhtml", or Atom 0.3's mode="xml") therefore comes
// out with words and tags out of order: "Try  first.<code>npm ci</code>". Before parsing, each
// such element is rewritten as the equivalent type="html" element, its markup escaped as text,
// which rss-parser hands over as one string in document order.
//
// The document is read with sax in strict mode, the tokenizer xml2js itself uses with the same
// options, so the rewrite sees exactly the elements, entities and boundaries rss-parser will. The
// markup is written out afresh as plain HTML rather than copied: XML and HTML read some things
// differently (CDATA is a comment to HTML; a self-closed <a/> or <iframe/> would swallow the text
// after it), so what the sanitizer later reads as HTML must be HTML.
import sax from 'sax';
import { escapeHtml, escapeXml } from '../../../../common/escape';

const TEXT_CONSTRUCTS = new Set(['content', 'summary', 'title']);
const MAY_HAVE_INLINE = /\b(?:type\s*=\s*["']xhtml["']|mode\s*=\s*["']xml["'])/i;
// HTML elements that never have content or an end tag.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function isInline(name: string, attributes: Record<string, string>): boolean {
  return TEXT_CONSTRUCTS.has(localName(name)) && (attributes.type === 'xhtml' || attributes.mode === 'xml');
}

function attributeList(attributes: Record<string, string>, escape: (text: string) => string, skip: (name: string) => boolean): string {
  return Object.entries(attributes)
    .filter(([name]) => !skip(name))
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join('');
}

interface Inline {
  name: string;
  attributes: Record<string, string>;
  start: number;
  /** Elements of the same name opened inside, so the right closing tag ends the construct. */
  depth: number;
  html: string;
}

/** The rewritten document, or null when it is not well-formed (rss-parser will then say so). */
function rewrite(xml: string): string | null {
  let out = '';
  let copiedTo = 0;
  let inline: Inline | null = null;
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: false });
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (node) => {
    const attributes = node.attributes as Record<string, string>;
    if (!inline) {
      if (isInline(node.name, attributes)) inline = { name: node.name, attributes, start: parser.startTagPosition - 1, depth: 0, html: '' };
      return;
    }
    if (node.name === inline.name) inline.depth += 1;
    const tag = localName(node.name).toLowerCase();
    inline.html += `<${tag}${attributeList(attributes, escapeHtml, (attribute) => attribute === 'xmlns' || attribute.startsWith('xmlns:'))}>`;
  };
  // Entities arrive decoded and CDATA sections as their text: both are escaped afresh.
  parser.ontext = parser.oncdata = (text) => {
    if (inline) inline.html += escapeHtml(text);
  };
  parser.onclosetag = (name) => {
    if (!inline) return;
    if (name !== inline.name || inline.depth > 0) {
      if (name === inline.name) inline.depth -= 1;
      const tag = localName(name).toLowerCase();
      if (!VOID.has(tag)) inline.html += `</${tag}>`;
      return;
    }
    // An empty construct is left out, so a feed's other content (a summary) is used instead.
    const kept = attributeList(inline.attributes, escapeXml, (attribute) => attribute === 'type' || attribute === 'mode');
    const element = inline.html.trim() ? `<${name}${kept} type="html">${escapeXml(inline.html)}</${name}>` : '';
    out += xml.slice(copiedTo, inline.start) + element;
    copiedTo = parser.position;
    inline = null;
  };
  try {
    parser.write(xml).close();
  } catch {
    return null;
  }
  return out + xml.slice(copiedTo);
}

/** The feed with inline XHTML text constructs turned into escaped HTML ones; unchanged when it has none or is not well-formed. */
export function inlineXhtmlAsHtml(xml: string): string {
  if (!MAY_HAVE_INLINE.test(xml)) return xml;
  return rewrite(xml) ?? xml;
}

// rss-parser reads XML through xml2js, which keeps an element's text apart from its child elements.
// Atom content with its markup inline (type="xhtml", or Atom 0.3's mode="xml") therefore comes
// out with words and tags out of order: "Try  first.<code>npm ci</code>". Before parsing, each
// such element is rewritten as the equivalent type="html" element, its markup escaped as text,
// which rss-parser hands over as one string in document order.
//
// The markup is re-written from htmlparser2's XML events rather than copied: XML and HTML read
// some things differently (CDATA is a comment to HTML; a self-closed <a/> or <iframe/> would
// swallow the text after it), so what the sanitizer later reads as HTML must be plain HTML.
import { Parser } from 'htmlparser2';
import { escapeHtml, escapeXml } from '../../../platform/escape';

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

/** The feed with inline XHTML text constructs turned into escaped HTML ones; unchanged when it has none. */
export function inlineXhtmlAsHtml(xml: string): string {
  if (!MAY_HAVE_INLINE.test(xml)) return xml;
  let out = '';
  let copiedTo = 0;
  let inline: Inline | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!inline) {
          if (isInline(name, attributes)) inline = { name, attributes, start: parser.startIndex, depth: 0, html: '' };
          return;
        }
        if (name === inline.name) inline.depth += 1;
        const tag = localName(name).toLowerCase();
        inline.html += `<${tag}${attributeList(attributes, escapeHtml, (attribute) => attribute === 'xmlns' || attribute.startsWith('xmlns:'))}>`;
      },
      ontext(text) {
        // Entities are decoded and CDATA sections arrive as text: both are escaped afresh.
        if (inline) inline.html += escapeHtml(text);
      },
      onclosetag(name) {
        if (!inline) return;
        if (name !== inline.name || inline.depth > 0) {
          if (name === inline.name) inline.depth -= 1;
          const tag = localName(name).toLowerCase();
          if (!VOID.has(tag)) inline.html += `</${tag}>`;
          return;
        }
        const kept = attributeList(inline.attributes, escapeXml, (attribute) => attribute === 'type' || attribute === 'mode');
        out += `${xml.slice(copiedTo, inline.start)}<${name}${kept} type="html">${escapeXml(inline.html)}</${name}>`;
        copiedTo = parser.endIndex + 1;
        inline = null;
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return copiedTo === 0 ? xml : out + xml.slice(copiedTo);
}

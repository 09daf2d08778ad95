// rss-parser reads XML through xml2js, which keeps an element's text apart from its child elements.
// Atom content with its markup inline (type="xhtml", or Atom 0.3's mode="xml") therefore comes
// out with words and tags out of order: "Try  first.<code>npm ci</code>". Before parsing, each
// such element is rewritten as the equivalent type="html" element, its markup escaped as text,
// which rss-parser hands over as one string in document order.
import { Parser } from 'htmlparser2';
import { escapeXml } from '../../../platform/escape';

const TEXT_CONSTRUCTS = new Set(['content', 'summary', 'title']);
const MAY_HAVE_INLINE = /\b(?:type\s*=\s*["']xhtml["']|mode\s*=\s*["']xml["'])/i;

interface Span {
  start: number;
  end: number;
  replacement: string;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function isInline(name: string, attributes: Record<string, string>): boolean {
  return TEXT_CONSTRUCTS.has(localName(name)) && (attributes.type === 'xhtml' || attributes.mode === 'xml');
}

function openTag(name: string, attributes: Record<string, string>): string {
  const kept = Object.entries(attributes).filter(([attribute]) => attribute !== 'type' && attribute !== 'mode');
  return `<${name}${kept.map(([attribute, value]) => ` ${attribute}="${escapeXml(value)}"`).join('')} type="html">`;
}

/** The feed with inline XHTML text constructs turned into escaped HTML ones; unchanged when it has none. */
export function inlineXhtmlAsHtml(xml: string): string {
  if (!MAY_HAVE_INLINE.test(xml)) return xml;
  const spans: Span[] = [];
  let open: { name: string; attributes: Record<string, string>; start: number; innerStart: number; depth: number } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (open) {
          if (name === open.name) open.depth += 1;
          return;
        }
        if (isInline(name, attributes)) open = { name, attributes, start: parser.startIndex, innerStart: parser.endIndex + 1, depth: 0 };
      },
      onclosetag(name) {
        if (!open || name !== open.name) return;
        if (open.depth > 0) {
          open.depth -= 1;
          return;
        }
        // A self-closed element (<content type="xhtml"/>) closes on its own opening tag: no markup inside.
        const inner = parser.startIndex >= open.innerStart ? xml.slice(open.innerStart, parser.startIndex) : '';
        spans.push({ start: open.start, end: parser.endIndex + 1, replacement: `${openTag(open.name, open.attributes)}${escapeXml(inner)}</${open.name}>` });
        open = null;
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  if (spans.length === 0) return xml;
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += xml.slice(from, span.start) + span.replacement;
    from = span.end;
  }
  return out + xml.slice(from);
}

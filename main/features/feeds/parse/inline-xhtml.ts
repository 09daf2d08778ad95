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

/** Whether the document may hold an inline text construct at all; without one it is left as it is. */
export function mayHaveInlineMarkup(xml: string): boolean {
  return MAY_HAVE_INLINE.test(xml);
}

/** An Atom text construct (content, summary, title) whose markup is written inline. */
export function isInlineConstruct(name: string, attributes: Record<string, string>): boolean {
  return TEXT_CONSTRUCTS.has(localName(name)) && (attributes.type === 'xhtml' || attributes.mode === 'xml');
}

function attributeList(attributes: Record<string, string>, escape: (text: string) => string, skip: (name: string) => boolean): string {
  return Object.entries(attributes)
    .filter(([name]) => !skip(name))
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join('');
}

/**
 * One inline construct, fed the sax events from its opening tag's end to its closing tag, written
 * out as the element rss-parser reads instead.
 */
export class InlineMarkup {
  private html = '';
  /** Elements of the same name opened inside, so the right closing tag ends the construct. */
  private depth = 0;

  constructor(
    readonly name: string,
    private readonly attributes: Record<string, string>,
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    if (name === this.name) this.depth += 1;
    const tag = localName(name).toLowerCase();
    this.html += `<${tag}${attributeList(attributes, escapeHtml, (attribute) => attribute === 'xmlns' || attribute.startsWith('xmlns:'))}>`;
  }

  /** Text, with entities decoded, or a CDATA section's text: both are escaped afresh. */
  text(text: string): void {
    this.html += escapeHtml(text);
  }

  /** Takes a closing tag; true when it closes the construct itself. */
  close(name: string): boolean {
    if (name === this.name && this.depth === 0) return true;
    if (name === this.name) this.depth -= 1;
    const tag = localName(name).toLowerCase();
    if (!VOID.has(tag)) this.html += `</${tag}>`;
    return false;
  }

  /**
   * The construct as a type="html" element of the same name, its other attributes kept and its
   * markup escaped as text; '' for an empty construct, which is left out so that a feed's other
   * content (a summary) is used instead.
   */
  toXml(): string {
    if (!this.html.trim()) return '';
    const kept = attributeList(this.attributes, escapeXml, (attribute) => attribute === 'type' || attribute === 'mode');
    return `<${this.name}${kept} type="html">${escapeXml(this.html)}</${this.name}>`;
  }
}

/** The rewritten document, or null when it is not well-formed (rss-parser will then say so). */
function rewrite(xml: string): string | null {
  let out = '';
  let copiedTo = 0;
  let inline: { markup: InlineMarkup; start: number } | null = null;
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: false });
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (node) => {
    const attributes = node.attributes as Record<string, string>;
    if (inline) inline.markup.open(node.name, attributes);
    else if (isInlineConstruct(node.name, attributes)) inline = { markup: new InlineMarkup(node.name, attributes), start: parser.startTagPosition - 1 };
  };
  parser.ontext = parser.oncdata = (text) => {
    inline?.markup.text(text);
  };
  parser.onclosetag = (name) => {
    if (!inline?.markup.close(name)) return;
    out += xml.slice(copiedTo, inline.start) + inline.markup.toXml();
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
  if (!mayHaveInlineMarkup(xml)) return xml;
  return rewrite(xml) ?? xml;
}

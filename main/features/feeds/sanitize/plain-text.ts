// Plain text from HTML (htmlparser2 alone): a title or author name from a feed, and the text
// the search index and exports read from a sanitized comment. Apart from the allow-list sanitizer
// (sanitize.ts), so what only needs names, like subscribing or reading an OPML file, does not load
// sanitize-html: the `switchboard` command starts without it.
import { Parser } from 'htmlparser2';
import { DROPPED_WITH_CONTENT } from '../../../../common/comment-html';
import { stripControlChars } from '../../../../common/escape';

const BLOCK = new Set(['p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'figure', 'hr', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'address', 'main', 'form', 'fieldset']);
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'figcaption', 'caption']);
const HIDDEN = new Set(DROPPED_WITH_CONTENT);

/** Builds plain text from a stream of tags and text: block elements become line breaks, <pre> keeps its spacing. */
export class TextCollector {
  private parts: string[] = [];
  // Line breaks at the end of the text so far, spaces between them not counted: block edges
  // need "at least n line breaks", so </li><li> gives one break, not two.
  private breaks = 0;
  private hidden = 0;
  private pre = 0;

  private append(text: string): void {
    this.parts.push(text);
    let end = text.length;
    let trailing = 0;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === ' ')) {
      if (text[end - 1] === '\n') trailing++;
      end--;
    }
    this.breaks = end > 0 ? trailing : this.breaks + trailing;
  }

  private breakTo(n: number): void {
    if (this.breaks < n) this.append('\n'.repeat(n - this.breaks));
  }

  private boundary(name: string): void {
    if (BLOCK.has(name)) this.breakTo(2);
    else if (LINE.has(name)) this.breakTo(1);
    else if (name === 'td' || name === 'th') this.append(' ');
  }

  open(name: string): void {
    if (HIDDEN.has(name)) this.hidden++;
    if (this.hidden) return;
    if (name === 'pre') this.pre++;
    if (name === 'br') this.append('\n');
    this.boundary(name);
  }

  close(name: string): void {
    if (this.hidden) {
      if (HIDDEN.has(name)) this.hidden--;
      return;
    }
    if (name === 'pre' && this.pre) this.pre--;
    this.boundary(name);
  }

  text(text: string): void {
    // Source line breaks are just spaces in HTML, except inside <pre>.
    if (!this.hidden) this.append(this.pre ? text : text.replace(/\s+/g, ' '));
  }

  result(): string {
    // Control characters (ESC sequences, C1 controls) are dropped before spacing is tidied, so a
    // line holding one still trims like any other.
    const lines = stripControlChars(this.parts.join('')).split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  }
}

/** Plain text of (already sanitized or raw) HTML: tags removed, entities decoded, block elements become line breaks, whitespace collapsed within lines, at most one blank line in a row, trimmed. */
export function htmlToText(html: string): string {
  const collector = new TextCollector();
  const parser = new Parser({
    onopentag: (name) => collector.open(name),
    onclosetag: (name) => collector.close(name),
    ontext: (text) => collector.text(text),
  });
  parser.end(html);
  return collector.result();
}

/** How much of a title or name (UTF-16 units) is read: markup and entities around at most a few hundred characters. */
const MAX_TITLE_INPUT = 16 * 1024;

/** A title or author name from a feed: plain text only (any markup or entities decoded and removed), whitespace collapsed, trimmed, at most `max` characters (default 300). */
export function plainText(value: string | null | undefined, max = 300): string {
  if (!value) return '';
  // A name of 300 characters needs no more than MAX_TITLE_INPUT of markup around it; more is cut
  // before parsing, so a title of 200,000 nested <div>s costs no more than a short one.
  if (value.length > MAX_TITLE_INPUT) value = value.slice(0, /[\uD800-\uDBFF]/.test(value[MAX_TITLE_INPUT - 1]!) ? MAX_TITLE_INPUT - 1 : MAX_TITLE_INPUT);
  // Most titles and names hold no markup and no entities: then there is nothing to parse.
  const decoded = value.includes('<') || value.includes('&') ? htmlToText(value) : value;
  // Control characters only serve to spoof names. They go before whitespace is collapsed, so the
  // spaces on either side of one become a single space.
  const text = stripControlChars(decoded).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text; // UTF-16 units: never fewer than code points
  const chars = Array.from(text); // code points, so a truncation never splits an emoji's surrogate pair
  if (chars.length <= max) return text;
  return max < 1 ? '' : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

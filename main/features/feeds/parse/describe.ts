// Naming a feed without reading it all (issue 10, item 5). Discovery needs a feed's format, title
// and kind, and the top of the document tells them; its comments are read when it is stored, from
// the same download. So instead of rss-parser, which builds the whole document, discovery reads it
// with sax in strict mode, the tokenizer xml2js (and so rss-parser) uses, with the same options,
// and stops as soon as the title is read and the kind is settled (KindTally).
//
// The few elements it needs (the title; each entry's id, links and wfw:commentRss) are shaped as
// xml2js shapes them, inline XHTML rewritten as inlineXhtmlAsHtml rewrites it, and picked as
// rss-parser picks them; normalize.ts then names the feed with the functions it uses when storing
// it. So wherever rss-parser reads a document, this gives its answer; an XML error met before the
// answer is known is the one xml2js would stop at, and is refused in the same words. What it cannot
// be sure to read alike (no RSS or Atom root, a root without a channel, an element xml2js trips
// over) it leaves to the full parse, which names or refuses it as before. Past the point where
// reading stops the document is not looked at: a feed broken further down is named, and its error
// is reported when it is stored. So, wherever they are, are the few things rss-parser throws on
// while building what this does not build (an Atom date it cannot read, an Atom <link> without
// attributes): discovery used to refuse such a feed; now its first fetch does.
import sax from 'sax';
import { InlineMarkup, isInlineConstruct, mayHaveInlineMarkup } from './inline-xhtml';
import { describeFeed, KindTally, titleOf, type NormalizedFeed } from './normalize';
import { parseFeedXml, refusal, type RawEntry, type RawFeed } from './rss';

export type FeedDescription = Pick<NormalizedFeed, 'title' | 'kind'>;

type Attributes = Record<string, string>;
/** An element as xml2js gives it: its text alone, or an object of text ('_'), attributes ('$') and children (arrays by name). */
type Shaped = string | Record<string, unknown>;

// xml2js's sax options, in strict mode.
const SAX_OPTIONS = { trim: false, normalize: false, xmlns: false };

/** xml2js's element handlers with rss-parser's options (xml2js's defaults): the same steps, so the same values, quirks included. */
class Xml2jsShape {
  // xml2js's own untyped objects, handled as it handles them.
  private readonly stack: any[] = [];
  /** The outermost element's value, once it has closed. */
  result: Shaped | undefined;

  open(name: string, attributes: Attributes): void {
    const element = Object.create(null);
    element._ = '';
    for (const key in attributes) {
      if (!Object.hasOwn(attributes, key)) continue;
      element.$ ??= Object.create(null);
      element.$[key] = attributes[key];
    }
    element['#name'] = name;
    this.stack.push(element);
  }

  text(text: string, cdata: boolean): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    top._ += text;
    if (cdata) top.cdata = true;
  }

  close(): void {
    let element = this.stack.pop();
    const name: string = element['#name'];
    delete element['#name'];
    let cdata = false;
    if (element.cdata === true) {
      cdata = true;
      delete element.cdata;
    }
    let blank: string | undefined;
    if (element._.match(/^\s*$/) && !cdata) {
      blank = element._;
      delete element._;
    } else if (Object.keys(element).length === 1 && '_' in element) {
      element = element._;
    }
    if (typeof element === 'object' && Object.keys(element).length === 0) element = blank;
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.result = element;
    } else if (!(name in parent)) {
      parent[name] = [element];
    } else {
      if (!(parent[name] instanceof Array)) parent[name] = [parent[name]];
      parent[name].push(element);
    }
  }
}

/** Runs sax over XML into xml2js's handlers, as xml2js wires them. */
function shapeInto(shape: Xml2jsShape, xml: string): void {
  const parser = sax.parser(true, SAX_OPTIONS);
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (node) => shape.open(node.name, node.attributes as Attributes);
  parser.ontext = (text) => shape.text(text, false);
  parser.oncdata = (text) => shape.text(text, true);
  parser.onclosetag = () => shape.close();
  parser.write(xml).close();
}

/** One element read whole, with what it holds, shaped as rss-parser receives it after the inline XHTML rewrite. */
class Capture {
  private readonly shape = new Xml2jsShape();
  private inline: InlineMarkup | null = null;
  private depth = 0;

  constructor(private readonly rewritesInline: () => boolean) {}

  open(name: string, attributes: Attributes): void {
    this.depth += 1;
    if (this.inline) this.inline.open(name, attributes);
    else if (isInlineConstruct(name, attributes) && this.rewritesInline()) this.inline = new InlineMarkup(name, attributes);
    else this.shape.open(name, attributes);
  }

  text(text: string, cdata: boolean): void {
    if (this.inline) this.inline.text(text);
    else this.shape.text(text, cdata);
  }

  /** Takes a closing tag; true when it closes the captured element, whose value is then `value`. */
  close(name: string): boolean {
    this.depth -= 1;
    if (!this.inline) {
      this.shape.close();
    } else if (this.inline.close(name)) {
      const replacement = this.inline.toXml();
      this.inline = null;
      if (replacement) shapeInto(this.shape, replacement);
    }
    return this.depth === 0;
  }

  /** Undefined when the rewrite leaves the element out (an empty inline construct). */
  get value(): Shaped | undefined {
    return this.shape.result;
  }
}

type Format = 'atom' | 'rss' | 'rdf';
type Role = 'root' | 'channel' | 'entry' | 'other';
type Captured = 'title' | 'dc:title' | 'id' | 'link' | 'wfw:commentRss';

/** The formats rss-parser builds, told by the root element as it tells them. */
function formatOf(name: string, attributes: Attributes): Format | null {
  if (name === 'feed') return 'atom';
  const version = name === 'rss' && Object.hasOwn(attributes, 'version') ? attributes.version : undefined;
  if (version && (/^2/.test(version) || /0\.9/.test(version))) return 'rss';
  return name === 'rdf:RDF' ? 'rdf' : null;
}

/** copyFromXML: an element with text is read as its text. */
function textOf(value: Shaped | undefined): Shaped | undefined {
  return value && typeof value === 'object' && typeof value._ === 'string' ? value._ : value;
}

/** The feed title rss-parser would give: Atom's first <title>; RSS's first <title>, else its first <dc:title>. */
function rawTitle(format: Format, title: Shaped | undefined, dcTitle: Shaped | undefined): RawFeed['title'] {
  let raw: Shaped | undefined;
  if (format === 'atom') {
    raw = title || '';
    if (typeof raw === 'object' && raw._) raw = raw._ as string;
    raw = raw || undefined;
  } else {
    raw = title !== undefined ? textOf(title) : textOf(dcTitle);
  }
  return raw as RawFeed['title'];
}

// Thrown from a sax handler: sax has no other way to stop in the middle of a write.
const STOP = Symbol('stop');
const DEFER = Symbol('defer');

/**
 * The title and kind of feed XML, read only as far as they are known; null when the document is
 * not one this reader can answer for as rss-parser would (see the top of this file). Throws
 * FeedError 'parse' for an XML error met on the way.
 */
export function readFeedHead(xml: string, feedUrl: string): FeedDescription | null {
  if (xml.trim() === '') return null;
  let mayInline: boolean | undefined;
  const rewritesInline = () => (mayInline ??= mayHaveInlineMarkup(xml));

  let format: Format = 'atom';
  const roles: Role[] = [];
  let capture: { field: Captured; element: Capture } | null = null;
  let rootIsBare = true;
  let channel: 'none' | 'open' | 'closed' = 'none';
  let title: Shaped | undefined;
  let dcTitle: Shaped | undefined;
  let entry: Partial<Record<Captured, Shaped[]>> | null = null;
  const tally = new KindTally();
  let answer: FeedDescription | null = null;

  const finish = (): never => {
    answer = { title: titleOf({ title: rawTitle(format, title, dcTitle) }, feedUrl), kind: tally.kind };
    throw STOP;
  };
  const titleKnown = () => title !== undefined || (format !== 'atom' && channel === 'closed');
  const entriesRead = () => tally.settled || (format === 'rss' && channel === 'closed');
  const finishIfKnown = () => {
    if (titleKnown() && entriesRead()) finish();
  };

  let xmlError: Error | undefined;
  const parser = sax.parser(true, SAX_OPTIONS);
  parser.onerror = (error) => {
    xmlError = error;
    throw DEFER;
  };
  parser.onopentag = (node) => {
    const { name } = node;
    const attributes = node.attributes as Attributes;
    // xml2js keeps an element's text under '_': a child element of that name breaks its reading.
    if (name === '_') throw DEFER;
    if (capture) return capture.element.open(name, attributes);
    const parent = roles[roles.length - 1];
    let role: Role = 'other';
    let field: Captured | null = null;
    if (parent === undefined) {
      const found = formatOf(name, attributes);
      if (!found) throw DEFER;
      format = found;
      role = 'root';
      rootIsBare = Object.keys(attributes).length === 0;
    } else if (parent === 'root') {
      rootIsBare = false;
      if (format === 'atom' && name === 'title' && title === undefined) field = 'title';
      else if (format === 'atom' && name === 'entry') role = 'entry';
      else if (format !== 'atom' && name === 'channel' && channel === 'none') role = 'channel';
      else if (format === 'rdf' && name === 'item') role = 'entry';
    } else if (parent === 'channel') {
      if (name === 'title' && title === undefined) field = 'title';
      else if (name === 'dc:title' && title === undefined && dcTitle === undefined) field = 'dc:title';
      else if (format === 'rss' && name === 'item') role = 'entry';
    } else if (parent === 'entry') {
      if (name === 'link' || (name === 'wfw:commentRss' && !entry?.[name]) || (format === 'atom' && name === 'id' && !entry?.id)) field = name;
    }
    if (field) {
      capture = { field, element: new Capture(rewritesInline) };
      capture.element.open(name, attributes);
      return;
    }
    if (role === 'channel') channel = 'open';
    if (role === 'entry') entry = {};
    roles.push(role);
  };
  parser.ontext = (text) => capture?.element.text(text, false);
  parser.oncdata = (text) => capture?.element.text(text, true);
  parser.onclosetag = (name) => {
    if (capture) {
      if (!capture.element.close(name)) return;
      const { field, element } = capture;
      capture = null;
      if (element.value === undefined) return;
      if (field === 'title') title = element.value;
      else if (field === 'dc:title') dcTitle = element.value;
      else (entry![field] ??= []).push(element.value);
      return finishIfKnown();
    }
    const role = roles.pop();
    if (role === 'entry') {
      tally.add(asRawEntry(entry!, format), feedUrl);
      entry = null;
      finishIfKnown();
    } else if (role === 'channel') {
      channel = 'closed';
      finishIfKnown();
    } else if (role === 'root') {
      // A bare Atom root is a string to xml2js (not a feed when empty); an RSS root needs a channel.
      if (format === 'atom' ? rootIsBare : channel === 'none') throw DEFER;
      finish();
    }
  };

  try {
    parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  } catch (thrown) {
    if (thrown === STOP) return answer;
    if (xmlError) throw refusal(xmlError);
    // Anything else unexpected: the full parse reads the document or says what is wrong with it.
  }
  return null;
}

/** An entry's fields that KindTally reads, as rss-parser hands them over (Atom entries only carry an id). */
function asRawEntry(fields: Partial<Record<Captured, Shaped[]>>, format: Format): RawEntry {
  const entry: Record<string, unknown> = {};
  if (fields.link) entry.links = fields.link;
  if (fields['wfw:commentRss']) entry.commentRss = textOf(fields['wfw:commentRss'][0]);
  if (format === 'atom' && fields.id) entry.id = fields.id[0];
  return entry as RawEntry;
}

/**
 * The title and kind of feed XML (already through guardXml), read no further than they need. What
 * the short read leaves open, the full parse answers, or refuses with FeedError 'parse' or 'not-a-feed'.
 */
export async function describeFeedXml(xml: string, feedUrl: string): Promise<FeedDescription> {
  return readFeedHead(xml, feedUrl) ?? describeFeed(await parseFeedXml(xml), feedUrl);
}

// rss-parser's parseString, set up with the extra fields comment feeds carry. Its own fetching
// (parseURL) is never used: it has no size limit, no decompression and a timeout that does not
// abort the request.
import Parser from 'rss-parser';
import { FeedError } from '../errors';
import { inlineXhtmlAsHtml } from './inline-xhtml';

/** Marks an entry rss-parser could not read (it threw on it): normalizing skips and counts it. */
export const UNREADABLE: unique symbol = Symbol('unreadable entry');

export interface RawEntry {
  [key: string]: unknown;
  [UNREADABLE]?: true;
  title?: string;
  link?: string;
  guid?: string;
  id?: string;
  creator?: string;
  author?: string;
  content?: string;
  'content:encoded'?: string;
  summary?: string;
  isoDate?: string;
  pubDate?: string;
  /** RSS: the <link> texts; Atom: every <link> element with its attributes. */
  links?: (string | { $?: { rel?: string; href?: string; type?: string } })[];
  inReplyTo?: { $?: { ref?: string; href?: string } }[];
  source?: string | { _?: string; $?: { url?: string } };
  commentRss?: string;
  atomAuthor?: { name?: string[]; uri?: string[] }[];
  /** Atom <content> with its attributes: type="text" content is plain text, not HTML. */
  atomContent?: { $?: { type?: string } }[];
  issued?: string;
  modified?: string;
  created?: string;
  'rdf:about'?: string;
}

export interface RawFeed {
  /** An object when the element has attributes but no text (an Atom <title type="html"/>). */
  title?: string | { _?: string; $?: Record<string, string> };
  link?: string;
  feedUrl?: string;
  items: RawEntry[];
}

const OPTIONS: Parser.ParserOptions<Record<string, unknown>, RawEntry> = {
  customFields: {
    item: [
      ['link', 'links', { keepArray: true }],
      ['thr:in-reply-to', 'inReplyTo', { keepArray: true }],
      ['wfw:commentRss', 'commentRss'],
      ['author', 'atomAuthor', { keepArray: true }],
      ['content', 'atomContent', { keepArray: true }],
      'source',
      'issued',
      'modified',
      'created',
    ],
  },
};

/** Parses feed XML; throws FeedError 'parse' for broken XML and 'not-a-feed' for XML that is no feed. */
export async function parseFeedXml(xml: string): Promise<RawFeed> {
  try {
    // A parser per document: xml2js's keeps state from one to the next. After a document with two
    // XML errors, the next document's first error went unnoticed and its broken markup was read
    // as text.
    const parser = new Parser<Record<string, unknown>, RawEntry>(OPTIONS);
    entryByEntry(parser);
    return (await parser.parseString(inlineXhtmlAsHtml(xml))) as unknown as RawFeed;
  } catch (error) {
    throw refusal(error);
  }
}

type EntryReaders = Record<'parseItemRss' | 'parseItemAtom', (...args: unknown[]) => RawEntry>;

/**
 * rss-parser reads each entry with one method and throws on some degenerate ones (an Atom
 * `<entry/>`, or `<link/>` without attributes, reads `.$` of nothing), which lost the whole feed.
 * Each entry is read alone: one it throws on becomes an UNREADABLE entry, skipped and counted.
 */
function entryByEntry(parser: Parser<Record<string, unknown>, RawEntry>): void {
  const readers = parser as unknown as EntryReaders;
  for (const name of ['parseItemRss', 'parseItemAtom'] as const) {
    const read = readers[name].bind(parser);
    readers[name] = (...args) => {
      try {
        return read(...args);
      } catch {
        return { [UNREADABLE]: true };
      }
    };
  }
}

/** Why rss-parser could not read a document, from the error it (or sax, through xml2js) threw. */
export function refusal(error: unknown): FeedError {
  const message = error instanceof Error ? error.message : String(error);
  if (/not recognized as RSS/i.test(message)) {
    return new FeedError('not-a-feed', 'this document is XML but not an RSS or Atom feed', { cause: error });
  }
  const firstLine = message.split('\n').slice(0, 2).join(', ').slice(0, 160);
  return new FeedError('parse', `the feed is not well-formed XML (${firstLine})`, { cause: error });
}

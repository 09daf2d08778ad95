// rss-parser's parseString, set up with the extra fields comment feeds carry. Its own fetching
// (parseURL) is never used: it has no size limit, no decompression and a timeout that does not
// abort the request.
import Parser from 'rss-parser';
import { FeedError } from '../errors';
import { inlineXhtmlAsHtml } from './inline-xhtml';

export interface RawEntry {
  [key: string]: unknown;
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
    return (await parser.parseString(inlineXhtmlAsHtml(xml))) as unknown as RawFeed;
  } catch (error) {
    throw refusal(error);
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

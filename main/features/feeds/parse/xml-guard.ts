// Checks decoded feed text before any XML parser sees it. Entity declarations (the "billion
// laughs" family) are refused outright; a plain DOCTYPE line, as RSS 0.91 feeds carry, is removed
// because nothing in it is needed and no DTD is ever fetched.
import { FeedError } from '../errors';

const DOCTYPE = /<!DOCTYPE[^>[]*(\[[\s\S]*?\]\s*)?>/i;
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*(<!DOCTYPE\s+html|<html[\s>])/i;

export function guardXml(text: string): string {
  if (/<!ENTITY/i.test(text)) {
    throw new FeedError('blocked', 'the feed declares XML entities (<!ENTITY>), which Switchboard refuses to expand');
  }
  if (HTML_START.test(text.slice(0, 4096).replace(/^<\?xml[^>]*\?>/, ''))) {
    throw new FeedError('not-a-feed', 'this address serves a web page, not a feed; subscribe with the page address to look for its feeds');
  }
  const doctype = DOCTYPE.exec(text);
  if (!doctype) return text;
  if (doctype[1]) throw new FeedError('blocked', 'the feed carries an inline DTD, which Switchboard refuses to process');
  return text.slice(0, doctype.index) + text.slice(doctype.index + doctype[0].length);
}

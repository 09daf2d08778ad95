// Finding a comment feed from whatever the moderator pastes: a feed address is used as it is; a
// web page is searched for <link rel="alternate"> feeds, comment feeds ranked first.
import { Parser as HtmlParser } from 'htmlparser2';
import type { FeedCandidate } from '../../../common/types';
import { isWebProtocol } from '../../../common/urls';
import { FeedError } from './errors';
import { decodeFeedBody, decodePageBody } from './fetch/decode';
import { fetchFeed } from './fetch/fetcher';
import { describeFeedXml } from './parse/describe';
import { guardXml } from './parse/xml-guard';
import type { DownloadedFeed } from './pipeline';
import { pointsInward } from './local-feeds';
import { plainText } from './sanitize/plain-text';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml']);
const COMMENT_HINTS = [/comment/i, /\/comments?\/(feed|atom\.xml|rss)/i, /\/posts\.rss$/i, /\/t\/[^/]+\/\d+\.rss$/i, /\/comments\/[^/]+\/[^/]+\/?\.rss$/i];

export interface PageFeeds {
  /** The page's <title>, which names the post on a single-post page. */
  title: string;
  links: { url: string; title: string }[];
}

/** The <link rel="alternate" type="...feed..."> elements of a page, resolved against its address, and its title. */
export function readPage(html: string, pageUrl: string): PageFeeds {
  const found: { url: string; title: string }[] = [];
  let title = '';
  let inTitle = false;
  const parser = new HtmlParser({
    ontext(text) {
      if (inTitle) title += text;
    },
    onclosetag(name) {
      if (name === 'title') inTitle = false;
    },
    onopentag(name, attributes) {
      if (name === 'title' && !title) inTitle = true;
      if (name !== 'link') return;
      const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
      const type = (attributes.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
      if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !attributes.href) return;
      try {
        const url = new URL(attributes.href, pageUrl);
        if (isWebProtocol(url.protocol)) found.push({ url: url.href, title: (attributes.title ?? '').trim() });
      } catch {
        // An unusable href is one candidate fewer, not a failure.
      }
    },
  });
  parser.end(html);
  return { title: title.trim(), links: found.filter((link, index) => found.findIndex((other) => other.url === link.url) === index) };
}

function looksLikeComments(link: { url: string; title: string }): boolean {
  return COMMENT_HINTS.some((hint) => hint.test(link.title) || hint.test(link.url));
}

/**
 * Comment feeds first. Among them, the page's own (a single post's comments) first: its feed lives
 * under the page's address, or its title names what the page's title names first (the post).
 */
export function rankCandidates({ links, title }: PageFeeds, pageUrl: string): FeedCandidate[] {
  const page = pageUrl.replace(/[?#].*$/, '').replace(/\/?$/, '/');
  const subject = title.split(/\s+[–—|»·-]\s+/)[0]?.trim().toLowerCase() ?? '';
  const ownFeed = (link: { url: string; title: string }) =>
    (link.url.startsWith(page) && link.url !== page) || (subject.length > 3 && link.title.toLowerCase().includes(subject));
  const score = (link: { url: string; title: string }) => (looksLikeComments(link) ? 2 + (ownFeed(link) ? 1 : 0) : 0);
  return links
    .map((link, index) => ({ link, index, score: score(link) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ link }) => ({ url: link.url, title: link.title, kind: looksLikeComments(link) ? 'comments' : 'posts' }));
}

export interface Discovery {
  candidates: FeedCandidate[];
  /** When the address was a feed: the response, kept so that subscribing to it needs no second download. */
  feed?: DownloadedFeed;
  /** When the address was a web page: where it was read (after redirects), the page that vouches for the feeds it links. */
  page?: string;
}

/**
 * The feeds an address offers: a feed names itself (read only as far as its title and kind, with
 * sax, not rss-parser; its comments are read when it is stored, from the bytes returned here); a
 * page names the feeds it links.
 */
export async function discoverAddress(url: string, signal?: AbortSignal): Promise<Discovery> {
  const response = await fetchFeed({ url, signal });
  if (response.status !== 'ok') return { candidates: [{ url, title: '', kind: 'unknown' }] };
  const text = decodeFeedBody(response.body, response.contentType);
  const isHtml = /html/i.test(response.contentType ?? '') || /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html)/i.test(text.slice(0, 2048));
  if (!isHtml) {
    const { title, kind } = await describeFeedXml(guardXml(text), response.finalUrl);
    const { finalUrl, body, contentType, etag, lastModified } = response;
    return { candidates: [{ url: finalUrl, title, kind }], feed: { finalUrl, body, contentType, etag, lastModified } };
  }
  const page = readPage(decodePageBody(response.body, response.contentType), response.finalUrl);
  // A page on the web must not steer a subscription into the moderator's own network.
  if (!pointsInward(response.finalUrl)) page.links = page.links.filter((link) => !pointsInward(link.url));
  const candidates = rankCandidates(page, response.finalUrl).map((candidate) => ({ ...candidate, title: plainText(candidate.title) }));
  if (candidates.length === 0) {
    throw new FeedError('not-a-feed', 'this page links no RSS or Atom feed; paste the address of its comment feed instead');
  }
  return { candidates, page: response.finalUrl };
}

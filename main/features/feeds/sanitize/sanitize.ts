// Comment HTML comes from hostile feeds and is shown inside the console, so it goes through an
// allow-list sanitizer (sanitize-html, which parses with htmlparser2 and re-serializes from the
// parsed tokens). Safety does not depend on matching the browser's parse: the output holds only
// tags with ordinary parsing rules (no raw-text or foreign-content elements), every text node and
// attribute value is escaped, and every URL is re-serialized from the WHATWG URL parser, so the
// browser can reshape the tree (table foster-parenting, nested <a>) but never mint new markup.
import sanitizeHtml from 'sanitize-html';
import type { IOptions, Transformer } from 'sanitize-html';
import { Parser } from 'htmlparser2';
import { COMMENT_ATTRIBUTES, COMMENT_TAGS, DROPPED_WITH_CONTENT, LINK_PROTOCOLS, WEB_PROTOCOLS } from '../../../../common/comment-html';
import { TextCollector } from './plain-text';
import { hasCredentials } from '../../../../common/urls';
import { isLocalNetworkHost } from '../../../../common/ip-address';


const WEB = WEB_PROTOCOLS;
const LINK = LINK_PROTOCOLS;
/** sanitize-html names schemes without the colon. */
const schemes = (protocols: string[]) => protocols.map((protocol) => protocol.replace(/:$/, ''));
// Only used to tell relative URLs apart when no base is known; `.invalid` never resolves.
const NO_BASE = new URL('https://relative.invalid/');

function parseBase(baseUrl: string | undefined): URL | undefined {
  const url = baseUrl && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!url || !WEB.includes(url.protocol)) return undefined;
  // A fragment never changes how a relative URL resolves, so every comment of a thread shares one base.
  url.hash = '';
  return url;
}

// The WHATWG parser strips tabs/newlines and handles case exactly as a browser does, so
// `java\tscript:` cannot slip through; returning `href` means we emit only the canonical form.
// Credentials are refused like the shell's isSafeExternalUrl (`https://bank.example@evil.example`).
function resolveUrl(value: string | undefined, base: URL | undefined, protocols: string[]): string | undefined {
  const against = (base ?? NO_BASE).href;
  if (!value?.trim() || !URL.canParse(value, against)) return undefined;
  const url = new URL(value, against);
  if (!base && url.host === NO_BASE.host) return undefined; // relative, nothing to resolve against
  if (!protocols.includes(url.protocol) || hasCredentials(url)) return undefined;
  return url.href;
}

function withUrl(attr: string, base: URL | undefined, protocols: string[], extra: Record<string, string> = {}): Transformer {
  return (tagName, attribs) => {
    const out = { ...attribs, ...extra };
    const url = resolveUrl(attribs[attr], base, protocols);
    if (url) out[attr] = url;
    else delete out[attr];
    return { tagName, attribs: out };
  };
}

function optionsFor(base: URL | undefined): IOptions {
  const imgSrc = withUrl('src', base, WEB);
  return {
    allowedTags: COMMENT_TAGS,
    allowedAttributes: COMMENT_ATTRIBUTES,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    // Second line of defence behind resolveUrl: sanitize-html's own scheme check.
    allowedSchemes: schemes(LINK),
    allowedSchemesByTag: { img: schemes(WEB), blockquote: schemes(WEB), q: schemes(WEB) },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    transformTags: {
      h1: 'h3',
      h2: 'h4',
      a: withUrl('href', base, LINK, { rel: 'noopener noreferrer' }),
      blockquote: withUrl('cite', base, WEB),
      q: withUrl('cite', base, WEB),
      img: (tagName, attribs) => {
        const { attribs: out } = imgSrc(tagName, attribs);
        // An image on the moderator's own machine or network is a blind GET against it (a router's
        // reboot page, a local service), never content: it loses its source and is dropped below.
        if (out.src && isLocalNetworkHost(new URL(out.src).hostname)) delete out.src;
        // Only plain pixel counts survive ("1px" counts as 1), so the 1×1 check below sees numbers.
        for (const dim of ['width', 'height']) {
          if (/^\s*\d{1,5}(?:px)?\s*$/i.test(out[dim] ?? '')) out[dim] = String(parseInt(out[dim]!, 10));
          else delete out[dim];
        }
        return { tagName, attribs: out };
      },
    },
    // An image with no usable source shows nothing; a tiny one is a tracking beacon.
    exclusiveFilter: (frame) => frame.tag === 'img' && (!frame.attribs.src || isTrackingPixel(frame.attribs)),
  };
}

/** Both dimensions at most 2 px (1×1, 2×2, 2×1), or either one 0: a read receipt, not a picture.
 *  One dimension alone says nothing about the other, so it does not count. */
function isTrackingPixel(attribs: Record<string, string>): boolean {
  const width = attribs.width === undefined ? undefined : Number(attribs.width);
  const height = attribs.height === undefined ? undefined : Number(attribs.height);
  if (width === 0 || height === 0) return true;
  return width !== undefined && height !== undefined && width <= 2 && height <= 2;
}

/** Allow-list sanitizing of one comment's HTML. `baseUrl` (the comment's or feed's URL) resolves relative links and image sources. */
export function sanitizeCommentHtml(html: string, baseUrl?: string): string {
  const withheld = withheldReason(html);
  if (withheld) return `<p><em>${WITHHELD_TEXT[withheld]}</em></p>`;
  return sanitizeHtml(html, optionsFor(parseBase(baseUrl))).trim();
}

const HIDDEN = new Set(DROPPED_WITH_CONTENT);
const KEPT = new Set([...COMMENT_TAGS, 'h1', 'h2']);

const UNESCAPE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

// sanitizeHtml is synchronous and JavaScript runs one call at a time, so the cached options'
// hooks write to whichever collector the running call set here.
let collecting: TextCollector | null = null;

function withTextHooks(base: URL | undefined): IOptions {
  return {
    ...optionsFor(base),
    onOpenTag: (name) => (KEPT.has(name) || HIDDEN.has(name)) && collecting?.open(name),
    onCloseTag: (name) => (KEPT.has(name) || HIDDEN.has(name)) && collecting?.close(name),
    // sanitize-html hands over text already escaped for HTML; the collector wants it as text.
    textFilter: (escaped) => {
      collecting?.text(escaped.includes('&') ? escaped.replace(/&(?:amp|lt|gt|quot);/g, (entity) => UNESCAPE[entity] as string) : escaped);
      return escaped;
    },
  };
}

// Building the options (allow-lists, transforms bound to a base URL) is about a sixth of the cost
// of sanitizing a short comment, and most feeds' comments share a few bases (their threads'
// pages): keep the options of recent bases. Feeds whose every comment has its own page miss.
const MAX_CACHED_BASES = 64;
const textOptionsByBase = new Map<string, IOptions>();

function textOptionsFor(baseUrl: string | undefined): IOptions {
  // Keyed by the address as given, without its fragment: a hit needs no URL parsing at all.
  const key = baseUrl?.split('#', 1)[0] ?? '';
  let options = textOptionsByBase.get(key);
  if (!options) {
    if (textOptionsByBase.size >= MAX_CACHED_BASES) textOptionsByBase.clear();
    options = withTextHooks(parseBase(baseUrl));
    textOptionsByBase.set(key, options);
  }
  return options;
}

// Bounded work per comment. sanitize-html's cost grows with the square of the nesting depth
// (200,000 nested <div>s, 4.4 MB, took 43 s), and so does htmlparser2's own element stack, so a
// comment over either limit never reaches an HTML parser that keeps a stack.
//
// Size, in UTF-16 units of HTML: 256 Ki. The longest comments sites allow are well under it
// (WordPress stores at most 65,525 bytes of comment, Discourse posts default to 32,000
// characters, Reddit comments to 10,000), with room for the markup a feed wraps them in.
export const MAX_COMMENT_HTML = 256 * 1024;
// Nesting: 200 elements deep. Real comments nest a few quotes and lists (a dozen levels at most);
// browsers themselves stop nesting the DOM at 512, and sanitize-html is fast at this depth.
export const MAX_COMMENT_DEPTH = 200;

/** Why a comment's content was not shown: its HTML was over MAX_COMMENT_HTML or nested deeper than MAX_COMMENT_DEPTH. */
export type WithheldReason = 'too-large' | 'too-deep';

const WITHHELD_TEXT: Record<WithheldReason, string> = {
  'too-large': 'This comment was too large to show here; open the original.',
  'too-deep': 'This comment was too deeply nested to show here; open the original.',
};

class TooDeep extends Error {}

/**
 * True when the HTML nests elements deeper than `max`, as htmlparser2 (so sanitize-html) would
 * build them: void elements and implied closes (`<p>` after `<p>`, `<li>` after `<li>`) counted
 * as it counts them. Linear: the count of start tags bounds the depth, so most comments need no
 * parse at all, and a parse stops as soon as the depth passes `max`, its stack never deeper.
 */
function nestsDeeperThan(html: string, max: number): boolean {
  let starts = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    if (/[a-zA-Z]/.test(html[at + 1] ?? '') && ++starts > max) break;
  }
  if (starts <= max) return false;
  let depth = 0;
  const parser = new Parser({
    onopentag: () => {
      if (++depth > max) throw new TooDeep();
    },
    onclosetag: () => {
      depth--;
    },
  });
  try {
    parser.end(html);
    return false;
  } catch (error) {
    if (error instanceof TooDeep) return true;
    throw error;
  }
}

/** Why a comment's HTML must not be parsed, if it must not. */
export function withheldReason(html: string): WithheldReason | undefined {
  if (html.length > MAX_COMMENT_HTML) return 'too-large';
  if (nestsDeeperThan(html, MAX_COMMENT_DEPTH)) return 'too-deep';
  return undefined;
}

/**
 * Sanitizes a comment and extracts its plain text in one parse: the same result as
 * sanitizeCommentHtml plus htmlToText of its output, for half the work on the ingest path.
 * Only tags the sanitizer keeps mark text boundaries, as they would in its output.
 * A comment over the size or nesting limit is not parsed: its content is a short notice, and
 * `withheld` says why.
 */
export function sanitizeComment(html: string, baseUrl?: string): { html: string; text: string; withheld?: WithheldReason } {
  const withheld = withheldReason(html);
  if (withheld) {
    const text = WITHHELD_TEXT[withheld];
    return { html: `<p><em>${text}</em></p>`, text, withheld };
  }
  const collector = new TextCollector();
  collecting = collector;
  try {
    return { html: sanitizeHtml(html, textOptionsFor(baseUrl)).trim(), text: collector.result() };
  } finally {
    collecting = null;
  }
}

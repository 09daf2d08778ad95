// Turns rss-parser's view of a feed into comments as Switchboard stores them: a stable guid,
// links, thread, author, time, and sanitized HTML with its plain text. Sanitizing happens here,
// last, on every entry.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../../../common/escape';
import { sanitizeComment, type WithheldReason } from '../sanitize/sanitize';
import { plainText } from '../sanitize/plain-text';
import { UNREADABLE, type RawEntry, type RawFeed } from './rss';
import { threadTitleFromCommentTitle, threadTitleFromFeedTitle, threadUrlFromCommentLink, type ThreadRef } from './threads';
import { isPlainWebUrl } from '../../../../common/urls';

export interface NormalizedComment {
  guid: string;
  url: string | null;
  thread: ThreadRef;
  author: string;
  authorUrl: string | null;
  publishedAt: number;
  contentHtml: string;
  contentText: string;
  /** Set when the comment's HTML was over the size or nesting limit: its content is a notice, not the comment. */
  withheld?: WithheldReason;
}

export interface FeedLink {
  url: string;
  title: string;
}

export interface NormalizedFeed {
  title: string;
  siteUrl: string | null;
  /** A posts feed links each post's own comment feed; a comments feed holds comments. */
  kind: 'comments' | 'posts';
  comments: NormalizedComment[];
  /** For a posts feed: each post's comment feed (wfw:commentRss or Atom rel="replies"). */
  commentFeeds: FeedLink[];
  /** Entries left out: unreadable, throwing, or with nothing to moderate (no text, no link). */
  skipped: number;
  /** Comments stored with a notice in place of HTML over the size or nesting limit. */
  withheld: number;
}

const MAX_GUID = 500;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { _?: unknown })._ === 'string') return (value as { _: string })._;
  return undefined;
}

function absoluteHttpUrl(value: string | undefined | null, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base ?? undefined);
    return isPlainWebUrl(url) ? url.href : null;
  } catch {
    return null;
  }
}

function links(entry: RawEntry): { rel: string; href: string }[] {
  // For an empty <item/>, xml2js hands rss-parser '' and it copies ''.link: String.prototype.link.
  if (!Array.isArray(entry.links)) return [];
  return entry.links.flatMap((link): { rel: string; href: string }[] => {
    if (typeof link === 'string') return [{ rel: 'alternate', href: link }];
    if (!link || typeof link !== 'object') return [];
    const href = text(link.$?.href);
    return href ? [{ rel: text(link.$?.rel) ?? 'alternate', href }] : [];
  });
}

function authorOf(entry: RawEntry): { name: string; url: string | null } {
  const atom = entry.atomAuthor?.[0];
  const atomName = atom && typeof atom === 'object' ? text(atom.name?.[0]) : undefined;
  const raw = entry.creator ?? atomName ?? text(entry.author) ?? '';
  // RSS <author> is "email (Name)" by the spec; keep the name.
  const fromEmail = /^\S+@\S+\s+\((.+)\)$/.exec(raw.trim());
  const name = plainText(fromEmail ? fromEmail[1] : raw, 120).replace(/^@+/, '');
  const url = atom && typeof atom === 'object' ? absoluteHttpUrl(text(atom.uri?.[0])) : null;
  return { name, url };
}

function publishedAt(entry: RawEntry, fetchedAt: number): number {
  for (const candidate of [entry.isoDate, entry.pubDate, entry.issued, entry.created, entry.modified]) {
    const time = candidate ? Date.parse(String(candidate).trim()) : NaN;
    // A date in the future is a clock or a lie; it must not pin the comment to the top of the queue.
    if (Number.isFinite(time)) return Math.min(time, fetchedAt);
  }
  return fetchedAt;
}

function threadRefOf(entry: RawEntry, commentUrl: string | null, feedThread: ThreadRef | null): ThreadRef {
  const title = plainText(text(entry.title));
  const inReplyTo = entry.inReplyTo?.[0]?.$;
  const source = typeof entry.source === 'object' ? entry.source : undefined;
  const sourceUrl = source?.$?.url?.replace(/\.rss$/, '');
  const url =
    absoluteHttpUrl(inReplyTo?.href ?? inReplyTo?.ref) ??
    absoluteHttpUrl(sourceUrl) ??
    feedThread?.url ??
    (commentUrl ? threadUrlFromCommentLink(commentUrl) : null);
  const threadTitle = plainText(text(entry.source)) || threadTitleFromCommentTitle(title) || feedThread?.title || title;
  return { url, title: threadTitle };
}

/**
 * The feed's own id when it has one. Otherwise a hash of what identifies the comment and survives
 * an edit (link, author, date); the text joins in only when there is no date, since some feeds
 * give several comments the same link.
 */
function stableGuid(entry: RawEntry, url: string | null, author: string, html: string): string {
  const given = text(entry.guid) ?? text(entry.id) ?? entry['rdf:about'];
  if (given && given.trim()) return given.trim().slice(0, MAX_GUID);
  const date = entry.isoDate ?? entry.pubDate ?? entry.issued ?? entry.created ?? '';
  const digest = createHash('sha256').update([url ?? '', author, text(entry.title) ?? '', date, date ? '' : html].join('\n')).digest('hex');
  return `sha256:${digest.slice(0, 32)}`;
}

/** The comment's HTML: content:encoded, else Atom content or RSS description, else the summary. */
function rawHtmlOf(entry: RawEntry): string {
  const encoded = text(entry['content:encoded']);
  if (encoded) return encoded;
  const content = text(entry.content);
  if (content && entry.atomContent?.[0]?.$?.type === 'text') {
    return content.split(/\n\s*\n/).map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`).join('');
  }
  return content ?? text(entry.summary) ?? '';
}

/** Reddit's comment feeds start with the submission itself (id t3_...), which is a post, not a comment. */
function isRedditSubmission(entry: RawEntry): boolean {
  return /^t3_/.test(text(entry.id) ?? '');
}

/** The post's own comment feed an entry links (wfw:commentRss or Atom rel="replies"), if any. */
function repliesOf(entry: RawEntry, entryLinks: { rel: string; href: string }[], feedUrl: string): string | null {
  return absoluteHttpUrl(entry.commentRss ?? entryLinks.find((link) => link.rel === 'replies')?.href, feedUrl);
}

/** How many entries, from the top of a feed, decide its kind: discovery reads no further. */
export const KIND_SAMPLE = 50;

/**
 * A feed's kind, tallied entry by entry in document order. A posts feed is one where most of its
 * first KIND_SAMPLE entries (a Reddit submission is not counted), and at least one, link their own
 * comment feed. Storing a feed and naming it in discovery both tally with this.
 */
export class KindTally {
  private counted = 0;
  private linking = 0;

  add(entry: RawEntry, feedUrl: string): void {
    if (this.counted >= KIND_SAMPLE || isRedditSubmission(entry)) return;
    this.counted += 1;
    if (repliesOf(entry, links(entry), feedUrl) !== null) this.linking += 1;
  }

  get kind(): NormalizedFeed['kind'] {
    return this.linking > 0 && this.linking >= this.counted / 2 ? 'posts' : 'comments';
  }

  /** True once no later entry can change the kind: the sample is full, or one side already holds most of it. */
  get settled(): boolean {
    return this.counted >= KIND_SAMPLE || this.linking * 2 >= KIND_SAMPLE || (this.counted - this.linking) * 2 > KIND_SAMPLE;
  }
}

/** The feed's title as text; a title element without text (xml2js hands over its attributes) names nothing. */
export function titleOf(feed: Pick<RawFeed, 'title'>, feedUrl: string): string {
  return plainText(text(feed.title)) || new URL(feedUrl).host;
}

/**
 * What discovery needs to name a feed, its title and kind, as normalizeFeed would give them but
 * without sanitizing every comment: the comments are read when the feed is stored.
 */
export function describeFeed(feed: RawFeed, feedUrl: string): Pick<NormalizedFeed, 'title' | 'kind'> {
  const tally = new KindTally();
  for (const entry of feed.items) tally.add(entry, feedUrl);
  return { title: titleOf(feed, feedUrl), kind: tally.kind };
}

/** One entry as a comment; null when it throws or carries neither text nor a link to the comment. */
function normalizeEntry(entry: RawEntry, feedUrl: string, fetchedAt: number, feedThread: ThreadRef | null, commentFeeds: FeedLink[]): NormalizedComment | null {
  try {
    const entryLinks = links(entry);
    const url = absoluteHttpUrl(entryLinks.find((link) => link.rel === 'alternate')?.href ?? text(entry.link), feedUrl);
    const replies = repliesOf(entry, entryLinks, feedUrl);
    const author = authorOf(entry);
    const rawHtml = rawHtmlOf(entry);
    const content = sanitizeComment(rawHtml, url ?? feedUrl);
    if (replies) commentFeeds.push({ url: replies, title: plainText(text(entry.title)) });
    // A posts feed's entries are followed for their comment feeds, whatever their text.
    if (!replies && !url && !content.text.trim()) return null;
    return {
      guid: stableGuid(entry, url, author.name, rawHtml),
      url,
      thread: threadRefOf(entry, url, feedThread),
      author: author.name,
      authorUrl: author.url,
      publishedAt: publishedAt(entry, fetchedAt),
      contentHtml: content.html,
      contentText: content.text,
      ...(content.withheld ? { withheld: content.withheld } : {}),
    };
  } catch {
    return null;
  }
}

export function normalizeFeed(feed: RawFeed, feedUrl: string, fetchedAt: number): NormalizedFeed {
  const title = titleOf(feed, feedUrl);
  const siteUrl = absoluteHttpUrl(feed.link, feedUrl);
  const perThreadTitle = threadTitleFromFeedTitle(title);
  const feedThread = perThreadTitle ? { url: siteUrl, title: perThreadTitle } : null;
  const commentFeeds: FeedLink[] = [];
  const tally = new KindTally();

  const comments: NormalizedComment[] = [];
  let skipped = 0;
  for (const entry of feed.items) {
    if (isRedditSubmission(entry)) continue;
    tally.add(entry, feedUrl);
    // Each entry alone: one that is unreadable, throws, or holds nothing to moderate is skipped
    // and counted, and the feed's other comments are still stored.
    const comment = entry[UNREADABLE] ? null : normalizeEntry(entry, feedUrl, fetchedAt, feedThread, commentFeeds);
    if (comment) comments.push(comment);
    else skipped += 1;
  }

  const withheld = comments.filter((comment) => comment.withheld).length;
  return { title, siteUrl, kind: tally.kind, comments, commentFeeds, skipped, withheld };
}

// Property tests (fast-check) for the feed pipeline after the download (decode, guard, parse,
// normalize): the fixture feeds mutated (elements dropped, duplicated or emptied, odd dates,
// numbers and links, other encodings, truncation) never make it throw. It answers a categorized
// feed error or well-formed comments, with the entries it could not read counted.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_ERROR_CATEGORIES } from '../../../main/features/feeds/errors';
import { ingestFeed, type IngestOutcome } from '../../../main/features/feeds/pipeline';
import { parseFeedXml } from '../../../main/features/feeds/parse/rss';
import { guardXml } from '../../../main/features/feeds/parse/xml-guard';
import { decodeFeedBody } from '../../../main/features/feeds/fetch/decode';
import { violations } from '../../support/html-allow-list';

const FIXTURES = join(__dirname, '../../fixtures/feeds');
// By name, so a counterexample names the fixture rather than printing its bytes. Read as UTF-8:
// the windows-1252 one becomes a feed whose declaration does not match its bytes, one more odd encoding.
const FEEDS = new Map(readdirSync(FIXTURES).sort().map((name) => [name, readFileSync(join(FIXTURES, name), 'utf8')]));
const feedText = (name: string) => FEEDS.get(name)!;
const FEED_URL = 'https://blog.example.com/comments/feed/';
const NOW = Date.parse('2026-11-28T12:00:00Z');

// Every element name the fixtures use inside entries, and the feed-level ones worth breaking.
const ELEMENTS = [
  'item', 'entry', 'title', 'link', 'guid', 'id', 'pubDate', 'updated', 'published', 'issued', 'modified', 'created', 'dc:date',
  'author', 'name', 'uri', 'dc:creator', 'description', 'content', 'content:encoded', 'summary', 'source', 'thr:in-reply-to',
  'wfw:commentRss', 'comments', 'channel', 'feed',
];
const DATE_ELEMENTS = ['pubDate', 'updated', 'published', 'issued', 'modified', 'created', 'dc:date'];
const LINK_ELEMENTS = ['link', 'guid', 'id', 'uri', 'comments', 'wfw:commentRss', 'source', 'thr:in-reply-to'];
const ODD_DATES = [
  '', ' ', 'not a date', '0000-00-00', '2026-02-30T25:61:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00.002Z', 'Mon, 32 Foo 2026 99:99:99 XYZ', '1e400', '-1', '99999999999999999999999',
  'NaN', 'Infinity', '2026-11-28T12:00:00+14:00', '2099-01-01',
];
const ODD_LINKS = [
  '', ' ', 'javascript:alert(1)', '//evil.example/x', 'http://', 'http://[::1', 'mailto:x@example.com', ' relative/path#c ',
  'https://user:pw@host.example/', 'file:///etc/passwd', 'data:text/html,x', 'https://host.example/p?x=)[a](javascript:alert(1))',
  'HTTPS://EXAMPLE.COM:443/%zz', 'http://xn--/', 'https://[::ffff:127.0.0.1]/',
];
const ODD_TEXTS = [
  '', ' ', 't3_abc', '<p>html & <b>bold</b></p>', '\u001b]0;title\u0007', '\u202Etroppus laiciffO', '&#xFFFF;', '\uD83D',
  'é'.repeat(300), 'x'.repeat(2000), '-1', '1e308', '<![CDATA[x]]>', 'Comment on  by ', 'Re: ',
];
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Change =
  | { kind: 'drop' | 'duplicate' | 'empty' | 'self-close'; element: string; nth: number }
  | { kind: 'set'; element: string; nth: number; value: string }
  | { kind: 'set-attribute'; element: string; nth: number; value: string };

const setValue = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), element: fc.constantFrom(...DATE_ELEMENTS), nth: fc.nat(8), value: fc.constantFrom(...ODD_DATES) }),
  fc.record({ kind: fc.constant('set' as const), element: fc.constantFrom(...LINK_ELEMENTS), nth: fc.nat(8), value: fc.constantFrom(...ODD_LINKS) }),
  fc.record({ kind: fc.constant('set' as const), element: fc.constantFrom(...ELEMENTS), nth: fc.nat(8), value: fc.oneof(fc.constantFrom(...ODD_TEXTS), fc.string({ maxLength: 20 })) }),
);
const elementChange: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'duplicate' as const, 'empty' as const, 'self-close' as const), element: fc.constantFrom(...ELEMENTS), nth: fc.nat(8) }),
  setValue,
  fc.record({ kind: fc.constant('set-attribute' as const), element: fc.constantFrom('link', 'thr:in-reply-to', 'source', 'content', 'guid'), nth: fc.nat(8), value: fc.constantFrom(...ODD_LINKS) }),
);

/** The nth element of that name (wrapping around), as [start, end] in the text, or null when there is none. */
function findElement(xml: string, element: string, nth: number): [number, number] | null {
  const name = element.replace(':', '\\:');
  const spans = [...xml.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}\\s*>)`, 'g'))];
  const match = spans.length ? spans[nth % spans.length] : undefined;
  return match ? [match.index, match.index + match[0].length] : null;
}

/** One element-level change; every one keeps well-formed XML well-formed. */
function applyChange(xml: string, change: Change): string {
  const span = findElement(xml, change.element, change.nth);
  if (!span) return xml;
  const [start, end] = span;
  const whole = xml.slice(start, end);
  const tag = /^<([^\s/>]+)/.exec(whole)![1];
  const open = /^<[^>]*?(?=\/?>)/.exec(whole)![0];
  switch (change.kind) {
    case 'drop':
      return xml.slice(0, start) + xml.slice(end);
    case 'duplicate':
      return xml.slice(0, end) + whole + xml.slice(end);
    case 'empty':
      return `${xml.slice(0, start)}${open}></${tag}>${xml.slice(end)}`;
    case 'self-close':
      return `${xml.slice(0, start)}<${tag}/>${xml.slice(end)}`;
    case 'set':
      return `${xml.slice(0, start)}${open}>${escapeText(change.value)}</${tag}>${xml.slice(end)}`;
    case 'set-attribute': {
      const value = escapeText(change.value).replace(/"/g, '&quot;');
      const withAttr = /\s(href|ref|url|isPermaLink|type)="[^"]*"/.test(open)
        ? open.replace(/\s(href|ref|url|isPermaLink|type)="[^"]*"/, ` $1="${value}"`)
        : `${open} href="${value}"`;
      return xml.slice(0, start) + withAttr + whole.slice(open.length) + xml.slice(end);
    }
  }
}

// Byte-level changes: these may well break the XML, and then a categorized error is the answer.
type ByteChange = { kind: 'truncate'; at: number } | { kind: 'declare'; encoding: string } | { kind: 'as-latin1' } | { kind: 'as-utf16'; bom: boolean } | { kind: 'garbage'; at: number; bytes: number[] };
const byteChange: fc.Arbitrary<ByteChange> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('declare' as const), encoding: fc.constantFrom('utf-16', 'UTF-16LE', 'windows-1252', 'iso-8859-1', 'shift_jis', 'bogus', 'utf-7', '') }),
  fc.record({ kind: fc.constant('as-latin1' as const) }),
  fc.record({ kind: fc.constant('as-utf16' as const), bom: fc.boolean() }),
  fc.record({ kind: fc.constant('garbage' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }) }),
);

function applyBytes(xml: string, change: ByteChange): Buffer {
  switch (change.kind) {
    case 'truncate':
      return Buffer.from(xml.slice(0, change.at % (xml.length + 1)), 'utf8');
    case 'declare':
      return Buffer.from(xml.replace(/^(\uFEFF?<\?xml[^>]*?)(\s+encoding="[^"]*")?(\s*\?>)/, `$1 encoding="${change.encoding}"$3`), 'utf8');
    case 'as-latin1':
      return Buffer.from(xml, 'latin1');
    case 'as-utf16':
      return Buffer.concat([change.bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(xml, 'utf16le')]);
    case 'garbage': {
      const bytes = Buffer.from(xml, 'utf8');
      const at = change.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(change.bytes), bytes.subarray(at)]);
    }
  }
}

const fixture = fc.constantFrom(...FEEDS.keys());
const contentType = fc.constantFrom(null, 'application/rss+xml', 'application/atom+xml; charset=utf-8', 'text/xml; charset=windows-1252', 'text/html', 'application/xml; charset=bogus');

async function ingest(body: Buffer, type: string | null): Promise<IngestOutcome> {
  return ingestFeed({ url: FEED_URL, downloaded: { finalUrl: FEED_URL, body, contentType: type, etag: null, lastModified: null } }, undefined, undefined, undefined, () => NOW);
}

/** How many entries the parser hands over that are comments to count (Reddit's submission is not one). */
async function entriesIn(body: Buffer, type: string | null): Promise<number> {
  const feed = await parseFeedXml(guardXml(decodeFeedBody(body, type)));
  return feed.items.filter((entry) => !/^t3_/.test(typeof entry.id === 'string' ? entry.id : '')).length;
}

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const webUrlOrNull = (value: string | null) => value === null || (URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol));

/** The outcome is a categorized error with a message, or comments a moderator can work with (their HTML
 *  inside the allow-list), the unread entries counted. */
async function expectWellFormed(outcome: IngestOutcome, body: Buffer, type: string | null): Promise<void> {
  if (outcome.status === 'error') {
    expect(FEED_ERROR_CATEGORIES).toContain(outcome.category);
    expect(outcome.message.trim()).not.toBe('');
    return;
  }
  expect(outcome.status).toBe('ok');
  if (outcome.status !== 'ok') return;
  const { feed } = outcome;
  expect(feed.title.trim()).not.toBe('');
  expect(webUrlOrNull(feed.siteUrl)).toBe(true);
  for (const comment of feed.comments) {
    expect(comment.guid.trim()).not.toBe('');
    expect(comment.guid.length).toBeLessThanOrEqual(500);
    expect(webUrlOrNull(comment.url), comment.url ?? '').toBe(true);
    expect(webUrlOrNull(comment.thread.url), comment.thread.url ?? '').toBe(true);
    expect(webUrlOrNull(comment.authorUrl), comment.authorUrl ?? '').toBe(true);
    expect(Number.isFinite(comment.publishedAt)).toBe(true);
    expect(comment.publishedAt).toBeLessThanOrEqual(NOW);
    for (const text of [comment.author, comment.thread.title, comment.contentText, feed.title]) expect(text).not.toMatch(CONTROL);
    expect(violations(comment.contentHtml)).toEqual([]);
  }
  for (const link of feed.commentFeeds) expect(webUrlOrNull(link.url)).toBe(true);
  expect(Number.isInteger(feed.skipped) && feed.skipped >= 0).toBe(true);
  expect(feed.comments.length + feed.skipped).toBe(await entriesIn(body, type));
}

describe('the feed pipeline, for mutated fixture feeds', () => {
  it('never throws: a categorized error, or well-formed comments with the unread entries counted', async () => {
    await fc.assert(
      fc.asyncProperty(fixture, fc.array(elementChange, { maxLength: 6 }), fc.option(byteChange, { freq: 3 }), contentType, async (name, changes, bytesChange, type) => {
        const xml = changes.reduce(applyChange, feedText(name));
        const body = bytesChange ? applyBytes(xml, bytesChange) : Buffer.from(xml, 'utf8');
        await expectWellFormed(await ingest(body, type), body, type);
      }),
      { numRuns: 300 },
    );
  });

  it('one broken entry costs that entry only: every other comment of the feed is still read', async () => {
    const comments = async (body: Buffer) => {
      const outcome = await ingest(body, 'application/xml');
      return outcome.status === 'ok' ? outcome.feed.comments.map((comment) => comment.guid) : [];
    };
    const withEntries = [...FEEDS.keys()].filter((name) => /<(item|entry)[\s>]/.test(feedText(name)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withEntries), fc.nat(), fc.array(elementChange, { minLength: 1, maxLength: 6 }), async (name, nth, changes) => {
        const xml = feedText(name);
        const span = findElement(xml, /<entry[\s>]/.test(xml) ? 'entry' : 'item', nth)!;
        const entry = xml.slice(...span);
        // Changes to the entry's own children only: the element names that are the entry itself are left out.
        const inner = changes.filter((change) => !['item', 'entry', 'channel', 'feed'].includes(change.element)).reduce(applyChange, entry);
        const before = await comments(Buffer.from(xml));
        const after = await comments(Buffer.from(xml.slice(0, span[0]) + inner + xml.slice(span[1])));
        const others = before.filter((guid) => !after.includes(guid));
        expect(others.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});

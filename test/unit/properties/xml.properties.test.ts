// Property tests (fast-check) for every XML document Switchboard writes, the Atom highlights digest
// and the OPML export: for any names, titles, addresses, comment text and notes (characters XML
// forbids included), the document is well-formed XML 1.0, and a conforming parser reads back
// every value as it was, less only the characters XML cannot carry at all.
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { readOpml, writeOpml } from '../../../main/features/feeds/opml';
import { plainText } from '../../../main/features/feeds/sanitize/plain-text';
import { digestAtom } from '../../../main/features/spotlight/digest';
import { isXmlChar, readXml, xmlProblems, type XmlElement } from '../../support/strict-xml';

// Any UTF-16 units (lone surrogates too), biased towards what XML forbids or treats specially.
const hostileChar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 1 }),
  fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001b', '\u007f', '\u0085', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\u{1F600}', '\t', '\n', '\r', '\r\n'),
  fc.constantFrom('<', '>', '&', '"', "'", ']]>', '&amp;', '&#xFFFF;', '&lt;', '<![CDATA[', '-->', '“', '”', ' ', 'é'),
);
const hostile = fc.array(hostileChar, { maxLength: 24 }).map((parts) => parts.join(''));
const webHref = fc
  .tuple(fc.constantFrom('http://', 'https://'), fc.constantFrom('host.example', 'h.example:8080'), hostile)
  .map(([scheme, host, rest]) => new URL(`${scheme}${host}/${rest}`).href);

/** The code points of a string that XML can carry, in order (a lone surrogate counts as one, and goes). */
function carried(text: string): string {
  return [...text].filter((char) => isXmlChar(char.codePointAt(0)!)).join('');
}

/** An Atom entry's HTML content as a reader shows it: the quote (a <br> a line break) and the note. */
function contentParts(html: string): { quote: string; note: string | null } {
  let quote = '';
  let note: string | null = null;
  let inQuote = false;
  let inNote = false;
  const parser = new Parser({
    onopentag(name) {
      if (name === 'blockquote') inQuote = true;
      if (name === 'br' && inQuote) quote += '\n';
      if (name === 'p') {
        inNote = true;
        note = '';
      }
    },
    onclosetag(name) {
      if (name === 'blockquote') inQuote = false;
      if (name === 'p') inNote = false;
    },
    ontext(text) {
      if (inQuote) quote += text;
      else if (inNote) note += text;
    },
  });
  parser.end(html);
  return { quote, note: note === null ? null : (note as string).replace(/^Why it stands out: /, '') };
}

const named = (elements: XmlElement[], name: string) => elements.filter((element) => element.name === name);

const highlight = fc.record({
  author: hostile,
  threadTitle: hostile,
  threadUrl: fc.option(webHref),
  url: fc.option(webHref),
  text: hostile,
  note: fc.option(hostile),
});

describe('the Atom highlights digest, for any names, comments and notes', () => {
  it('is well-formed XML 1.0 and reads back each entry as it was, less what XML cannot carry', () => {
    fc.assert(
      fc.property(fc.array(highlight, { maxLength: 4 }), (items) => {
        const highlights = items.map((item, index) => ({ ...item, itemId: index + 1, featuredAt: '2026-11-20T10:00:00.000Z' }));
        const atom = digestAtom(highlights, '2026-11-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z', '2026-11-30T12:00:00.000Z');
        expect(xmlProblems(atom)).toEqual([]);
        const entries = readXml(atom);
        const titles = named(entries, 'title').slice(1); // the first is the feed's own
        expect(titles.map((title) => title.text)).toEqual(items.map((item) => carried(`${item.author || 'Anonymous'}${item.threadTitle ? ` in “${item.threadTitle}”` : ''}`)));
        expect(named(entries, 'name').map((name) => name.text)).toEqual(items.map((item) => carried(item.author || 'Anonymous')));
        expect(named(entries, 'link').map((link) => link.attributes.href)).toEqual(items.flatMap((item) => (item.url ? [item.url] : [])));
        expect(named(entries, 'content').map((content) => contentParts(content.text))).toEqual(
          items.map((item) => ({ quote: carried(item.text), note: item.note ? carried(item.note) : null })),
        );
      }),
      { numRuns: 500 },
    );
  });
});

const subscription = fc.record({ url: webHref, title: hostile, siteUrl: fc.option(webHref) });

describe('the OPML export, for any feed titles and addresses', () => {
  it('is well-formed XML 1.0 and reads back each outline as it was, less what XML cannot carry', () => {
    fc.assert(
      fc.property(fc.array(subscription, { maxLength: 5 }), (feeds) => {
        const opml = writeOpml(feeds, new Date(Date.UTC(2026, 10, 26)));
        expect(xmlProblems(opml)).toEqual([]);
        const outlines = named(readXml(opml), 'outline');
        expect(outlines.map(({ attributes }) => attributes)).toEqual(
          feeds.map((feed) => {
            const title = carried(feed.title || feed.url);
            return { type: 'rss', text: title, title, xmlUrl: feed.url, ...(feed.siteUrl ? { htmlUrl: feed.siteUrl } : {}) };
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('imported again, gives back the subscriptions as Switchboard stores them', () => {
    // Stored titles are plain text of what a feed's XML carried (or a rename, read the same way).
    // Text with < or & is left out here: an import reads a title as HTML on purpose (OPML files
    // carry markup in titles), so a stored "<b>" or "&amp;" would come back decoded.
    // A feed always has a title (its host when it names none).
    const storedTitle = hostile.map((raw) => plainText(carried(raw).replace(/[<&]/g, '')) || 'host.example');
    fc.assert(
      fc.property(fc.array(fc.record({ url: webHref, title: storedTitle, siteUrl: fc.option(webHref) }), { maxLength: 5 }), (feeds) => {
        expect(readOpml(writeOpml(feeds, new Date(Date.UTC(2026, 10, 26))))).toEqual(feeds.map(({ url, title }) => ({ url, title })));
      }),
      { numRuns: 1000 },
    );
  });
});

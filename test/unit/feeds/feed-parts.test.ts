import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverAddress, rankCandidates, readPage } from '../../../main/features/feeds/discover';
import { DiscoveredFeeds, KEEP_DISCOVERED_MS } from '../../../main/features/feeds/discovered';
import { decodeFeedBody } from '../../../main/features/feeds/fetch/decode';
import { hostLimiter } from '../../../main/features/feeds/host-limiter';
import { readOpml, writeOpml } from '../../../main/features/feeds/opml';
import { xmlProblems } from '../../support/strict-xml';
import { threadTitleFromCommentTitle, threadTitleFromFeedTitle, threadUrlFromCommentLink } from '../../../main/features/feeds/parse/threads';
import { describeFeedXml, readFeedHead } from '../../../main/features/feeds/parse/describe';
import { inlineXhtmlAsHtml } from '../../../main/features/feeds/parse/inline-xhtml';
import { describeFeed, KIND_SAMPLE, KindTally, normalizeFeed } from '../../../main/features/feeds/parse/normalize';
import { parseFeedXml } from '../../../main/features/feeds/parse/rss';
import { guardXml } from '../../../main/features/feeds/parse/xml-guard';
import type { FeedError } from '../../../main/features/feeds/errors';
import { nextFetchAfterSuccess, planAfterFailure, PARK_AFTER_FAILURES } from '../../../main/features/feeds/schedule-policy';
import { ftsQuery, scopeQuery } from '../../../db/fts-query';

describe('threads', () => {
  it.each([
    ['https://blog.example.com/2026/11/outage/#comment-31', 'https://blog.example.com/2026/11/outage/'],
    ['https://blog.example.com/2026/11/outage/comment-page-2/#comment-31', 'https://blog.example.com/2026/11/outage/'],
    ['https://forum.example.org/t/webhooks-stop/123/4', 'https://forum.example.org/t/webhooks-stop/123'],
    ['https://www.reddit.example/r/selfhosted/comments/1abc/my_setup/kx9z2/', 'https://www.reddit.example/r/selfhosted/comments/1abc/my_setup/'],
    ['not a url', null],
  ])('finds the thread of comment link %s', (link, thread) => {
    expect(threadUrlFromCommentLink(link)).toBe(thread);
  });

  it.each([
    ['Comment on Scheduled maintenance, 3 November by Priya N', 'Scheduled maintenance, 3 November'],
    ['New comment by tptacek in "Show HN: A tiny feed reader"', 'Show HN: A tiny feed reader'],
    ['/u/dana_k on Why my backups failed', 'Why my backups failed'],
    ['Re: Webhooks stop firing', 'Webhooks stop firing'],
    ['Just a comment title', null],
  ])('reads the thread title in %s', (title, thread) => {
    expect(threadTitleFromCommentTitle(title)).toBe(thread);
  });

  it('reads a per-post comment feed title', () => {
    expect(threadTitleFromFeedTitle('Comments on: Introducing Edge Functions')).toBe('Introducing Edge Functions');
    expect(threadTitleFromFeedTitle('Hostwise Blog')).toBeNull();
  });
});

describe('discovery', () => {
  const page = `<html><head><title>Outage on 26 November &#8211; Hostwise Blog</title>
    <link rel="alternate" type="application/rss+xml" title="Hostwise Blog &raquo; Feed" href="/feed/">
    <link rel="alternate" type="application/rss+xml" title="Hostwise Blog &raquo; Comments Feed" href="/comments/feed/">
    <link rel="alternate" type="application/rss+xml" title="Hostwise Blog &raquo; Outage Comments Feed" href="/2026/11/outage/feed/">
    <link rel="alternate nofollow" type="application/atom+xml" title="Comments" href="https://typepad.example/comments/atom.xml">
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" type="text/html" href="/fr/">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
  </head></html>`;

  it('finds every feed link, nofollow included, and nothing else', () => {
    const read = readPage(page, 'https://blog.example.com/2026/11/outage/');
    expect(read.title).toBe('Outage on 26 November – Hostwise Blog');
    expect(read.links.map((link) => link.url)).toEqual([
      'https://blog.example.com/feed/',
      'https://blog.example.com/comments/feed/',
      'https://blog.example.com/2026/11/outage/feed/',
      'https://typepad.example/comments/atom.xml',
    ]);
  });

  it("ranks the post's own comment feed first on a post page, then other comment feeds, then posts", () => {
    const ranked = rankCandidates(readPage(page, 'https://blog.example.com/2026/11/outage/'), 'https://blog.example.com/2026/11/outage/');
    expect(ranked.map((candidate) => [candidate.url, candidate.kind])).toEqual([
      ['https://blog.example.com/2026/11/outage/feed/', 'comments'],
      ['https://blog.example.com/comments/feed/', 'comments'],
      ['https://typepad.example/comments/atom.xml', 'comments'],
      ['https://blog.example.com/feed/', 'posts'],
    ]);
  });

  it('ranks the site comment feed first on a home page', () => {
    const ranked = rankCandidates(readPage(page.replace('Outage on 26 November &#8211; ', ''), 'https://blog.example.com/'), 'https://blog.example.com/');
    expect(ranked[0]?.url).toBe('https://blog.example.com/comments/feed/');
  });

  // Every feed under test/fixtures/, and the sample feeds.
  const fixtureFeeds = [path.resolve(__dirname, '../../fixtures/feeds'), path.resolve(__dirname, '../../../main/features/feeds/samples')].flatMap((dir) =>
    fs.readdirSync(dir).filter((file) => /\.(xml|rss|atom)$/.test(file)).map((file) => path.join(dir, file)),
  );
  it.each(fixtureFeeds.map((file) => [path.basename(file), file]))('names %s as storing it does, without reading its comments', async (_name, file) => {
    const url = 'https://blog.example.com/feed/';
    const xml = guardXml(decodeFeedBody(fs.readFileSync(file), null));
    const raw = await parseFeedXml(xml);
    const { title, kind } = normalizeFeed(raw, url, 0);
    expect(describeFeed(raw, url)).toEqual({ title, kind });
    // The streaming read answers by itself (it does not hand over to rss-parser), and alike.
    expect(readFeedHead(xml, url)).toEqual({ title, kind });
  });

  /** What discovery said of a document before it read feeds with sax: rss-parser's answer, or its refusal. */
  const fullParse = (xml: string, url: string) =>
    parseFeedXml(xml).then(
      (raw) => ({ named: describeFeed(raw, url) }),
      (error: FeedError) => ({ refused: { category: error.category, message: error.message } }),
    );
  const streamingRead = (xml: string, url: string) =>
    describeFeedXml(xml, url).then(
      (named) => ({ named }),
      (error: FeedError) => ({ refused: { category: error.category, message: error.message } }),
    );
  const atom = (inside: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">${inside}</feed>`;
  const rss = (inside: string, version = '2.0') => `<rss version="${version}" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${inside}</channel></rss>`;
  const rdf = (inside: string) => `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">${inside}</rdf:RDF>`;
  const entry = (inside = '') => `<entry><id>tag:x,2026:${inside.length}</id>${inside}<title>t</title></entry>`;
  const item = (inside = '') => `<item><title>t</title><link>https://blog.example.com/p/#c</link>${inside}</item>`;
  const post = item('<wfw:commentRss>https://blog.example.com/p/feed/</wfw:commentRss>');
  // [what, document, whether the streaming read answers (names or refuses) by itself, not handing over to rss-parser]
  const documents: [string, string, boolean][] = [
    ['CDATA title', atom('<title><![CDATA[Tom &amp; <b>Jerry</b>]]></title>' + entry()), true],
    ['entity-escaped type="html" title', atom('<title type="html">Tom &amp;amp; Jerry &lt;em&gt;live&lt;/em&gt; &#8211; &lt;script&gt;x&lt;/script&gt;</title>'), true],
    ['HTML entities in a title', rss('<title>Caf&eacute; &raquo; Comments&nbsp;feed</title>' + item()), true],
    ['type="xhtml" title', atom('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Notes &amp; <em>news</em><br/>from us</div></title>' + entry()), true],
    ['Atom 0.3 mode="xml" title', atom('<title mode="xml" type="application/xhtml+xml"><span>Zero</span> point three</title>'), true],
    ['empty xhtml title, then another', atom('<title type="xhtml"> </title><title>Second</title>' + entry()), true],
    ['title with child elements', atom('<title>Hello <b>big</b> world</title>'), true],
    ['title with attributes and blank text', atom('<title type="text">   </title>' + entry()), true],
    ['title with attributes and empty CDATA', atom('<title type="text"><![CDATA[]]></title>'), true],
    ['empty title', rss('<title></title>' + item()), true],
    ['control characters and long title', rss(`<title>A\u0085 b\t\n${'x'.repeat(400)}</title>`), true],
    ['Atom title after the entries', atom(entry() + entry() + '<title>Late</title>'), true],
    ['Atom feed without a title', atom(entry()), true],
    ['RSS title after the items', rss(item() + item() + '<title>Late</title>'), true],
    ['RSS dc:title only', rss('<dc:title>Dublin</dc:title>' + item()), true],
    ['RSS dc:title before title', rss('<dc:title>Dublin</dc:title><title>Plain</title>' + item()), true],
    ['item titles are not the feed title', rss(item() + '<description>d</description>'), true],
    ['a second channel is not read', rss('<title>One</title>' + item()).replace('</rss>', `<channel><title>Two</title>${post}${post}</channel></rss>`), true],
    ['RSS 0.91', rss('<title>Old</title>' + item(), '0.91'), true],
    ['posts feed', rss('<title>Posts</title>' + post + post + item()), true],
    ['blank wfw:commentRss (xml2js keeps the blanks)', rss('<title>T</title>' + item('<wfw:commentRss>  </wfw:commentRss>')), true],
    ['blank wfw:commentRss with an attribute', rss('<title>T</title>' + item('<wfw:commentRss a="1"> </wfw:commentRss>')), true],
    ['relative and unusable wfw:commentRss', rss('<title>T</title>' + item('<wfw:commentRss>feed/</wfw:commentRss>') + item('<wfw:commentRss>javascript:x</wfw:commentRss>') + item()), true],
    ['Atom replies links', atom('<title>T</title>' + entry('<link rel="replies" href="/c/1/feed"/>') + entry('<link rel="Replies" href="/c/2/feed"/>') + entry('<link rel="replies" href=""/>')), true],
    ['Atom replies link after an empty one', atom('<title>T</title>' + entry('<link rel="replies" href=""/><link rel="replies" href="/c/1/feed"/>') + entry()), true],
    ['wfw:commentRss in an Atom entry', atom('<title>T</title>' + entry('<wfw:commentRss>https://b.example/c/feed</wfw:commentRss>')), true],
    ['Reddit submission first', atom('<title>R</title><entry><id>t3_abc</id><link rel="replies" href="/r/1/.rss"/></entry>' + entry()), true],
    ['prefixed entries are not entries', atom('<title>T</title><atom:entry xmlns:atom="http://www.w3.org/2005/Atom"><link rel="replies" href="/x"/></atom:entry>'), true],
    ['RSS 1.0, items after the channel', rdf('<channel rdf:about="x"><title>RDF</title><item><link>l</link></item></channel><item rdf:about="a"><title>t</title></item>'), true],
    ['RSS 1.0, items before the channel', rdf('<item rdf:about="a"><title>t</title></item><channel rdf:about="x"><title>RDF</title></channel>'), true],
    ['many entries: the first fifty decide', rss('<title>Mixed</title>' + item().repeat(26) + post.repeat(60)), true],
    ['many entries: settled before the end', rss('<title>Posts</title>' + post.repeat(30) + item().repeat(40)), true],
    ['a BOM', '\ufeff' + rss('<title>BOM</title>'), true],
    ['nothing but whitespace', '  \n ', false],
    ['no root', '<?xml version="1.0"?><!-- nothing -->', false],
    ['another XML document', '<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body/></opml>', false],
    ['RSS 1.0 with an rss root', '<rss version="1.0"><channel><title>T</title></channel></rss>', false],
    ['rss without a version', '<rss><channel><title>T</title></channel></rss>', false],
    ['a prefixed Atom root', '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>T</atom:title></atom:feed>', false],
    ['an empty Atom root', '<feed></feed>', false],
    ['a blank Atom root', '<feed>  </feed>', false],
    ['RSS without a channel', '<rss version="2.0"><title>T</title></rss>', false],
    ['RSS 1.0 without a channel', rdf('<item><title>t</title></item>'), false],
    ['broken before the title', rss('<title>T</x>' + item()), true],
    ['broken in the first entries', rss('<title>T</title><item><title>t</item>' + item()), true],
    ['unclosed', '<rss version="2.0"><channel><title>T</title>', true],
    ['text before the root', 'hello <rss version="2.0"><channel><title>T</title></channel></rss>', true],
    ['an element named _', atom('<title>T</title><entry><id>1</id><_/></entry>'), false],
  ];
  it.each(documents)('names or refuses a feed as the full parse does: %s', async (_what, xml, answersItself) => {
    const url = 'https://blog.example.com/feed/';
    expect(await streamingRead(xml, url)).toEqual(await fullParse(xml, url));
    const answered = () => {
      try {
        return readFeedHead(xml, url) !== null;
      } catch {
        return true; // refused
      }
    };
    expect(answered()).toBe(answersItself);
  });

  /** A comment feed of `count` items; the one numbered `broken` is not well-formed. */
  const bigFeed = (count: number, broken: number) =>
    rss(
      '<title>Comments for a busy blog</title>' +
      Array.from({ length: count }, (_, n) =>
        n === broken ? '<item><title>Comment 500</title><description><p>unclosed</description></item>' : item(`<description>${'A comment. '.repeat(20)}</description>`),
      ).join('\n'),
    );

  it('names a large feed from its first entries: a broken 500th entry is never read', async () => {
    const url = 'https://blog.example.com/comments/feed/';
    const xml = bigFeed(2000, 499);
    // rss-parser reads it all, so the feed would have been refused here.
    await expect(parseFeedXml(xml)).rejects.toMatchObject({ category: 'parse' });
    expect(await describeFeedXml(xml, url)).toEqual({ title: 'Comments for a busy blog', kind: 'comments' });
    // A posts feed too: its kind is settled once most of the first fifty posts link their comment feed.
    expect(await describeFeedXml(rss('<title>Posts</title>' + post.repeat(499) + '<item><broken></item>'), url)).toEqual({ title: 'Posts', kind: 'posts' });
  });

  it('discovers a large feed address without parsing its entries, and keeps the download for the subscribe', async () => {
    const body = Buffer.from(bigFeed(2000, 499));
    const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/comments/feed/`;
      const found = await discoverAddress(url);
      expect(found.candidates).toEqual([{ url, title: 'Comments for a busy blog', kind: 'comments' }]);
      expect(Buffer.compare(found.feed!.body, body)).toBe(0);
    } finally {
      server.close();
    }
  });

  it('reads a hostile document within its bounds', async () => {
    const url = 'https://blog.example.com/feed/';
    const deep = atom(`<title>${'<b>'.repeat(20_000)}x${'</b>'.repeat(20_000)}Deep</title>` + entry());
    expect(readFeedHead(deep, url)).toEqual(describeFeed(await parseFeedXml(deep), url));
    // Never closed, never settled: read to the end and refused there, as rss-parser refuses it.
    const unclosed = atom('<title>T</title>' + '<entry><x>'.repeat(20_000));
    expect(() => readFeedHead(unclosed, url)).toThrow(/^the feed is not well-formed XML/);
    expect(await streamingRead(unclosed, url)).toEqual(await fullParse(unclosed, url));
  });

  it('names a feed whose title element has no text by its host, as storing it does', async () => {
    const raw = await parseFeedXml('<feed xmlns="http://www.w3.org/2005/Atom"><title type="html"></title><entry><id>1</id></entry></feed>');
    expect(describeFeed(raw, 'https://blog.example.com/feed/').title).toBe('blog.example.com');
    expect(normalizeFeed(raw, 'https://blog.example.com/feed/', 0).title).toBe('blog.example.com');
  });

  it('keeps no address with a user name or password: comment, author, thread and followed feed links are dropped', async () => {
    const raw = await parseFeedXml(
      `<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>T</title>
        <item><guid>1</guid><title>On Lost invoices</title><link>https://bank.example@evil.example/p#c1</link>
          <description>Hi</description><wfw:commentRss>https://u:p@blog.example.com/p/feed/</wfw:commentRss></item>
      </channel></rss>`,
    );
    const feed = normalizeFeed(raw, 'https://blog.example.com/comments/feed/', 0);
    expect(JSON.stringify(feed)).not.toMatch(/bank\.example@|u:p@/);
  });

  it('keeps a discovered feed for a few minutes, for one subscription, a few feeds at most', () => {
    const kept = new DiscoveredFeeds();
    const found = (n: number) => {
      const url = `https://blog.example.com/${n}/feed/`;
      return { candidate: { url, title: `Feed ${n}`, kind: 'comments' as const }, feed: { finalUrl: url, body: Buffer.from('<rss/>'), contentType: null, etag: null, lastModified: null } };
    };
    kept.keep(found(1), 0);
    expect(kept.take('https://blog.example.com/2/feed/', 0)).toBeNull();
    expect(kept.take('https://blog.example.com/1/feed/', KEEP_DISCOVERED_MS)).toEqual(found(1));
    expect(kept.take('https://blog.example.com/1/feed/', KEEP_DISCOVERED_MS)).toBeNull();

    kept.keep(found(1), 0);
    expect(kept.take('https://blog.example.com/1/feed/', KEEP_DISCOVERED_MS + 1)).toBeNull();

    for (let n = 1; n <= 5; n += 1) kept.keep(found(n), n);
    expect(kept.take('https://blog.example.com/1/feed/', 5)).toBeNull();
    for (let n = 2; n <= 5; n += 1) expect(kept.take(`https://blog.example.com/${n}/feed/`, 5)?.candidate.title).toBe(`Feed ${n}`);
  });
});

describe('feed kind', () => {
  const url = 'https://blog.example.com/feed/';
  const post = { commentRss: 'https://blog.example.com/a-post/feed/' };
  const comment = { link: 'https://blog.example.com/a-post/#comment-1' };
  const tallied = (linking: boolean[]) => {
    const tally = new KindTally();
    for (const links of linking) tally.add(links ? post : comment, url);
    return tally;
  };
  // A small deterministic generator, so a failure can be replayed.
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  it('calls a feed posts when most of its entries, and at least one, link their own comment feed', () => {
    expect(tallied([]).kind).toBe('comments');
    expect(tallied([false]).kind).toBe('comments');
    expect(tallied([true, false]).kind).toBe('posts');
    expect(tallied([true, false, false]).kind).toBe('comments');
    const reddit = new KindTally();
    reddit.add({ id: 't3_1p8k2zq', commentRss: post.commentRss }, url);
    reddit.add(comment, url);
    expect(reddit.kind).toBe('comments');
  });

  it('judges by the first entries only, and is settled once later ones cannot change that', () => {
    expect(tallied([...Array(KIND_SAMPLE).fill(false), ...Array(KIND_SAMPLE + 1).fill(true)]).kind).toBe('comments');
    const wrong: string[] = [];
    let settledEarly = 0;
    for (let trial = 0; trial < 2000; trial += 1) {
      const bias = random();
      const linking = Array.from({ length: Math.floor(random() * 2.5 * KIND_SAMPLE) }, () => random() < bias);
      const final = tallied(linking).kind;
      const count = linking.filter(Boolean).length;
      if (linking.length <= KIND_SAMPLE && final !== (count > 0 && count >= linking.length / 2 ? 'posts' : 'comments')) wrong.push(`kind of ${linking.map(Number).join('')}`);
      const tally = new KindTally();
      linking.forEach((links, index) => {
        tally.add(links ? post : comment, url);
        if (!tally.settled) return;
        if (tally.kind !== final) wrong.push(`settled after ${index + 1} of ${linking.map(Number).join('')}`);
        if (index + 1 < Math.min(linking.length, KIND_SAMPLE)) settledEarly += 1;
      });
    }
    expect(wrong).toEqual([]);
    expect(settledEarly).toBeGreaterThan(1000);
    expect(tallied(Array(KIND_SAMPLE / 2 + 1).fill(false)).settled).toBe(true);
    expect(tallied(Array(KIND_SAMPLE / 2).fill(true)).settled).toBe(true);
    expect(tallied([...Array(KIND_SAMPLE / 2).fill(false), true]).settled).toBe(false);
  });
});

describe('XML guard', () => {
  it('refuses entity declarations (billion laughs) and inline DTDs', () => {
    expect(() => guardXml('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><rss/>')).toThrow(/refuses to expand/);
    expect(() => guardXml('<!DOCTYPE rss [<!ELEMENT rss ANY>]><rss/>')).toThrow(/inline DTD/);
  });

  it('drops a plain DOCTYPE line, as RSS 0.91 carries', () => {
    const rss = '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"/>';
    expect(guardXml(rss)).toBe('<?xml version="1.0"?>\n\n<rss version="0.91"/>');
  });

  it('says a web page is not a feed', () => {
    expect(() => guardXml('<!doctype html><html><body>Hi</body></html>')).toThrow(/web page, not a feed/);
  });
});

describe('feed XML parsing', () => {
  it('refuses every broken document, whatever was parsed before it', async () => {
    const broken = '<rss version="2.0"><channel><title>T</x></channel></rss>';
    for (const before of [broken, '<rss version="2.0"><channel><title>A</x></y></channel></rss>', '<feed><title>x</feed></rss>']) {
      await parseFeedXml(before).catch(() => undefined);
      await expect(parseFeedXml(broken)).rejects.toMatchObject({ category: 'parse', message: 'the feed is not well-formed XML (Unexpected close tag, Line: 0)' });
    }
  });
});

describe('OPML', () => {
  it('reads nested outlines and writes them back', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="Blogs"><outline type="rss" text="Hostwise &amp; friends" xmlUrl="https://blog.example.com/comments/feed/"/></outline>
      <outline text="Forum" xmlUrl="https://forum.example.org/posts.rss"/>
      <outline text="Folder only"/>
    </body></opml>`;
    const outlines = readOpml(opml);
    expect(outlines).toEqual([
      { url: 'https://blog.example.com/comments/feed/', title: 'Hostwise & friends' },
      { url: 'https://forum.example.org/posts.rss', title: 'Forum' },
    ]);
    const written = writeOpml(outlines.map((outline) => ({ ...outline, siteUrl: null })), new Date(Date.UTC(2026, 10, 26)));
    expect(written).toContain('text="Hostwise &amp; friends"');
    expect(readOpml(written)).toEqual(outlines);
  });

  it('writes OPML a strict XML 1.0 parser accepts, whatever the feed titles and addresses hold', () => {
    const written = writeOpml(
      [{ url: 'https://blog.example.com/feed/?q=\uFFFF', title: 'Odd \uFFFE\u0001 blog \uD800 & "friends" \u{1F600}', siteUrl: 'https://blog.example.com/\u000B' }],
      new Date(Date.UTC(2026, 10, 26)),
    );
    expect(xmlProblems(written)).toEqual([]);
    expect(readOpml(written)).toEqual([{ url: 'https://blog.example.com/feed/?q=', title: 'Odd blog & "friends" \u{1F600}' }]);
  });

  it('refuses a file that is not OPML', () => {
    expect(() => readOpml('<rss version="2.0"></rss>')).toThrow('not OPML');
  });
});

describe('schedule policy', () => {
  const now = Date.UTC(2026, 10, 26, 12);
  it('waits one interval after a success, or forever for manual feeds', () => {
    expect(nextFetchAfterSuccess(now, 15)).toBe(now + 15 * 60_000);
    expect(nextFetchAfterSuccess(now, 0)).toBeNull();
  });

  it('backs off exponentially, capped at a day, honouring Retry-After, and parks', () => {
    const fail = (count: number, retryAt?: number) => planAfterFailure(now, 15, count, { category: 'network', retryAt });
    expect(fail(1).nextFetchAt! - now).toBe(15 * 60_000);
    expect(fail(3).nextFetchAt! - now).toBe(60 * 60_000);
    expect(fail(20).nextFetchAt! - now).toBe(24 * 60 * 60_000);
    expect(planAfterFailure(now, 0, 1, { category: 'network' }).nextFetchAt).toBeNull();
    expect(fail(1, now + 5 * 60 * 60_000).nextFetchAt).toBe(now + 5 * 60 * 60_000);
    expect(fail(PARK_AFTER_FAILURES - 1).park).toBe(false);
    expect(fail(PARK_AFTER_FAILURES).park).toBe(true);
    expect(planAfterFailure(now, 15, 1, { category: 'http-status', status: 410 }).park).toBe(true);
  });
});

describe('inline XHTML text constructs', () => {
  it('leaves a feed without inline markup exactly as it was', () => {
    const xml = '<feed><entry><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>';
    expect(inlineXhtmlAsHtml(xml)).toBe(xml);
  });

  it('escapes the markup of type="xhtml" and mode="xml" elements, keeping their other attributes', () => {
    expect(inlineXhtmlAsHtml('<entry><content xml:base="https://a.example/" type="xhtml"><div><p>a &amp; <b>b</b></p></div></content></entry>')).toBe(
      '<entry><content xml:base="https://a.example/" type="html">&lt;div&gt;&lt;p&gt;a &amp;amp; &lt;b&gt;b&lt;/b&gt;&lt;/p&gt;&lt;/div&gt;</content></entry>',
    );
    // Atom 0.3: inline XML is mode="xml", whatever its type says.
    expect(inlineXhtmlAsHtml('<entry><atom:content type="application/xhtml+xml" mode="xml"><p>hi</p></atom:content></entry>')).toBe(
      '<entry><atom:content type="html">&lt;p&gt;hi&lt;/p&gt;</atom:content></entry>',
    );
  });

  it('leaves out an empty element (so a summary is used instead) and counts same-name elements inside the markup', () => {
    expect(inlineXhtmlAsHtml('<entry><content type="xhtml"/><content type="xhtml"> </content><title>t</title></entry>')).toBe('<entry><title>t</title></entry>');
    expect(inlineXhtmlAsHtml('<entry><content type="xhtml"><div><content>x</content> y</div></content></entry>')).toBe(
      '<entry><content type="html">&lt;div&gt;&lt;content&gt;x&lt;/content&gt; y&lt;/div&gt;</content></entry>',
    );
  });

  it('gives rss-parser words and tags in document order', async () => {
    const feed = await parseFeedXml(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>c</title><entry><id>1</id><title>t</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Try <code>npm ci</code> first.</div></content></entry></feed>',
    );
    expect(feed.items[0]?.content).toBe('<div>Try <code>npm ci</code> first.</div>');
  });

  it('writes plain HTML, so nothing is lost where XML and HTML read markup differently', async () => {
    const html = async (inner: string) =>
      (await parseFeedXml(`<feed xmlns="http://www.w3.org/2005/Atom"><title>c</title><entry><id>1</id><title>t</title><content type="xhtml">${inner}</content></entry></feed>`)).items[0]?.content;
    // CDATA is a comment to an HTML parser: its text is written out as text.
    expect(await html('<pre><![CDATA[if (a < b) { go(); }]]></pre> after')).toBe('<pre>if (a &lt; b) { go(); }</pre> after');
    // Self-closed elements get their end tag, so <a/> and <iframe/> do not take in the text after them.
    expect(await html('<p>Hi<a id="top"/> there. <iframe src="https://x.example/"/> More words.<br/>End</p>')).toBe(
      '<p>Hi<a id="top"></a> there. <iframe src="https://x.example/"></iframe> More words.<br>End</p>',
    );
    // Comments and processing instructions are dropped; entities, HTML ones too (as rss-parser reads
    // them), are decoded and escaped afresh.
    expect(await html('<p>a<!-- hidden --><?pi x?> &lt;b&gt; &amp; "c"&nbsp;&eacute;</p>')).toBe('<p>a &lt;b&gt; &amp; &quot;c&quot;\u00a0é</p>');
  });

  it('sees the document as rss-parser does: a ">" inside a processing instruction hides nothing', async () => {
    const feed = await parseFeedXml(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>c</title><entry><id>1</id><title>t</title><content type="xhtml"><div>real<?x ></div></content></entry><entry><id>2</id><title>ghost</title></entry>?></div></content></entry></feed>',
    );
    expect(feed.items.map((item) => item.title)).toEqual(['t']);
    expect(feed.items[0]?.content).toBe('<div>real</div>');
  });

  it('leaves a document that is not well-formed as it is, for the parser to report', () => {
    const broken = '<feed><entry><content type="xhtml"><div>unclosed</content></feed>';
    expect(inlineXhtmlAsHtml(broken)).toBe(broken);
  });
});

describe('per-host limits', () => {
  it('never runs more than two jobs at once against one host, nor more than the total', async () => {
    const active = new Map<string, number>();
    let worst = 0;
    let running = 0;
    let busiest = 0;
    const limited = hostLimiter({ perHost: 2, total: 3 });
    const job = (host: string) =>
      limited(host, async () => {
        active.set(host, (active.get(host) ?? 0) + 1);
        running += 1;
        worst = Math.max(worst, active.get(host)!);
        busiest = Math.max(busiest, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active.set(host, active.get(host)! - 1);
        running -= 1;
        return host;
      });
    const hosts = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'c'];
    expect(await Promise.all(hosts.map(job))).toEqual(hosts);
    expect(worst).toBe(2);
    expect(busiest).toBe(3);
  });

  it('gives the slot back when a job fails, even before returning a promise', async () => {
    const limited = hostLimiter({ perHost: 1, total: 1 });
    await expect(limited('a', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(
      limited('a', () => {
        throw new Error('thrown at once');
      }),
    ).rejects.toThrow('thrown at once');
    expect(await limited('a', async () => 'next')).toBe('next');
  });
});

describe('search text', () => {
  it('turns words into a safe FTS5 query', () => {
    expect(ftsQuery('refund please')).toBe('{content_text author thread_title} : ("refund" "please"*)');
    expect(ftsQuery('"); DROP TABLE items; --')).toBe('{content_text author thread_title} : ("DROP" "TABLE" "items"*)');
    expect(ftsQuery('   ')).toBeNull();
  });

  it('matches a one-letter last word whole: as a prefix it would be most of the index', () => {
    expect(ftsQuery('plan a')).toBe('{content_text author thread_title} : ("plan" "a")');
  });

  it('narrows a search to a feed and to the months a date range touches', () => {
    expect(scopeQuery({ feedId: 12 })).toBe('scope : "f12"');
    expect(scopeQuery({ from: Date.UTC(2026, 10, 15), to: Date.UTC(2027, 0, 1) })).toBe('scope : ("m202611" OR "m202612")');
    // Only one end: the walk from the near end finds the rows; no month words.
    expect(scopeQuery({ from: Date.UTC(2026, 10, 15) })).toBeNull();
  });
});

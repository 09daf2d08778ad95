// Property tests (fast-check) for the Markdown exports: reply drafts (through the service on a real
// database) and the community highlights digest. Whatever the feed put in names, titles, links and
// comments, and whatever the moderator wrote, a CommonMark parser (markdown-it) finds exactly the
// links the export meant (each thread, each comment, the links the moderator wrote), no raw HTML,
// and no link to a script, data or vbscript URL.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import { stripControlChars } from '../../../common/escape';
import { plainText } from '../../../main/features/feeds/sanitize/plain-text';
import { digestMarkdown } from '../../../main/features/spotlight/digest';
import { addFeed, addItem, addThread, memoryService } from '../../support/seed';

// Raw HTML on, so any that reaches the output shows up as html tokens; every destination accepted,
// so a javascript: link shows up as a link rather than being quietly dropped by the parser.
const markdown = new MarkdownIt({ html: true, linkify: false });
markdown.validateLink = () => true;

const markdownChar = fc.oneof(
  fc.string({ maxLength: 1 }),
  fc.constantFrom('[', ']', '(', ')', '<', '>', '`', '*', '_', '\\', '!', '&', '#', '|', '~', ':', '"', "'", ' ', '\n', '-', '=', '1.', '    '),
  fc.constantFrom('javascript:alert(1)', '<a href="javascript:alert(1)">x</a>', '&lt;b onmouseover=alert(1)&gt;', '[x](javascript:alert(1))',
    '[Verify your account](https://evil.example/)', 'http://x.example', '<http://x.example>', 'www.example.com', 'x@example.com', '&amp;',
    '&#60;script&#62;', '![i](https://evil.example/p.gif)', '[ref]: https://evil.example/', '<!-- c -->', '<img src=x onerror=alert(1)>'),
);
const hostile = fc.array(markdownChar, { maxLength: 12 }).map((parts) => parts.join(''));
/** A name or title as ingest stores it: plain text, one line. */
const feedName = hostile.map((raw) => plainText(raw, 120));
/** Comment text as ingest stores it: lines kept, control characters gone. */
const commentText = hostile.map((raw) => stripControlChars(raw).trim() || 'x');
/** An address as ingest stores it: an absolute http(s) URL as the WHATWG parser writes it. */
const webHref = fc
  .tuple(fc.constantFrom('http://', 'https://'), fc.constantFrom('host.example', 'xn--80ak6aa92e.example', 'h.example:8080'), fc.array(markdownChar, { maxLength: 6 }))
  .map(([scheme, host, path]) => new URL(`${scheme}${host}/${path.join('')}`).href);

/** Replies a moderator might save, with how many links each one means. */
const TEMPLATES: { body: string; links: number }[] = [
  { body: 'Hi {{author}}, thanks for writing about {{thread_title}}. — {{moderator}}', links: 0 },
  { body: 'Hi {{author}}, the fix is described in [{{thread_title}}]({{thread_url}}).', links: 1 },
  { body: 'See [our status page](https://status.example/) for updates, {{author}}.', links: 1 },
  { body: 'Thanks {{author}}! *{{feed_title}}* has the details: {{thread_url}}', links: 0 },
  { body: '{{author}}: {{thread_title}} / {{feed_title}} / {{moderator}}', links: 0 },
];

const comment = fc.record({ author: feedName, text: commentText, url: fc.option(webHref), template: fc.nat(TEMPLATES.length - 1) });
const desk = fc.record({
  feedTitle: feedName,
  moderator: feedName,
  threads: fc.uniqueArray(fc.record({ title: feedName, url: webHref, comments: fc.array(comment, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3, selector: (thread) => thread.url }),
});

function* walk(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* walk(token.children);
  }
}

/** What a CommonMark reader finds in a document: its links' destinations, and any raw HTML. */
function read(content: string): { links: string[]; html: string[] } {
  const tokens = [...walk(markdown.parse(content, {}))];
  return {
    links: tokens.filter((token) => token.type === 'link_open').map((token) => token.attrGet('href') ?? ''),
    html: tokens.filter((token) => token.type.startsWith('html_')).map((token) => token.content),
  };
}
const SCRIPT_URL = /^\s*(javascript|vbscript|data):/i;

describe('the Markdown export, for hostile feed values', () => {
  it('holds exactly the links it meant, no raw HTML and no script or data link', async () => {
    await fc.assert(
      fc.asyncProperty(desk, async ({ feedTitle, moderator, threads }) => {
        const service = memoryService();
        const { db } = service.context;
        const feedId = addFeed(db, feedTitle || 'Feed');
        await service.client['settings-update']({ moderatorName: moderator || 'Sam' });
        let meant = 0;
        for (const [index, thread] of threads.entries()) {
          // Unique titles: the export groups by title, and each group links its thread once.
          const threadId = addThread(db, `${thread.title} ${index}`, thread.url);
          meant += 1;
          for (const { author, text, url, template } of thread.comments) {
            const id = addItem(db, { feedId, threadId, author: author || 'Anonymous', text });
            db.prepare('UPDATE items SET url = ? WHERE id = ?').run(url, id);
            await service.client['items-route']({ ids: [id], route: 'service' });
            await service.client['draft-save']({ itemId: id, body: TEMPLATES[template]!.body });
            meant += (url ? 1 : 0) + TEMPLATES[template]!.links;
          }
        }
        const { content } = await service.client['drafts-export']({ format: 'md', status: 'all' });
        const { links, html } = read(content);
        expect(html).toEqual([]);
        expect(links.filter((href) => SCRIPT_URL.test(href))).toEqual([]);
        expect(links, content).toHaveLength(meant);
        await service.close();
      }),
      { numRuns: 100 },
    );
  });
});

/** http or https with no user name or password: the addresses a digest may link. */
function isPlainWebAddress(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, username, password } = new URL(url);
  return (protocol === 'http:' || protocol === 'https:') && !username && !password;
}

const highlight = fc.record({
  author: feedName,
  threadTitle: feedName,
  threadUrl: fc.option(webHref),
  url: fc.option(fc.oneof(webHref, fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'vbscript:msgbox(1)', ' javascript:alert(1)', 'http://u:p@bank.example@evil.example/'))),
  text: commentText,
  // The moderator's note, typed in a text area: several lines, anything in them.
  note: fc.option(hostile),
});

describe('the Markdown highlights digest, for hostile feed values and notes', () => {
  it('links each comment that has a web address once, and holds no raw HTML and no script or data link', () => {
    fc.assert(
      fc.property(fc.array(highlight, { maxLength: 5 }), (items) => {
        const highlights = items.map((item, index) => ({ ...item, itemId: index + 1, featuredAt: '2026-11-20T10:00:00.000Z' }));
        const { links, html } = read(digestMarkdown(highlights, '2026-11-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z'));
        expect(html).toEqual([]);
        expect(links.filter((href) => SCRIPT_URL.test(href))).toEqual([]);
        expect(links).toHaveLength(items.filter((item) => item.url && isPlainWebAddress(item.url)).length);
      }),
      { numRuns: 500 },
    );
  });
});

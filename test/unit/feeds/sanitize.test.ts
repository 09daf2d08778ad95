import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_COMMENT_DEPTH, MAX_COMMENT_HTML, sanitizeComment, sanitizeCommentHtml } from '../../../main/features/feeds/sanitize/sanitize';
import { htmlToText, plainText } from '../../../main/features/feeds/sanitize/plain-text';
import { normalizeFeed } from '../../../main/features/feeds/parse/normalize';
import { violations } from '../../support/html-allow-list';

const FIXTURES = join(__dirname, '../../fixtures/sanitize');
const BASE = 'https://blog.example.com/2026/11/post/';

const cases = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.input.html'))
  .sort()
  .map((file) => {
    const name = file.slice(0, -'.input.html'.length);
    return {
      name,
      input: readFileSync(join(FIXTURES, file), 'utf8'),
      // Each expected file ends with one newline that is not part of the output (see README.md).
      expected: readFileSync(join(FIXTURES, `${name}.expected.html`), 'utf8').replace(/\n$/, ''),
    };
  });

describe('sanitizeCommentHtml fixtures', () => {
  it('has fixtures to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name matches the expected output', ({ input, expected }) => {
    expect(sanitizeCommentHtml(input, BASE)).toBe(expected);
  });

  it.each(cases)('$name is idempotent', ({ input }) => {
    for (const base of [BASE, undefined]) {
      const once = sanitizeCommentHtml(input, base);
      expect(sanitizeCommentHtml(once, base)).toBe(once);
    }
  });

  it.each(cases)('$name parses back to allowed tags, attributes and URLs only', ({ input, expected }) => {
    expect(violations(expected)).toEqual([]);
    expect(violations(sanitizeCommentHtml(input, BASE))).toEqual([]);
    expect(violations(sanitizeCommentHtml(input))).toEqual([]);
  });

  it.each(cases)('$name: the one-pass sanitizeComment gives the same HTML, and the text htmlToText reads from it', ({ input }) => {
    for (const base of [BASE, undefined]) {
      const html = sanitizeCommentHtml(input, base);
      expect(sanitizeComment(input, base)).toEqual({ html, text: htmlToText(html) });
    }
  });

  it('leaves no script payload, not even as text, in any output', () => {
    // `entities` deliberately quotes `&lt;script&gt;alert(1)` as escaped text, which must survive.
    for (const { input } of cases.filter((c) => c.name !== 'entities')) {
      const out = sanitizeCommentHtml(input, BASE);
      expect(out).not.toMatch(/alert\(|document\.cookie|javascript:|vbscript:|data:/i);
    }
  });
});

describe('sanitizeCommentHtml without a base URL', () => {
  it('drops relative links and image sources', () => {
    expect(sanitizeCommentHtml('<a href="reply">r</a><img src="/a.png" alt="a"><img src="https://x.example/b.png" alt="b">')).toBe(
      '<a rel="noopener noreferrer">r</a><img src="https://x.example/b.png" alt="b" />',
    );
  });

  it('resolves protocol-relative URLs to https', () => {
    expect(sanitizeCommentHtml('<a href="//cdn.example.net/x">x</a>')).toBe('<a href="https://cdn.example.net/x" rel="noopener noreferrer">x</a>');
  });

  it('ignores a base URL that is not http(s)', () => {
    expect(sanitizeCommentHtml('<a href="x">x</a>', 'file:///etc/')).toBe('<a rel="noopener noreferrer">x</a>');
    expect(sanitizeCommentHtml('<a href="x">x</a>', 'not a url')).toBe('<a rel="noopener noreferrer">x</a>');
  });

  it('resolves protocol-relative URLs against an http base with http', () => {
    expect(sanitizeCommentHtml('<a href="//h.example/x">x</a>', 'http://blog.example.com/')).toBe('<a href="http://h.example/x" rel="noopener noreferrer">x</a>');
  });

  it('returns an empty string for empty input', () => {
    expect(sanitizeCommentHtml('')).toBe('');
    expect(sanitizeCommentHtml('   \n ')).toBe('');
  });
});

describe('sanitizeComment base URLs', () => {
  it('resolves each comment against its own base, whatever the comment before it had', () => {
    const reply = '<a href="reply">r</a>';
    expect(sanitizeComment(reply, 'https://a.example/post/#comment-1').html).toBe('<a href="https://a.example/post/reply" rel="noopener noreferrer">r</a>');
    expect(sanitizeComment(reply, 'https://b.example/other/#comment-2').html).toBe('<a href="https://b.example/other/reply" rel="noopener noreferrer">r</a>');
    expect(sanitizeComment(reply).html).toBe('<a rel="noopener noreferrer">r</a>');
    // A fragment-only link points into the comment's own page, as the browser would resolve it.
    expect(sanitizeComment('<a href="#top">t</a>', 'https://a.example/post/#comment-1').html).toBe('<a href="https://a.example/post/#top" rel="noopener noreferrer">t</a>');
  });
});

describe('htmlToText', () => {
  it('separates paragraphs with one blank line', () => {
    expect(htmlToText('<p>One</p><p>Two</p>\n\n\n<p>Three</p>')).toBe('One\n\nTwo\n\nThree');
  });

  it('turns <br> into a line break and collapses source whitespace', () => {
    expect(htmlToText('<p>Line   one<br>line\n  two<br/>three</p>')).toBe('Line one\nline two\nthree');
  });

  it('decodes entities', () => {
    expect(htmlToText('<p>Tom &amp; Jerry &quot;x&quot; &#8212; &#x1F600;&nbsp;ok</p>')).toBe('Tom & Jerry "x" — 😀 ok');
  });

  it('keeps escaped markup as literal text', () => {
    expect(htmlToText('<p>Use &lt;script&gt; carefully</p>')).toBe('Use <script> carefully');
  });

  it('drops script and style content from raw HTML', () => {
    expect(htmlToText('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe('a\n\nb');
  });

  it('puts list items on their own lines and keeps <pre> line breaks', () => {
    expect(htmlToText('<p>List:</p><ul><li>one</li><li>two</li></ul><pre>x = 1\ny = 2</pre>')).toBe('List:\n\none\ntwo\n\nx = 1\ny = 2');
  });

  it('never leaves more than one blank line in a row', () => {
    expect(htmlToText('<div><p>a</p></div><br><br><br><br><div><p>b</p></div>')).toBe('a\n\nb');
  });

  it('returns text of a sanitized fixture without markup', () => {
    const wp = cases.find((c) => c.name === 'wordpress-comment');
    expect(wp).toBeDefined();
    const text = htmlToText(wp!.expected);
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain('wp cache flush && wp rewrite flush');
    expect(text).toContain('Cheers,\nAnn (site admin)');
  });
});

describe('plainText', () => {
  it('strips tags from a title', () => {
    expect(plainText('Comment on <b>Post</b> by Ann')).toBe('Comment on Post by Ann');
  });

  it('decodes entities', () => {
    expect(plainText('Tom &amp; Jerry &#8217;s')).toBe('Tom & Jerry ’s');
  });

  it('collapses whitespace, including line breaks from block markup, and trims', () => {
    expect(plainText('  <p>Ann</p>\n<p>Smith</p>\t ')).toBe('Ann Smith');
  });

  it('collapses whitespace around a control character it drops, so a name is read the same every time', () => {
    // DEL and C1 controls are XML characters, so a feed can send them. Collapsing before dropping
    // them left two spaces ("Mallory  Smith"), and a second reading (an OPML import) gave one.
    expect(plainText('Mallory \u007f Smith')).toBe('Mallory Smith');
    expect(plainText('Mallory\t\u0085\tSmith')).toBe('Mallory Smith');
    expect(plainText(plainText('Mallory \u009b Smith'))).toBe('Mallory Smith');
  });

  it('returns an empty string for null, undefined and empty input', () => {
    expect(plainText(null)).toBe('');
    expect(plainText(undefined)).toBe('');
    expect(plainText('')).toBe('');
  });

  it('truncates to at most max characters (default 300)', () => {
    expect(plainText('x'.repeat(1000))).toHaveLength(300);
    const cut = plainText('The quick brown fox jumps', 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect('The quick brown fox jumps'.startsWith(cut.replace(/…$/, ''))).toBe(true);
    expect(plainText('short', 10)).toBe('short');
  });

  it('does not split a character made of two UTF-16 units', () => {
    const cut = plainText('😀'.repeat(5), 3);
    expect(Array.from(cut)).toHaveLength(3);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('removes control characters', () => {
    expect(plainText('An\u0000n\u0007e')).toBe('Anne');
  });
});

// Issue 11, failure 3: 200,000 nested <div>s (4.4 MB, under the 10 MiB feed limit) took 43 s in
// sanitize-html. A comment over the size or nesting limit is never handed to the HTML parser:
// it is stored as a short notice, counted, and the feed's other comments are stored as usual.
describe('bounded work per comment', () => {
  // The comment (4.4 MB) is over the size limit; 20,000 nested <div>s (210 KB) are under
  // it and over the nesting limit; one paragraph of text just over the size limit is plain large.
  const huge = '<div>'.repeat(200_000) + 'deep' + '</div>'.repeat(200_000);
  const deep = '<div>'.repeat(20_000) + 'deep' + '</div>'.repeat(20_000);
  const large = `<p>${'x'.repeat(MAX_COMMENT_HTML)}</p>`;

  it('withholds a comment nested deeper than the limit or larger than the limit, with a reason', () => {
    expect(deep.length).toBeLessThan(MAX_COMMENT_HTML);
    expect(sanitizeComment(huge, BASE)).toMatchObject({ withheld: 'too-large' });
    expect(sanitizeComment(deep, BASE)).toMatchObject({ withheld: 'too-deep' });
    expect(sanitizeComment(large, BASE)).toMatchObject({ withheld: 'too-large' });
    // Unclosed, the same nesting is just as deep.
    expect(sanitizeComment('<div>'.repeat(MAX_COMMENT_DEPTH + 1) + 'deep', BASE)).toMatchObject({ withheld: 'too-deep' });
    for (const html of [huge, deep, large]) {
      const out = sanitizeComment(html, BASE);
      expect(out.text).toMatch(/open the original/);
      expect(out.html.length).toBeLessThan(500);
    }
    // Just under the limits, a comment is sanitized as ever.
    const nested = '<div>'.repeat(MAX_COMMENT_DEPTH) + 'ok' + '</div>'.repeat(MAX_COMMENT_DEPTH);
    expect(sanitizeComment(nested, BASE)).toEqual({ html: sanitizeCommentHtml(nested, BASE), text: 'ok' });
    // Many tags side by side are not nesting, and unclosed <p>/<li> close each other.
    const wide = '<ul>' + '<li>item'.repeat(1000) + '</ul>' + '<p>para'.repeat(1000);
    expect(sanitizeComment(wide, BASE).withheld).toBeUndefined();
  });

  it('stores the feed\'s other comments and counts the withheld ones', () => {
    const entry = (n: number, html: string) => ({ guid: `c${n}`, link: `https://blog.example.com/post/#c${n}`, creator: `Author ${n}`, 'content:encoded': html });
    const raw = { title: 'Comments on: Post', link: 'https://blog.example.com/post/', items: [entry(1, '<p>first</p>'), entry(2, deep), entry(3, huge), entry(4, large), entry(5, '<p>last</p>')] };
    const feed = normalizeFeed(raw, 'https://blog.example.com/post/feed/', 0);
    expect(feed.comments.map((c) => c.guid)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(feed.comments.map((c) => c.contentText)).toEqual(['first', expect.stringMatching(/nested/), expect.stringMatching(/large/), expect.stringMatching(/large/), 'last']);
    expect(feed.comments.map((c) => c.withheld)).toEqual([undefined, 'too-deep', 'too-large', 'too-large', undefined]);
    expect(feed).toMatchObject({ skipped: 0, withheld: 3 });
  });
});

describe('bounded work per title', () => {
  it('reads at most a bounded prefix of a title or name, so deep markup in one is cheap', () => {
    expect(plainText('<div>'.repeat(200_000) + 'x')).toBe('');
    expect(plainText('<b>Support</b>' + '<div>'.repeat(200_000))).toBe('Support');
  });
});

import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownLink } from '../../../common/markdown';

/** What a CommonMark renderer makes of a line: each link's text and destination. */
function linksIn(markdown: string): { text: string; href: string }[] {
  const html = new MarkdownIt().renderInline(markdown);
  return [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(([, href, text]) => ({ text: text!, href: href!.replace(/&amp;/g, '&') }));
}

describe('markdownLink', () => {
  it('keeps a hostile destination inside one link: ( ) < > and whitespace are percent-encoded', () => {
    expect(markdownLink('comment', 'http://host/p?x=)[Verify your account](javascript:alert(1))')).toBe(
      '[comment](http://host/p?x=%29[Verify%20your%20account]%28javascript:alert%281%29%29)',
    );
    expect(markdownLink('x', 'http://host/<b>\tq\n')).toBe('[x](http://host/%3Cb%3E%09q%0A)');
  });

  it('escapes brackets in the label, so it cannot close the link early', () => {
    expect(markdownLink('a](javascript:alert(1))[b', 'https://ok.example/')).toBe('[a\\]\\(javascript:alert\\(1\\)\\)\\[b](https://ok.example/)');
  });

  it('keeps a destination exact where Markdown would read a backslash escape, an entity or a control character in it', () => {
    // A WHATWG href keeps a backslash in its query and fragment: unescaped, it ate the closing
    // parenthesis and the link was lost (or, inside parentheses, swallowed the one after it).
    expect(linksIn(markdownLink('thread', 'http://host.example/#x\\'))).toEqual([{ text: 'thread', href: 'http://host.example/#x%5C' }]);
    expect(linksIn(`(${markdownLink('comment', 'http://host.example/?q=\\')})`)).toEqual([{ text: 'comment', href: 'http://host.example/?q=%5C' }]);
    // An entity in a destination is decoded: ?a=1&amp;b=2 became ?a=1&b=2, another address.
    expect(linksIn(markdownLink('x', 'http://host.example/?a=1&amp;b=2'))).toEqual([{ text: 'x', href: 'http://host.example/?a=1&amp;b=2' }]);
    // CommonMark allows no control character in a destination: one there ended the link.
    expect(linksIn(markdownLink('x', 'http://host.example/\u001b'))).toEqual([{ text: 'x', href: 'http://host.example/%1B' }]);
  });
});

// Property tests (fast-check) for the escaping rules in common/: random strings, lone surrogates
// and control characters included, never break the format they are written into.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeXml, stripControlChars } from '../../../common/escape';
import { markdownLink } from '../../../common/markdown';
import { table } from '../../../main/doors/cli/context';
import { isXmlChar, xmlProblems, xmlText } from '../../support/strict-xml';

// Every destination accepted, so a link to javascript: still counts as the link it is.
const markdown = new MarkdownIt();
markdown.validateLink = () => true;

// Any UTF-16 code units (lone surrogates too), biased towards the characters that matter here.
const hostileChar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 1 }),
  fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\u{1F600}', '\t', '\n', '\r'),
  fc.constantFrom('<', '>', '&', '"', "'", '[', ']', '(', ')', '\\', ' ', '`', '!', 'j', ':'),
);
const hostile = fc.array(hostileChar, { maxLength: 40 }).map((parts) => parts.join(''));

/** The code points of a string that XML can carry, in order (a lone surrogate counts as one, and goes). */
function xmlCarried(text: string): string {
  return [...text].filter((char) => isXmlChar(char.codePointAt(0)!)).join('');
}

describe('escaping, for any string', () => {
  it('escapeXml always gives well-formed XML 1.0, in text and in attributes, and keeps every character XML can carry', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const doc = `<a title="${escapeXml(text)}" alt='${escapeXml(text)}'>${escapeXml(text)}</a>`;
        expect(xmlProblems(doc)).toEqual([]);
        expect(xmlText(doc)).toBe(xmlCarried(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('markdownLink always gives exactly one link, as a CommonMark parser reads it: nothing in the label or the target ends it early', () => {
    // Labels are one line, as every caller passes them (names and titles are plain text): a blank
    // line ends a paragraph, and with it any link, whatever the escaping.
    const line = hostile.map((text) => text.replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(line, hostile, (label, url) => {
        const tokens = markdown.parseInline(markdownLink(label, url), {})[0]!.children!;
        expect(tokens.map((token) => token.type).filter((type) => type.startsWith('link'))).toEqual(['link_open', 'link_close']);
        expect([tokens[0]!.type, tokens.at(-1)!.type]).toEqual(['link_open', 'link_close']);
      }),
      { numRuns: 2000 },
    );
  });

  it('text stripped for the terminal, and CLI tables, never hold a control character but tab and line feed', () => {
    const control = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
    fc.assert(
      fc.property(hostile, fc.array(fc.array(hostile, { minLength: 2, maxLength: 2 }), { maxLength: 4 }), (text, rows) => {
        expect(stripControlChars(text)).not.toMatch(control);
        expect(table([['A', 'B'], ...rows])).not.toMatch(control);
      }),
      { numRuns: 2000 },
    );
  });
});

// Property tests (fast-check) for the comment sanitizer: HTML built from a grammar of tags,
// attributes, entities and nesting, and known XSS vectors mutated, never throws and never comes out
// with anything outside the allow-list (judged by parsing the output back with htmlparser2).
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { sanitizeComment, sanitizeCommentHtml } from '../../../main/features/feeds/sanitize/sanitize';
import { htmlToText } from '../../../main/features/feeds/sanitize/plain-text';
import { hostileHtml } from '../../support/hostile-html';
import { violations } from '../../support/html-allow-list';

const baseUrl = fc.constantFrom(undefined, 'https://blog.example.com/2026/11/post/#comment-3', 'http://forum.example/t/1', 'javascript:alert(1)', 'data:text/html,x', 'not a url');

/** Hosts of the moderator's machine and network among those the arbitraries use: never an image source. */
const LOCAL_HOSTS = ['127.0.0.1', '192.168.1.1', '[::1]', 'localhost', '169.254.169.254', '192.0.2.1'];

function localImages(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(tag, attribs) {
      if (tag === 'img' && attribs.src && LOCAL_HOSTS.includes(new URL(attribs.src).hostname)) found.push(attribs.src);
    },
  });
  parser.end(html);
  return found;
}

describe('the comment sanitizer, for random and mutated hostile HTML', () => {
  it('never throws, and its output parses back to allowed tags, attributes and web URLs only, no image on the local network', () => {
    fc.assert(
      fc.property(hostileHtml, baseUrl, (html, base) => {
        const out = sanitizeCommentHtml(html, base);
        expect(violations(out)).toEqual([]);
        expect(localImages(out)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('the one-pass ingest sanitizer gives the same HTML, and the same text htmlToText reads from it', () => {
    fc.assert(
      fc.property(hostileHtml, baseUrl, (html, base) => {
        const clean = sanitizeCommentHtml(html, base);
        expect(sanitizeComment(html, base)).toEqual({ html: clean, text: htmlToText(clean) });
      }),
      { numRuns: 1000 },
    );
  });
});

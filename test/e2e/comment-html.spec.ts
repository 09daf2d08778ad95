// The console sanitizes a comment's stored HTML again before it touches the page (DOMPurify, with
// the allow-list of common/comment-html.ts). This checks that second line on its own, in real
// Chromium: comments stored with hostile HTML the first sanitizer never saw (random and mutated XSS
// vectors, the same inputs as the sanitizer's property tests) are opened one by one, and none
// leaves a disallowed element, an event handler, a link that is not web or mail, or an image
// source before "Show images"; no script ever runs (alert() would open a dialog).
import fc from 'fast-check';
import { hostileHtml } from '../support/hostile-html';
import { expect, test } from './support/fixtures';

const COMMENTS = fc.sample(hostileHtml, { seed: 11, numRuns: 30 });
// Written out here rather than imported, like test/support/html-allow-list.ts: h1/h2 never appear.
const TAGS = new Set(['p', 'br', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'code', 'pre', 'blockquote', 'q', 'ul', 'ol', 'li',
  'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'sub', 'sup', 'span', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'abbr',
  'cite', 'small', 'figure', 'figcaption']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'xlink:href', 'srcset', 'background', 'poster', 'data']);

/** What in a rendered comment breaks the console's promise, as readable strings (empty when clean). */
function problems(elements: { tag: string; attributes: [string, string][] }[]): string[] {
  const found: string[] = [];
  for (const { tag, attributes } of elements) {
    if (!TAGS.has(tag)) found.push(`<${tag}>`);
    for (const [name, value] of attributes) {
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'href' && !/^(https?|mailto):/i.test(value)) found.push(`${tag}[href=${value}]`);
      else if (URL_ATTRIBUTES.has(name) && name !== 'href') found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

test.describe('the console’s own sanitizer, for hostile stored HTML', () => {
  test.use({
    seed: {
      feedTitle: 'Hostile forum',
      // Author 0 is newest, so the Inbox (newest first) opens on it and j walks down the list.
      comments: COMMENTS.map((html, index) => ({ author: `Author ${index}`, text: `Comment ${index}`, html: html || undefined, thread: 'Hostile thread', minutesAgo: 1 + index })),
    },
  });

  test('renders no script, handler, script link or image source from any of them', async ({ consolePage: page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const detail = page.getByRole('region', { name: 'Item detail' });
    for (const [index, html] of COMMENTS.entries()) {
      if (index > 0) await page.keyboard.press('j');
      await expect(detail.locator('header').getByRole('heading', { level: 2 })).toHaveText(`Author ${index}`);
      const body = detail.locator('[class*="_html_"]');
      await expect(body).toHaveCount(1);
      const elements = await body.evaluate((root) =>
        [...root.querySelectorAll('*')].map((element) => ({ tag: element.localName, attributes: [...element.attributes].map((attribute): [string, string] => [attribute.name, attribute.value]) })),
      );
      expect(problems(elements), html).toEqual([]);
    }
    expect(dialogs).toEqual([]);
  });
});

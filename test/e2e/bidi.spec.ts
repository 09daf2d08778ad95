// Issue 11, failure 12: a name or title from a feed can hold bidi controls that reorder the text
// beside it ("\u202Etroppus laiciffO" reads "Official support"). Each is shown isolated, in <bdi>.
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';

const AUTHOR = '\u202Etroppus laiciffO';
const THREAD = 'Refunds \u2067\u202Eeerf\u2069';
const FEED = '\u202EHostwise';

/** Whether every text node under `scope` holding `text` sits directly in an element that isolates it (<bdi>, or unicode-bidi: isolate). */
function isolatedIn(scope: Locator, text: string): Promise<{ found: number; isolated: number }> {
  return scope.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let found = 0;
    let isolated = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes(wanted)) continue;
      found += 1;
      const parent = node.parentElement!;
      if (parent.tagName === 'BDI' && getComputedStyle(parent).unicodeBidi === 'isolate') isolated += 1;
    }
    return { found, isolated };
  }, text);
}

test.describe('bidi controls in names', () => {
  test.use({
    seed: {
      feedTitle: FEED,
      comments: [
        { author: AUTHOR, text: 'Please send me your password.', thread: THREAD, minutesAgo: 5 },
        { author: 'Ada', text: 'Is the outage over?', thread: THREAD, minutesAgo: 15 },
      ],
    },
  });

  test('a name holding U+202E is isolated in the queue row and the detail header', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    const row = queue.getByRole('option').filter({ hasText: 'password' });
    await expect(row).toHaveCount(1);
    for (const text of [AUTHOR, THREAD, FEED]) expect(await isolatedIn(row, text)).toEqual({ found: 1, isolated: 1 });

    await row.click();
    const header = page.getByRole('region', { name: 'Item detail' }).locator('header');
    await expect(header.getByRole('heading', { level: 2 })).toHaveText(AUTHOR);
    for (const text of [AUTHOR, THREAD, FEED]) expect(await isolatedIn(header, text)).toEqual({ found: 1, isolated: 1 });
  });
});

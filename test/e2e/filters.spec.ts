import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** The list pane's heading: the view's name and the number it says is listed. */
const heading = (page: Page) => page.locator('section[aria-labelledby="queue-heading"] > header');
/** The filter chips' words (each chip also has its remove button). */
const chips = (page: Page) => page.getByRole('list', { name: 'Filters' }).locator('bdi');

test.describe('filters and headings', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise blog',
      comments: [
        { author: 'Priya N', text: 'Checkout is down in Frankfurt.', thread: 'Frankfurt outage', minutesAgo: 50 },
        { author: 'Lee', text: 'PHP 8.4 broke my plugin.', thread: 'PHP 8.4', minutesAgo: 40 },
        { author: 'Ana', text: 'Thanks for the quick fix!', thread: 'PHP 8.4', minutesAgo: 30 },
        { author: 'Marcus T', text: 'Webhooks stopped firing.', thread: 'Webhooks', minutesAgo: 20, feed: 'Hostwise forum' },
        { author: 'kira_dev', text: 'Re-save the webhook, it fires again.', thread: 'Webhooks', minutesAgo: 10, feed: 'Hostwise forum' },
      ],
    },
  });

  test('a feed opened stays out of the next view; filters show as removable chips; the heading counts what is listed (issue 13, bug 9)', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    const views = page.getByRole('navigation', { name: 'Views' });
    await expect(queue.getByRole('option')).toHaveCount(5);
    await expect(heading(page)).toHaveText('Inbox5');
    await expect(chips(page)).toHaveCount(0);

    await page.getByRole('button', { name: /^Hostwise forum/ }).click();
    await expect(queue.getByRole('option')).toHaveCount(2);
    await expect(heading(page)).toHaveText('All2');
    await expect(chips(page)).toHaveText(['Feed: Hostwise forum']);

    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await expect(queue.getByRole('option')).toHaveCount(5);
    await expect(heading(page)).toHaveText('Inbox5');
    await expect(chips(page)).toHaveCount(0);

    // A filtered count follows the rows that leave the list.
    await page.getByRole('searchbox', { name: 'Search' }).fill('plugin');
    await expect(queue.getByRole('option')).toHaveCount(1);
    await expect(heading(page)).toHaveText('Inbox1');
    await queue.getByRole('option', { name: /Lee/ }).click();
    await page.keyboard.press('s');
    await expect(queue.getByRole('option')).toHaveCount(0);
    await expect(heading(page)).toHaveText('Inbox0');

    await views.getByRole('button', { name: /^All/ }).click();
    await expect(chips(page)).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Search' }).fill('webhook');
    await expect(queue.getByRole('option')).toHaveCount(2);
    await expect(heading(page)).toHaveText('All2');
    await page.getByRole('combobox', { name: 'Feed' }).selectOption({ label: 'Hostwise blog' });
    await expect(queue.getByRole('option')).toHaveCount(0);
    await expect(heading(page)).toHaveText('All0');
    await expect(chips(page)).toHaveText(['Search: webhook', 'Feed: Hostwise blog']);

    await page.getByRole('button', { name: 'Remove the filter Search: webhook' }).click();
    await expect(queue.getByRole('option')).toHaveCount(3);
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    await expect(heading(page)).toHaveText('All3');
    await page.getByRole('button', { name: 'Remove the filter Feed: Hostwise blog' }).click();
    await expect(queue.getByRole('option')).toHaveCount(5);
    await expect(heading(page)).toHaveText('All5');
    await expect(chips(page)).toHaveCount(0);
  });
});

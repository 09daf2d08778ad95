import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// 200 feeds, one comment each, named so that a filter can single some out: every tenth is a forum.
const FEED_COUNT = 200;
const feedTitle = (n: number) => `${n % 10 === 0 ? 'Forum' : 'Blog'} ${String(n).padStart(3, '0')}`;

/** How far the page itself has scrolled (0: only the panes scroll, never the window). */
function pageScrollTop(page: Page) {
  return page.evaluate(() => document.scrollingElement!.scrollTop);
}

test.describe('sidebar with 200 feeds (issue 12)', () => {
  test.use({
    seed: {
      feedTitle: feedTitle(1),
      comments: Array.from({ length: FEED_COUNT }, (_, index) => ({
        author: `Reader ${index + 1}`,
        text: `Comment on feed ${index + 1}.`,
        thread: `Thread ${index + 1}`,
        minutesAgo: index + 1,
        feed: feedTitle(index + 1),
      })),
    },
  });

  for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
    test(`the views stay put while the feed list scrolls, and the filter narrows it, at ${viewport.width}×${viewport.height}`, async ({ consolePage: page }) => {
      await page.setViewportSize(viewport);
      const sidebar = page.getByRole('navigation', { name: 'Views' });
      const feeds = sidebar.getByRole('list', { name: 'Feeds' });
      const inbox = sidebar.getByRole('button', { name: /^Inbox/ });
      // A narrow window folds the sidebar to its views; "Menu" opens the feeds (narrow-window.spec.ts).
      if (viewport.width < 1200) await sidebar.getByRole('button', { name: 'Menu' }).click();
      await expect(feeds.getByRole('listitem')).toHaveCount(FEED_COUNT);

      // The keyboard reaches the list and End scrolls it to the last feed; nothing else moves.
      const last = feeds.getByRole('button', { name: new RegExp(`^${feedTitle(FEED_COUNT)}`) });
      await expect(last).not.toBeInViewport();
      await feeds.focus();
      await expect(feeds).toBeFocused();
      await page.keyboard.press('End');
      await expect(last).toBeInViewport({ ratio: 1 });
      await expect(inbox).toBeInViewport({ ratio: 1 });
      await expect(sidebar.getByRole('button', { name: 'Settings' })).toBeInViewport({ ratio: 1 });
      expect(await pageScrollTop(page)).toBe(0);
      await page.screenshot({ path: test.info().outputPath(`sidebar-scrolled-${viewport.width}x${viewport.height}.png`) });

      // Typing filters by name; Escape clears the filter and hands the keyboard back to the queue.
      const filter = sidebar.getByRole('searchbox', { name: 'Filter feeds' });
      await filter.fill('forum 1');
      // Each row reads its name, then its count of new comments.
      const forums = [100, 110, 120, 130, 140, 150, 160, 170, 180, 190].map((n) => new RegExp(`^${feedTitle(n)}\\d*$`));
      await expect(feeds.getByRole('listitem')).toHaveText(forums);
      // The list starts again from its top: the first match shows, not wherever the list was scrolled.
      await expect(feeds.getByRole('button', { name: new RegExp(`^${feedTitle(100)}`) })).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: test.info().outputPath(`sidebar-filtered-${viewport.width}x${viewport.height}.png`) });
      await filter.fill('nothing like it');
      await expect(sidebar.getByText('No feed\'s name contains “nothing like it”.')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('listbox', { name: 'Queue' })).toBeFocused();
      // A narrow window's sidebar folds away as the focus leaves it; opened again, the filter is empty.
      if (viewport.width < 1200) await sidebar.getByRole('button', { name: 'Menu' }).click();
      await expect(filter).toHaveValue('');
      await expect(feeds.getByRole('listitem')).toHaveCount(FEED_COUNT);
      expect(await pageScrollTop(page)).toBe(0);
    });
  }

  test.describe('a few feeds', () => {
    test.use({ seed: { feedTitle: 'Hostwise status blog', comments: [{ author: 'Priya N', text: 'Checkout is down.', thread: 'Outage', minutesAgo: 5 }] } });

    test('no filter field while the list is short', async ({ consolePage: page }) => {
      const sidebar = page.getByRole('navigation', { name: 'Views' });
      await expect(sidebar.getByRole('button', { name: /^Hostwise status blog/ })).toBeVisible();
      await expect(sidebar.getByRole('searchbox', { name: 'Filter feeds' })).toHaveCount(0);
    });
  });
});

// Acting on the last comment of a search leaves an empty view; Escape clears the search and the
// list comes back with the keyboard on it, so j, k and the palette go on from the list (the
// moderator's day found focus left on the page itself).
import { expect, test } from './support/fixtures';

test.use({
  seed: {
    feedTitle: 'Hostwise status blog',
    comments: [
      { author: 'Ada', text: 'The zeppelin tour was great.', thread: 'Tours', minutesAgo: 5 },
      { author: 'Ben', text: 'Where is my refund?', thread: 'Refunds', minutesAgo: 15 },
    ],
  },
});

test('after the last match is routed and the search cleared, the list has the keyboard again', async ({ consolePage: page }) => {
  const queue = page.getByRole('listbox', { name: 'Queue' });
  await expect(queue.getByRole('option', { selected: true })).toContainText('Ada');
  await page.keyboard.press('/');
  await page.keyboard.type('zeppelin');
  await page.keyboard.press('Enter');
  await expect(queue.getByRole('option')).toHaveCount(1);
  await expect(queue).toBeFocused();
  await page.keyboard.press('i');
  await expect(queue).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(queue.getByRole('option', { selected: true })).toContainText('Ben');
  await expect(queue).toBeFocused();
});

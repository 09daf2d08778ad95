// `r` opens the reply and puts the cursor in it, even when the comment was picked a moment before
// and its detail is still on the way: the keys typed next are the reply's, not lost. Under load
// the detail arrived after the composer was asked to take focus, and focus went nowhere.
import { expect, test } from './support/fixtures';

test.use({
  seed: {
    feedTitle: 'Hostwise status blog',
    comments: ['Ada', 'Ben', 'Cleo'].map((author, index) => ({ author, text: `${author} asks about a refund.`, thread: 'Refunds', minutesAgo: 5 + index * 10 })),
  },
});

test('r right after picking a comment whose detail is still loading focuses that comment\'s reply', async ({ consolePage: page }) => {
  const queue = page.getByRole('listbox', { name: 'Queue' });
  await expect(queue.getByRole('option', { selected: true })).toContainText('Ada');
  await expect(page.getByRole('region', { name: 'Item detail' })).toContainText('Ada asks about a refund.');

  // The next comment's detail is held back until the reply has been asked for.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/call/item-get', async (route) => {
    await held;
    await route.continue();
  });
  await queue.getByRole('option', { name: /Ben/ }).click();
  await page.keyboard.press('r');
  release();

  const reply = page.getByRole('textbox', { name: 'Reply text' });
  await expect(page.getByRole('region', { name: 'Item detail' })).toContainText('Ben asks about a refund.');
  await expect(reply).toBeFocused();
  await page.keyboard.type('Hi Ben; the refund is on its way.');
  await expect(reply).toHaveValue('Hi Ben; the refund is on its way.');
});

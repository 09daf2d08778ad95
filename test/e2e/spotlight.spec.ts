import { expect, test } from './support/fixtures';

test.describe('community spotlight', () => {
  test.use({
    seed: {
      feedTitle: 'Relaypoint forum',
      comments: [
        { author: 'jonas.e', text: 'Webhooks stopped firing after I rotated the API token. Any idea?', thread: 'Webhooks stop firing', minutesAgo: 90 },
        { author: 'kira_dev', text: 'Re-save each webhook: relayctl webhooks resave --all. It re-signs them with the new token.', thread: 'Webhooks stop firing', minutesAgo: 60 },
        { author: 'mbaptiste', text: 'I built a tiny CLI for exactly this after our own rotation went wrong.', thread: 'Webhooks stop firing', minutesAgo: 30 },
      ],
    },
  });

  test('features and thanks a comment, opens the member profile and the dashboard', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /kira_dev/ }).click();
    await page.keyboard.press('c');
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await expect(queue.getByRole('option', { name: /kira_dev/ })).toHaveAttribute('aria-selected', 'true');

    const spotlight = page.getByRole('region', { name: 'Spotlight' });
    await spotlight.getByRole('button', { name: 'Feature', exact: true }).click();
    await spotlight.getByLabel('Why it stands out').fill('Solved it for everyone in one line');
    await spotlight.getByRole('button', { name: 'Feature it' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Featured' })).toBeVisible();
    await spotlight.getByRole('button', { name: 'Thank', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Reply text' })).toHaveValue(/^Thank you, kira_dev, for helping out in "Webhooks stop firing"/);

    await spotlight.getByRole('button', { name: 'Community answer' }).click();
    await page.getByRole('list', { name: 'Which question did it answer?' }).getByRole('button', { name: /jonas\.e/ }).click();

    await page.getByRole('button', { name: "Open kira_dev's profile" }).click();
    const profile = page.getByRole('dialog', { name: 'Member: kira_dev' });
    await expect(profile).toContainText('1 comment · 1 community answer · featured 1 · thanked 1');
    await profile.getByLabel('Private note (moderators only; shown with their comments)').fill('Maintains relayctl');
    await profile.getByRole('heading', { name: 'Milestones' }).click();
    await profile.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('note', { name: 'Member note' })).toContainText('Note on kira_dev: Maintains relayctl');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Members' }).click();
    const board = page.getByRole('dialog', { name: 'Members' });
    await expect(board.getByRole('row').nth(1)).toContainText('kira_dev');
    await board.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Dashboard' }).click();
    const dashboard = page.getByRole('dialog', { name: 'Dashboard' });
    await expect(dashboard.getByRole('figure', { name: 'Comments routed per week' }).locator('svg').first()).toBeVisible();
    await expect(dashboard.getByRole('listitem').filter({ hasText: /^1 community answer$/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('dashboard.png') });
    const downloading = page.waitForEvent('download');
    await dashboard.getByRole('figure', { name: 'Comments routed per week' }).getByRole('button', { name: 'SVG' }).click();
    expect((await downloading).suggestedFilename()).toBe('routed-per-week.svg');
  });
});

import { expect, test } from './support/fixtures';

test.describe('settings', () => {
  test.use({
    seed: { feedTitle: 'Hostwise status blog', comments: [{ author: 'Priya N', text: 'Checkout has been down for three hours.', thread: 'Frankfurt outage', minutesAgo: 180 }] },
  });

  test('set the moderator name and the overdue threshold, and a reply signed {{moderator}} is marked ready (issue 13, bug 8)', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /Priya N/ }).click();
    await page.keyboard.press('s');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    const reply = page.getByRole('region', { name: 'Reply' });
    await expect(reply).toContainText('Waiting 3 h');
    await reply.getByRole('textbox', { name: 'Reply text' }).fill('Hi {{author}}, Frankfurt is back. {{moderator}}');
    await expect(reply.getByRole('status')).toHaveText('Saved');

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('textbox', { name: /Moderator name/ }).fill('Sam from Hostwise');
    await settings.getByRole('spinbutton', { name: /Overdue after/ }).fill('0');
    await expect(settings.getByRole('alert')).toContainText('a number of hours from 1 to 720');
    await settings.getByRole('spinbutton', { name: /Overdue after/ }).fill('2');
    await expect(settings.getByRole('alert')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('settings.png') });
    await page.keyboard.press('Escape');
    await expect(settings).toHaveCount(0);

    await expect(reply).toContainText('Overdue: waiting 3 h');
    await expect(reply.getByLabel('Export preview')).toContainText('Hi Priya N, Frankfurt is back. Sam from Hostwise');
    await reply.getByRole('button', { name: 'Mark ready' }).click();
    await expect(reply).toContainText('Ready to export');
    await expect(page.getByRole('alert')).toHaveCount(0);

    // Stored, not only shown: the dialog opens again with them after a reload, even when it is
    // opened before the stored settings have arrived (a slow start).
    let release = () => {};
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/call/settings-get', async (route) => {
      await arrived;
      await route.continue();
    });
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(settings.getByRole('textbox', { name: /Moderator name/ })).toBeVisible();
    release();
    await expect(settings.getByRole('textbox', { name: /Moderator name/ })).toHaveValue('Sam from Hostwise');
    await expect(settings.getByRole('spinbutton', { name: /Overdue after/ })).toHaveValue('2');
  });
});

// A database the moderator may read but not change (a copy on a read-only share, tightened
// permissions): the console still shows the queue and the comment, says up front that changes
// can't be saved, and a routing key says so again instead of failing as "internal".
import fs from 'node:fs';
import path from 'node:path';
import { expect, serveConsole, stop, test } from './support/fixtures';
import { seedComments } from './support/seed-db';
import { unprivileged } from '../support/unprivileged';

test('the queue of a read-only database is shown, and a change says the file is read-only', async ({ page, dbPath }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'the server runs as another user in browser mode; the window reads the same service');
  const user = unprivileged();
  test.skip('reason' in user, 'reason' in user ? user.reason : '');
  if ('reason' in user) return;
  seedComments(dbPath, {
    feedTitle: 'Hostwise status blog',
    comments: [{ author: 'Priya N', text: 'Checkout has been down for two hours. Is there an ETA?', thread: 'Frankfurt outage', minutesAgo: 30 }],
  });
  const folder = path.dirname(dbPath);
  fs.chmodSync(dbPath, 0o444);
  fs.chmodSync(folder, 0o555);
  const { served, child } = await serveConsole(dbPath, { user });
  try {
    await page.goto(served.url);
    const notice = `${dbPath} is read-only: reading works, changes can't be saved. Check the permissions of the file and its folder, or open a writable copy with --db PATH.`;
    const banner = page.getByRole('alert').filter({ hasText: 'is read-only' });
    await expect(banner).toHaveText(`${notice}×`);
    await banner.getByRole('button', { name: 'Dismiss' }).click();

    const comment = page.getByRole('listbox', { name: 'Queue' }).getByRole('option', { name: /Priya N/ });
    await comment.click();
    await expect(page.getByText('Checkout has been down for two hours. Is there an ETA?').first()).toBeVisible();
    await page.keyboard.press('s');
    await expect(banner).toHaveText(`${notice}×`);
    await expect(comment).toBeVisible();
  } finally {
    await stop(child);
    fs.chmodSync(folder, 0o755);
  }
});

// Backups in the console: taken from Settings, restored from Settings into every open console,
// and a damaged database met with a read-only console and a banner that restores the newest backup.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { damagePages } from '../support/damage-pages';
import { PROJECT_ROOT } from './support/electron';
import { expect, serveConsole, test } from './support/fixtures';
import { seedComments } from './support/seed-db';

const AUTHORS = ['Ada', 'Ben', 'Cleo', 'Dev'];

function switchboard(dbPath: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'switchboard.cjs'), '--db', dbPath, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`switchboard ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

test.describe('backups in Settings', () => {
  test.use({
    seed: { feedTitle: 'Hostwise status blog', comments: AUTHORS.map((author, index) => ({ author, text: `${author} asks about a refund.`, thread: 'Outage', minutesAgo: 5 + index })) },
  });

  test('backs up now, restores that backup after a change, and every open console reloads with it', async ({ page, served }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'two consoles on one database are two browser tabs');
    await page.goto(served.url);
    const other = await page.context().newPage();
    await other.goto(served.url);
    const inbox = (target: typeof page) => target.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Inbox/ });
    await expect(inbox(page)).toHaveAccessibleName('Inbox 4 comments');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('button', { name: 'Back up now' }).click();
    const backups = settings.getByRole('table', { name: 'Backups' });
    // The daily backup, taken as the console started, is listed too.
    await expect(backups.getByRole('row').filter({ hasText: 'manual' })).toContainText(/manual\s*\d+(\.\d)? KB/);
    await settings.getByRole('button', { name: 'Close' }).click();

    // A change made after the backup: it goes away with the restore.
    await page.keyboard.press('i');
    await expect(inbox(page)).toHaveAccessibleName('Inbox 3 comments');
    await expect(inbox(other)).toHaveAccessibleName('Inbox 3 comments');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
    await backups.getByRole('button', { name: /^Restore the manual backup from / }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(confirm).toContainText(`Your current data is kept aside at ${path.join(path.dirname(served.dbPath), 'backups', 'switchboard.db.before-restore-')}`);
    await expect(confirm).toContainText('The console reloads once the backup is in place, in every window open on this database.');
    await confirm.getByRole('button', { name: 'Restore and reload' }).click();

    await expect(inbox(page)).toHaveAccessibleName('Inbox 4 comments');
    await expect(inbox(other)).toHaveAccessibleName('Inbox 4 comments');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
    await expect(backups.getByRole('row').filter({ hasText: 'replaced by a restore' })).toHaveCount(1);
    await expect(backups.getByRole('row').filter({ hasText: 'manual' })).toHaveCount(1);
  });
});

test.describe('a damaged database', () => {
  test('opens read-only with a banner; a change is refused in plain words; the banner restores the newest backup', async ({ page, dbPath }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'the file is damaged between the backup and the start of the console, which browser mode lets the test time');
    const comments = Array.from({ length: 300 }, (_, index) => ({ author: `Member ${index}`, text: `Comment ${index}: ${'the refund never arrived; '.repeat(8)}`, thread: 'Refunds', minutesAgo: index + 1 }));
    seedComments(dbPath, { feedTitle: 'Hostwise status blog', comments });
    switchboard(dbPath, 'backup');
    damagePages(dbPath);

    const { served, child } = await serveConsole(dbPath);
    try {
      await page.goto(served.url);
      const banner = page.getByRole('alert', { name: 'Database damaged' });
      // Pages the look at open cannot see are found by the full check, in the check worker at the
      // lowest priority: on a busy machine it takes longer than an assertion's usual 5 s.
      await expect(banner).toContainText(`${dbPath} is damaged, so Switchboard opened it read-only: you can read what is there, but nothing can be changed.`, { timeout: 30_000 });

      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      // A click, not uncheck(): the refusal puts the box back, perhaps before uncheck() would look.
      await settings.getByRole('checkbox').click();
      await expect(settings.getByRole('checkbox')).toBeChecked();
      await settings.getByRole('button', { name: 'Close' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'this change was not saved' })).toContainText(`${dbPath} is damaged, so Switchboard opened it read-only and this change was not saved. Restore its newest backup, from`);

      await banner.getByRole('button', { name: /^Restore backup from / }).click();
      await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore and reload' }).click();
      await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Inbox/ })).toHaveAccessibleName('Inbox 300 comments');
      await expect(banner).toHaveCount(0);
      await expect(page.getByRole('alert')).toHaveCount(0);
    } finally {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
  });
});

// The disk fills up while a moderator writes a reply: the console says so in plain words, keeps
// every word on screen, and saves the draft by itself once there is room again. The full disk is
// SQLite's own: browser mode's connection may not grow the file past its size at start
// (max_page_count), and room is made the way a moderator would, by deleting something else in it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { nativeBindingForThisProcess } from '../../db/native';
import { PAGE_CAP_VARIABLE } from '../../db/page-cap';
import { PROJECT_ROOT } from './support/electron';
import { expect, serveConsole, stop, test } from './support/fixtures';
import { seedComments } from './support/seed-db';

test('a reply typed on a full disk stays on screen and is saved once there is room', async ({ page, dbPath }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'the database cap is set in the browser-mode server; the Electron window shares the composer this tests');
  seedComments(dbPath, {
    feedTitle: 'Hostwise status blog',
    comments: [
      { author: 'Priya N', text: 'Checkout has been down for two hours. Is there an ETA?', thread: 'Frankfurt outage', minutesAgo: 30 },
      { author: 'Marcus T', text: 'Still down here too.', thread: 'Frankfurt outage', minutesAgo: 20 },
    ],
  });
  for (const id of ['1', '2']) {
    const routed = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'switchboard.cjs'), '--db', dbPath, 'route', id, 'service'], { encoding: 'utf8' });
    expect(routed.stderr).toBe('');
  }

  // Something else on the disk that can be deleted later: rows of a table in the same file.
  const other = new Database(dbPath, { nativeBinding: nativeBindingForThisProcess() });
  other.exec('CREATE TABLE ballast (bytes BLOB)');
  const ballast = other.prepare('INSERT INTO ballast (bytes) VALUES (randomblob(4000))');
  for (let row = 0; row < 20; row += 1) ballast.run();
  other.exec('VACUUM');
  const pages = other.pragma('page_count', { simple: true }) as number;
  const { served, child } = await serveConsole(dbPath, { env: { [PAGE_CAP_VARIABLE]: String(pages) } });
  try {
    await page.goto(served.url);
    await page.getByRole('button', { name: /^Customer service/ }).click();
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /Priya N/ }).click();
    const reply = page.getByRole('region', { name: 'Reply' });
    const text = reply.getByRole('textbox', { name: 'Reply text' });
    // A long reply pasted in (more than a database page), then a few words typed after it.
    const pasted = `Hi Priya, ${'we are restoring checkout region by region and will write again within the hour. '.repeat(80)}`;
    await text.fill(pasted);
    await text.pressSequentially('Thanks for your patience.');
    const typed = `${pasted}Thanks for your patience.`;

    const banner = page.getByRole('alert').filter({ hasText: 'is full' });
    await expect(banner).toHaveText(
      `The disk holding ${dbPath} is full, so nothing was saved. Free some space; in the console your draft is kept on screen and will be saved when there is room.×`,
    );
    await expect(reply.getByRole('status')).toHaveText('Not saved');
    await expect(text).toHaveValue(typed);
    // Another comment and back: the unsaved reply is still there, in memory.
    await queue.getByRole('option', { name: /Marcus T/ }).click();
    await expect(text).toHaveValue('');
    await queue.getByRole('option', { name: /Priya N/ }).click();
    await expect(text).toHaveValue(typed);

    // Room is made: the deleted rows' pages are free for the console's next try.
    other.exec('DELETE FROM ballast');
    await expect(reply.getByRole('status')).toHaveText('Saved', { timeout: 20_000 });
    await expect(banner).toHaveCount(0);
    await expect(text).toHaveValue(typed);
    expect(other.prepare('SELECT body FROM drafts').all()).toEqual([{ body: typed }]);
  } finally {
    other.close();
    await stop(child);
  }
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server';
import { PROJECT_ROOT } from './support/electron';
import { expect, test } from './support/fixtures';

test.describe('sample feeds', () => {
  test('an empty database offers the samples, and loading them fills the queue', async ({ consolePage: page }) => {
    const empty = page.getByRole('status').filter({ hasText: 'Subscribe to a feed to start' });
    await expect(empty).toBeVisible();
    await empty.getByRole('button', { name: 'Try it with sample feeds' }).click();

    const queue = page.getByRole('listbox', { name: 'Queue' });
    await expect(queue.getByRole('option').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^Inbox/ })).toHaveAccessibleName('Inbox 35 comments');
    // The list is virtualized: only the rows in view (and a few more) exist.
    expect(await queue.getByRole('option').count()).toBeLessThan(35);
    const sidebar = page.getByRole('navigation', { name: 'Views' });
    await expect(sidebar.getByRole('button', { name: /^Sample: Hostwise status blog comments/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Sample feeds loaded: 4 feeds fetched' })).toBeVisible();

    await queue.getByRole('option').first().click();
    await expect(page.getByRole('region', { name: 'Item detail' }).getByRole('heading', { level: 2 })).not.toHaveText('');
    await page.screenshot({ path: test.info().outputPath('samples.png') });

    await sidebar.getByRole('button', { name: 'Remove sample feeds' }).click();
    await expect(page.getByRole('heading', { name: 'Subscribe to a feed to start' })).toBeVisible();
  });
});

test.describe('subscribing', () => {
  let server: FixtureServer;
  test.beforeAll(async () => {
    server = await startFixtureServer();
  });
  test.afterAll(() => server.close());

  test.use({
    // A feed that has gone (410) is already subscribed, imported from OPML with the real CLI.
    seed: null,
  });

  test('by pasting a page address, then a broken feed shows its error in the feed-health panel', async ({ dbPath, consolePage: page }) => {
    const opml = path.join(path.dirname(dbPath), 'old.opml');
    fs.writeFileSync(opml, `<opml version="2.0"><body><outline text="Old status blog" xmlUrl="${server.url('/hostile/gone')}"/></body></opml>`);
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'switchboard.cjs'), '--db', dbPath, 'opml', 'import', '--allow-local', opml]);
    await page.reload();

    await page.getByRole('button', { name: 'Subscribe…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to a feed' });
    await dialog.getByLabel('Address of a blog, post, forum or feed').fill(server.url('/pages/wordpress-post.html'));
    await dialog.getByRole('button', { name: 'Find feeds' }).click();
    await expect(dialog.getByText('3 feeds found — comment feeds first')).toBeVisible();
    const own = dialog.getByRole('radio', { name: /Moving your DNS to Hostwise without downtime Comments Feed/ });
    await expect(own).toBeChecked();
    // The fixture server is this computer: the dialog asks, and subscribing anyway confirms it.
    await expect(dialog.getByRole('note')).toHaveText('This feed is on your own computer or local network (127.0.0.1). Subscribe anyway?');
    await dialog.screenshot({ path: test.info().outputPath('subscribe-dialog.png') });
    await dialog.getByRole('button', { name: 'Subscribe anyway' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/Subscribed to .+\. 4 comments fetched\./);
    await dialog.getByRole('button', { name: 'Done' }).click();

    await expect(page.getByRole('listbox', { name: 'Queue' }).getByRole('option')).toHaveCount(4);
    // The background scheduler may reach the gone feed first and park it; either way it ends parked.
    await page.getByRole('button', { name: 'Fetch now' }).click();
    await expect(page.getByRole('status').filter({ hasText: /fetched, 0 new comments/ })).toBeVisible();

    await page.getByRole('button', { name: 'Feed health', exact: true }).click();
    const health = page.getByRole('dialog', { name: 'Feed health' });
    const broken = health.getByRole('listitem', { name: 'Old status blog' });
    await expect(broken).toContainText('Parked');
    await expect(broken).toContainText('Server error: the feed is gone (410)');
    await expect(broken).toContainText('waits for you to retry');
    await health.screenshot({ path: test.info().outputPath('feed-health.png') });

    await broken.getByRole('button', { name: 'Rename Old status blog' }).click();
    await broken.getByLabel('Feed name').fill('Retired status blog');
    await broken.getByRole('button', { name: 'Save' }).click();
    await expect(health.getByRole('listitem', { name: 'Retired status blog' })).toBeVisible();
    await health.getByRole('listitem', { name: 'Retired status blog' }).getByRole('button', { name: 'Unsubscribe' }).click();
    await health.getByRole('button', { name: 'Delete comments too' }).click();
    await expect(health.getByRole('listitem', { name: 'Retired status blog' })).toHaveCount(0);
  });

  test('imports an OPML file from the subscribe dialog and fetches the feeds with progress', async ({ consolePage: page }) => {
    const opml = `<opml version="2.0"><body>
      <outline text="Atom blog" xmlUrl="${server.url('/feeds/atom10.xml')}"/>
      <outline text="RDF blog" xmlUrl="${server.url('/feeds/rss10-rdf.xml')}"/>
    </body></opml>`;
    await page.getByRole('button', { name: 'Subscribe…' }).click();
    await page.getByLabel('OPML file').setInputFiles({ name: 'feeds.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    // The fixture server is this computer: its feeds are left out until the moderator confirms them.
    const local = page.getByRole('group', { name: 'Feeds on your own computer or local network' });
    await expect(local).toContainText('These 2 feeds are on your own computer or local network, and were left out. Import them anyway?');
    await expect(local.getByRole('listitem')).toHaveText([`${server.url('/feeds/atom10.xml')} (127.0.0.1)`, `${server.url('/feeds/rss10-rdf.xml')} (127.0.0.1)`]);
    await local.getByRole('button', { name: 'Import them anyway' }).click();
    await expect(page.getByRole('group', { name: 'OPML import' }).getByRole('status')).toHaveText('Imported 2 feeds (0 already subscribed, 0 skipped).');
    await page.getByRole('group', { name: 'OPML import' }).getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    // The background scheduler may fetch them first; the queue fills either way.
    await expect(page.getByRole('status').filter({ hasText: /Imported 2 feeds|2 feeds fetched/ })).toBeVisible();
    await expect(page.getByRole('listbox', { name: 'Queue' }).getByRole('option')).toHaveCount(8);
  });
});

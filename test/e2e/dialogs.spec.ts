// Issue 13, "Gaps to close" in the dialogs: subscribing by keyboard with an address typed without
// https://, errors said as sentences, saved-reply refusals inside their dialog, an empty picker that
// says how to make a saved reply, export counts that follow "include drafts", the CSV's UTF-8 mark
// and an OPML import that reports what it did.
import fs from 'node:fs';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server';
import { expect, test } from './support/fixtures';
import { switchboardOn } from './support/cli';

test.describe('the subscribe dialog', () => {
  let server: FixtureServer;
  test.beforeAll(async () => {
    server = await startFixtureServer();
  });
  test.afterAll(() => server.close());

  test('subscribes by keyboard alone, to an address typed without https://', async ({ consolePage: page }) => {
    await page.getByRole('button', { name: 'Subscribe…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to a feed' });
    const address = dialog.getByLabel('Address of a blog, post, forum or feed');
    await expect(address).toBeFocused();
    // The fixture server speaks http only: https is tried first, then http.
    await page.keyboard.type(`127.0.0.1:${server.port}/pages/wordpress-post.html`);
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('3 feeds found — comment feeds first')).toBeVisible();
    const best = dialog.getByRole('radio', { name: /Moving your DNS to Hostwise without downtime Comments Feed/ });
    await expect(best).toBeChecked();
    await expect(best).toBeFocused();
    await dialog.screenshot({ path: test.info().outputPath('subscribe-candidates.png') });
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toHaveText(/Subscribed to .+\. 4 comments fetched\./);
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('listbox', { name: 'Queue' }).getByRole('option')).toHaveCount(4);
  });

  test('says what went wrong in a sentence, without stage names or category codes', async ({ consolePage: page }) => {
    await page.getByRole('button', { name: 'Subscribe…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to a feed' });
    await dialog.getByLabel('Address of a blog, post, forum or feed').fill(server.url('/pages/no-feed.html'));
    await dialog.getByRole('button', { name: 'Find feeds' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('This page links no RSS or Atom feed; paste the address of its comment feed instead.');
  });
});

test.describe('saved replies and exports', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise status blog',
      comments: [
        { author: 'José Müller', text: 'Checkout is down — since 9:00.', thread: 'Frankfurt outage', minutesAgo: 30 },
        { author: 'Lee', text: 'Is billing affected?', thread: 'Frankfurt outage', minutesAgo: 20 },
      ],
    },
  });

  test('the empty picker says how to make a saved reply, and a refused one says why inside its dialog', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /José Müller/ }).click();
    await page.keyboard.press('s');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.getByRole('region', { name: 'Reply' }).getByRole('button', { name: 'Insert saved reply' }).click();
    await expect(page.getByRole('listbox', { name: 'Saved replies' })).toContainText('No customer-service saved replies yet. Create one with "Manage saved replies…" below');
    await page.getByRole('button', { name: 'Manage saved replies…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Saved replies' });
    await dialog.getByRole('button', { name: 'New saved reply' }).click();
    await dialog.getByLabel('Name').fill('Outage');
    await dialog.getByLabel('Text').fill('Hi {{autor}}, we are on it.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.screenshot({ path: test.info().outputPath('saved-reply-refused.png') });
    await expect(dialog.getByRole('alert')).toHaveText(/^\{\{autor\}\} is not a placeholder Switchboard knows; use \{\{author\}\}, .+, or declare it as a variable to ask for\.$/);
    // The refusal is the dialog's: no banner over the console, and the form keeps what was typed.
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(dialog.getByLabel('Text')).toHaveValue('Hi {{autor}}, we are on it.');
    await dialog.getByLabel('Text').fill('Hi {{author}}, ticket {{ticket}} is open.');
    await dialog.getByLabel(/Also ask for/).fill('#ticket');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('"#ticket" cannot be a variable: a variable is one word starting with a letter, like ticket.');
    await dialog.getByLabel(/Also ask for/).fill('ticket');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('listitem', { name: 'Outage' })).toBeVisible();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
  });

  test('export counts follow "include drafts", and the CSV carries the UTF-8 mark unless turned off', async ({ dbPath, consolePage: page }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'the export downloads in browser mode; Electron shows its save dialog instead');
    const cli = switchboardOn(dbPath);
    const items = JSON.parse((await cli('--json', 'items')).stdout) as { id: number; author: string }[];
    const id = (author: string) => String(items.find((item) => item.author === author)!.id);
    await cli('route', id('José Müller'), 'service');
    await cli('route', id('Lee'), 'service');
    await cli('draft', id('José Müller'), '--text', 'Hi José — the fix is out.', '--ready');
    await cli('draft', id('Lee'), '--text', 'Billing is fine.');
    await page.reload();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Customer service/ }).click();

    await page.getByRole('button', { name: 'Export replies…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export replies' });
    await expect(dialog.getByRole('status')).toHaveText('1 reply will be exported.');
    await dialog.getByLabel('Include drafts not marked ready').check();
    await expect(dialog.getByRole('status')).toHaveText('2 replies will be exported, drafts included.');
    await expect(dialog.getByLabel(/Mark the file as UTF-8/)).toBeChecked();
    await dialog.screenshot({ path: test.info().outputPath('export-dialog.png') });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const marked = fs.readFileSync((await (await downloading).path())!);
    // EF BB BF: the mark a spreadsheet reads the encoding from, so "José" and "—" show as written.
    expect([...marked.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(marked.toString('utf8')).toContain('Hi José — the fix is out.');

    await page.getByRole('button', { name: 'Export replies…' }).click();
    await dialog.getByLabel('Include drafts not marked ready').check();
    await dialog.getByLabel(/Mark the file as UTF-8/).uncheck();
    const again = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    expect(fs.readFileSync((await (await again).path())!, 'utf8')).toMatch(/^commentUrl,thread,/);
  });
});

test.describe('OPML import', () => {
  test('reports what was added, already there, skipped and why, and the folders not kept', async ({ consolePage: page }) => {
    const opml = `<opml version="2.0"><body>
      <outline text="Support">
        <outline text="Status" xmlUrl="https://status.hostwise.example/comments/feed/"/>
        <outline text="Status again" xmlUrl="https://status.hostwise.example/comments/feed/"/>
      </outline>
      <outline text="Files" xmlUrl="ftp://files.example/feed"/>
    </body></opml>`;
    await page.getByRole('button', { name: 'Subscribe…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to a feed' });
    await page.getByLabel('OPML file').setInputFiles({ name: 'reader.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    const report = dialog.getByRole('group', { name: 'OPML import' });
    await expect(report.getByRole('status')).toHaveText('Imported 1 feed (1 already subscribed, 1 skipped).');
    await expect(report.getByRole('listitem')).toHaveText([
      'Skipped ftp://files.example/feed: only http and https feeds can be fetched, not ftp.',
      'Folders not kept: “Support”. Switchboard has no folders, so their feeds came in without them.',
    ]);
    await expect(report.getByRole('button', { name: 'Done' })).toBeFocused();
    await dialog.screenshot({ path: test.info().outputPath('opml-report.png') });
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server';
import { PROJECT_ROOT } from './support/electron';
import { expect, test } from './support/fixtures';

const AUTHORS = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eva', 'Finn', 'Gus', 'Hana', 'Ivo', 'Jo', 'Kai', 'Lou'];

test.describe('keyboard triage', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise status blog',
      // Ada is newest, so the Inbox (newest first) goes Ada, Ben, Cleo...
      comments: AUTHORS.map((author, index) => ({ author, text: `${author} writes about the outage.`, thread: 'Outage on 26 November', minutesAgo: 5 + index * 10 })),
    },
  });

  test('routes ten comments with the keyboard alone, keeps them across a reload, and undoes the last two', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    const views = page.getByRole('navigation', { name: 'Views' });
    await expect(queue.getByRole('option', { name: /Ada/ })).toHaveAttribute('aria-selected', 'true');

    // Ten decisions, each on the selected comment, each moving on to the next.
    for (const key of ['s', 'c', 'i', 'e', 's', 'c', 'i', 'e', 's', 'c']) await page.keyboard.press(key);

    const counts = async (expected: Record<string, number>) => {
      for (const [view, count] of Object.entries(expected)) await expect(views.getByRole('button', { name: new RegExp(`^${view}`) })).toHaveAccessibleName(`${view} ${count} comments`);
    };
    await counts({ Inbox: 2, 'Customer service': 3, Spotlight: 3, Ignored: 2, Done: 2 });
    await expect(queue.getByRole('option')).toHaveCount(2);
    await expect(queue.getByRole('option', { name: /Kai/ })).toHaveAttribute('aria-selected', 'true');

    await page.reload();
    await counts({ Inbox: 2, 'Customer service': 3, Spotlight: 3, Ignored: 2, Done: 2 });
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await expect(page.getByRole('heading', { name: 'Customer service', level: 1 })).toBeVisible();
    // Customer service is worked oldest-waiting first.
    await expect(queue.getByRole('option')).toHaveText([/Ivo/, /Eva/, /Ada/]);

    await page.keyboard.press('z');
    await expect(page.getByRole('status').filter({ hasText: 'Undid route of Jo ("Jo writes about the outage.").' })).toBeVisible();
    await page.keyboard.press('Control+z');
    await counts({ Inbox: 4, 'Customer service': 2, Spotlight: 2 });
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await expect(queue.getByRole('option')).toHaveText([/Ivo/, /Jo/, /Kai/, /Lou/]);
  });

  test('acts on a selection of several comments at once, and undoes it as one step', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await expect(queue.getByRole('option', { name: /Ada/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(page.getByRole('toolbar', { name: 'Selected comments' })).toContainText('3 selected');
    await page.keyboard.press('Shift+I');
    await expect(page.getByRole('button', { name: /^Ignored/ })).toHaveAccessibleName('Ignored 3 comments');
    await page.keyboard.press('z');
    await expect(page.getByRole('button', { name: /^Ignored/ })).toHaveAccessibleName('Ignored 0 comments');
    await expect(page.getByRole('button', { name: /^Inbox/ })).toHaveAccessibleName('Inbox 12 comments');

    // Shift-click ticks a range from the selected comment.
    await queue.getByRole('option', { name: /Ada/ }).click();
    await queue.getByRole('option', { name: /Dev/ }).click({ modifiers: ['Shift'] });
    await expect(page.getByRole('toolbar', { name: 'Selected comments' })).toContainText('4 selected');
  });

  test('keys do nothing while typing in a field, and ? lists them', async ({ consolePage: page }) => {
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
    await page.keyboard.type('sic');
    await expect(page.getByRole('button', { name: /^Inbox/ })).toHaveAccessibleName('Inbox 12 comments');
    await page.keyboard.press('Escape');
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Customer service');
    await expect(help).toContainText('Shift+X');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Customer service', exact: true })).toHaveAttribute('title', 'Customer service (s)');
  });
});

test.describe('settings and saved searches', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise status blog',
      comments: AUTHORS.slice(0, 4).map((author, index) => ({ author, text: `${author} asks about a refund.`, thread: 'Outage', minutesAgo: 5 + index })),
    },
  });

  test('rebinds a key, switches single-key shortcuts off, and saves a search as a view', async ({ consolePage: page }) => {
    const views = page.getByRole('navigation', { name: 'Views' });
    await views.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('button', { name: 'Change the key for Customer service' }).click();
    await page.keyboard.press('c');
    await expect(settings.getByRole('alert')).toContainText('c is already the key for "Community spotlight"');
    await page.keyboard.press('1');
    await settings.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('button', { name: 'Customer service', exact: true })).toHaveAttribute('title', 'Customer service (1)');

    await page.keyboard.press('s'); // no longer bound
    await expect(views.getByRole('button', { name: /^Customer service/ })).toHaveAccessibleName('Customer service 0 comments');
    await page.keyboard.press('1');
    await expect(views.getByRole('button', { name: /^Customer service/ })).toHaveAccessibleName('Customer service 1 comment');

    await views.getByRole('button', { name: 'Settings' }).click();
    await settings.getByRole('checkbox').uncheck();
    await settings.getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('1');
    await expect(views.getByRole('button', { name: /^Customer service/ })).toHaveAccessibleName('Customer service 1 comment');
    await page.reload();
    await page.keyboard.press('1');
    await expect(views.getByRole('button', { name: /^Customer service/ })).toHaveAccessibleName('Customer service 1 comment');

    await page.getByRole('searchbox', { name: 'Search' }).fill('Cleo');
    await expect(page.getByRole('listbox', { name: 'Queue' }).getByRole('option')).toHaveCount(1);
    await page.getByRole('button', { name: 'Save search…' }).click();
    await page.getByLabel('Name of the saved search').fill('Cleo watch');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(page.getByRole('listbox', { name: 'Queue' }).getByRole('option')).toHaveCount(3);
    await views.getByRole('button', { name: 'Cleo watch', exact: true }).click();
    await expect(page.getByRole('listbox', { name: 'Queue' }).getByRole('option')).toHaveText([/Cleo/]);
  });
});

test.describe('snooze until the author writes again', () => {
  let server: FixtureServer;
  test.beforeAll(async () => {
    server = await startFixtureServer();
  });
  test.afterAll(() => server.close());

  test('hides the comment, and brings it back when a new comment by that author arrives', async ({ dbPath, consolePage: page }) => {
    server.setRoute('/feeds/quillpad.xml', 'edited-comment-v1.xml');
    // Asynchronously: the fixture server answering the CLI lives in this very process.
    await promisify(execFile)(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'switchboard.cjs'), '--db', dbPath, 'subscribe', '--allow-local', server.url('/feeds/quillpad.xml')]);
    await page.reload();

    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /Nadia Petrova/ }).click();
    await page.keyboard.press('b');
    const snooze = page.getByRole('dialog', { name: 'Snooze' });
    await expect(snooze).toBeVisible();
    await page.keyboard.press('4');
    await expect(snooze).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Snoozed/ })).toHaveAccessibleName('Snoozed 1 comment');
    await expect(queue.getByRole('option', { name: /Nadia Petrova/ })).toHaveCount(0);

    // Nadia writes again in the same thread; the next fetch brings her first comment back.
    server.setRoute('/feeds/quillpad.xml', 'edited-comment-v2.xml');
    await page.getByRole('button', { name: 'Fetch now' }).click();
    await expect(page.getByRole('button', { name: /^Snoozed/ })).toHaveAccessibleName('Snoozed 0 comments');
    const back = queue.getByRole('option', { name: /Nadia Petrova.*Back from snooze/ });
    await expect(back).toHaveCount(1);
    await back.click();
    await expect(page.getByRole('region', { name: 'Item detail' })).toContainText('Back from snooze');
    server.setRoute('/feeds/quillpad.xml', null);
  });
});

// One call per keystroke (issue 10): a routing key sends exactly one API call; the screen moves on
// from its answer and the sidebar counts from the event that follows it, with no reload of the
// page or the feed list. Browser mode only: the calls are counted as HTTP requests.
import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { switchboardOn } from './support/cli';

const AUTHORS = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eva', 'Finn'];

/** The operations the console calls from `act` until `settled` holds and half a second more (late reloads count too). */
async function callsDuring(page: Page, act: () => Promise<void>, settled: () => Promise<void>): Promise<string[]> {
  const calls: string[] = [];
  const listen = (request: Request) => {
    const match = /\/api\/call\/([\w-]+)/.exec(request.url());
    // Not the key's: once a decision is learned (a second after the moderator pauses), the console
    // reads the re-scored suggestions of its rows, which a slow machine may bring inside the window.
    if (match && match[1] !== 'items-suggestions') calls.push(match[1]!);
  };
  page.on('request', listen);
  try {
    await act();
    await settled();
    await page.waitForTimeout(500);
  } finally {
    page.off('request', listen);
  }
  return calls;
}

test.describe('one call per keystroke', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise status blog',
      // Ada is newest, so the Inbox (newest first) goes Ada, Ben, Cleo...
      comments: AUTHORS.map((author, index) => ({ author, text: `${author} writes about the outage.`, thread: 'Outage on 26 November', minutesAgo: 5 + index * 10 })),
    },
  });

  test.beforeEach(async ({ consolePage: page }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'counts the HTTP calls of browser mode; Electron calls over IPC');
    // The console at rest: the first comment shown in full, the counts and the feed list loaded.
    await expect(page.getByRole('listbox', { name: 'Queue' }).getByRole('option', { name: /Ada/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Author' })).toContainText('Ada');
    await expect(page.getByRole('button', { name: /^Inbox/ })).toHaveAccessibleName('Inbox 6 comments');
    await expect(page.getByRole('button', { name: /^Hostwise status blog/ })).toBeVisible();
    // The scheduler's first fetch (a second after start; the seeded feed's host does not exist) is over.
    await expect(page.getByRole('button', { name: /^Feed health of Hostwise status blog/ })).not.toHaveAccessibleName(/Not fetched yet/, { timeout: 15_000 });
    await expect(page.getByRole('status').filter({ hasText: /^Fetching/ })).toHaveCount(0);
    await page.waitForTimeout(500);
  });

  const counts = async (page: Page, expected: Record<string, number>) => {
    const views = page.getByRole('navigation', { name: 'Views' });
    for (const [view, count] of Object.entries(expected)) await expect(views.getByRole('button', { name: new RegExp(`^${view}`) })).toHaveAccessibleName(`${view} ${count} ${count === 1 ? 'comment' : 'comments'}`);
  };

  /** The comment selected and shown in full: its row, its heading, and its author's panel (the context). */
  const shown = async (page: Page, author: string) => {
    await expect(page.getByRole('listbox', { name: 'Queue' }).getByRole('option', { name: new RegExp(author) })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Item detail' }).getByRole('heading', { level: 2 })).toHaveText(author);
    await expect(page.getByRole('region', { name: 'Author' }).getByRole('heading', { level: 3 })).toHaveText(author);
  };

  test('s routes the selected comment with one call; the counts follow and z puts them back', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    const route = await callsDuring(
      page,
      () => page.keyboard.press('s'),
      async () => {
        await expect(page.getByRole('status').filter({ hasText: 'comment to customer service. z to undo.' })).toBeVisible();
        await counts(page, { Inbox: 5, 'Customer service': 1 });
        await expect(page.getByRole('button', { name: /^Hostwise status blog/ })).toHaveAccessibleName('Hostwise status blog 5 new');
        await expect(queue.getByRole('option', { name: /Ada/ })).toHaveCount(0);
        await shown(page, 'Ben');
      },
    );
    console.log(`s: ${route.length} calls: ${route.join(', ')}`);
    expect(route).toEqual(['items-route']);

    const undo = await callsDuring(
      page,
      () => page.keyboard.press('z'),
      async () => {
        await expect(page.getByRole('status').filter({ hasText: 'Undid route of Ada ("Ada writes about the outage.").' })).toBeVisible();
        await counts(page, { Inbox: 6, 'Customer service': 0 });
        await expect(page.getByRole('button', { name: /^Hostwise status blog/ })).toHaveAccessibleName('Hostwise status blog 6 new');
        await expect(queue.getByRole('option', { name: /Ada/ })).toHaveCount(1);
      },
    );
    console.log(`z: ${undo.length} calls: ${undo.join(', ')}`);
    expect(undo.filter((name) => name === 'items-undo')).toHaveLength(1);
    // Undo reloads the page itself (the comment comes back in its place), once.
    expect(undo.filter((name) => name === 'items-list').length).toBeLessThanOrEqual(1);
  });

  test('e finishes the selected comment with one call', async ({ consolePage: page }) => {
    const done = await callsDuring(
      page,
      () => page.keyboard.press('e'),
      async () => {
        await expect(page.getByRole('status').filter({ hasText: 'comment done. z to undo.' })).toBeVisible();
        await counts(page, { Inbox: 5, Done: 1 });
        await shown(page, 'Ben');
      },
    );
    console.log(`e: ${done.length} calls: ${done.join(', ')}`);
    expect(done).toEqual(['items-done']);
  });

  test('a bulk action on ticked comments is one call too', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(page.getByRole('toolbar', { name: 'Selected comments' })).toContainText('2 selected');
    await shown(page, 'Ben');
    await page.waitForTimeout(500);

    const bulk = await callsDuring(
      page,
      () => page.keyboard.press('Shift+I'),
      async () => {
        await expect(page.getByRole('status').filter({ hasText: 'Ignored 2 comments (' })).toBeVisible();
        await counts(page, { Inbox: 4, Ignored: 2 });
        await expect(queue.getByRole('option')).toHaveText([/Cleo/, /Dev/, /Eva/, /Finn/]);
        // The cursor goes to the first comment after the acted-on ones: Cleo, skipping nobody.
        await shown(page, 'Cleo');
      },
    );
    console.log(`Shift+I on two: ${bulk.length} calls: ${bulk.join(', ')}`);
    expect(bulk).toEqual(['items-route']);

    await page.keyboard.press('z');
    await counts(page, { Inbox: 6, Ignored: 0 });
    await expect(queue.getByRole('option')).toHaveCount(6);
  });

  test('what another process changed still shows up after the next key', async ({ consolePage: page, dbPath }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    const cleo = queue.getByRole('option', { name: /Cleo/ });
    const id = (await cleo.getAttribute('id'))!.replace('item-', '');
    // The CLI, in a process of its own: the console hears nothing of it until it next acts or reads.
    await switchboardOn(dbPath)('route', id, 'spotlight');
    await page.keyboard.press('s');
    await expect(page.getByRole('status').filter({ hasText: 'comment to customer service. z to undo.' })).toBeVisible();
    await expect(cleo).toHaveCount(0);
    await counts(page, { Inbox: 4, 'Customer service': 1, Spotlight: 1 });
    await expect(page.getByRole('button', { name: /^Hostwise status blog/ })).toHaveAccessibleName('Hostwise status blog 4 new');
    await shown(page, 'Ben');
  });
});

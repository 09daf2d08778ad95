// What the moderator sees on rows, toasts, the spotlight composer, the dashboard and the sidebar's
// feeds (issue 13, "Gaps to close"). Each test failed before its change.
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { nativeBindingForThisProcess } from '../../db/native';
import { expect, test } from './support/fixtures';
import { switchboardOn } from './support/cli';

const HOUR = 60;

// Newest first in the Inbox, and ids in this order (Priya is 1). Priya waited 2 days and 4 hours.
const COMMENTS = [
  { author: 'Priya N', text: 'Checkout has been down since Tuesday.', thread: 'Checkout outage', minutesAgo: 52 * HOUR },
  { author: 'Marcus T', text: 'Flushing DNS fixed it for me.', thread: 'Checkout outage', minutesAgo: 53 * HOUR },
  { author: 'Ada', text: 'My refund never arrived.', thread: 'Refunds', minutesAgo: 54 * HOUR },
  { author: 'Ben', text: 'Invoices show the wrong VAT.', thread: 'Invoices', minutesAgo: 55 * HOUR },
  { author: 'Cleo', text: 'Checkout fails again for me.', thread: 'Checkout down again', minutesAgo: 56 * HOUR },
  { author: 'Dev', text: 'Same here, the checkout spins forever.', thread: 'Checkout down again', minutesAgo: 57 * HOUR },
];
const ID = Object.fromEntries(COMMENTS.map((comment, index) => [comment.author, String(index + 1)]));

test.use({ seed: { feedTitle: 'Hostwise status blog', comments: COMMENTS } });

function screen(page: Page) {
  const queue = page.getByRole('listbox', { name: 'Queue' });
  return {
    queue,
    row: (author: string) => queue.getByRole('option', { name: new RegExp(author) }),
    views: page.getByRole('navigation', { name: 'Views' }),
    toast: page.getByRole('status').filter({ hasText: /z to undo/ }),
  };
}

/** Whether two boxes share any pixel. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const one = (await a.boundingBox())!;
  const two = (await b.boundingBox())!;
  return one.x < two.x + two.width && two.x < one.x + one.width && one.y < two.y + two.height && two.y < one.y + one.height;
}

test('a toast names the comment, stays clear of the list and goes by itself', async ({ consolePage: page }) => {
  const { queue, row, toast } = screen(page);
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
    await page.setViewportSize(viewport);
    await queue.getByRole('option').first().click();
    const author = (await queue.getByRole('option', { selected: true }).locator('bdi').first().textContent())!;
    await page.keyboard.press('s');
    await expect(toast).toHaveText(`Routed ${author}'s comment to customer service. z to undo.`);
    expect(await overlap(toast, queue)).toBe(false);
    await page.screenshot({ path: test.info().outputPath(`toast-${viewport.width}x${viewport.height}.png`) });
    // It goes on its own after a few seconds, with nothing pressed.
    await expect(toast).toBeHidden({ timeout: 15_000 });
  }
  // Two ticked at once are counted and named.
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.keyboard.press('Shift+I');
  await expect(toast).toHaveText(/^Ignored 2 comments \(\w+ and \w+\)\. z to undo\.$/);
});

test('rows carry marks for featured, drafted, ready, exported and incident comments', async ({ consolePage: page, dbPath }, testInfo) => {
  const cli = switchboardOn(dbPath);
  for (const author of ['Priya N', 'Ada', 'Ben', 'Cleo', 'Dev']) await cli('route', ID[author]!, 'service');
  await cli('route', ID['Marcus T']!, 'spotlight');
  await cli('spotlight', ID['Marcus T']!, '--action', 'feature', '--note', 'Fixed it for everyone');
  await cli('draft', ID['Ben']!, '--text', 'The VAT is fixed on your next invoice.', '--ready');
  await cli('export', 'drafts', '--format', 'csv', '--out', testInfo.outputPath('replies.csv'));
  await cli('draft', ID['Priya N']!, '--text', 'We are on it; sorry.');
  await cli('draft', ID['Ada']!, '--text', 'Your refund left today.', '--ready');
  await cli('api', 'incident-create', JSON.stringify({ ids: [Number(ID['Cleo']), Number(ID['Dev'])], title: 'Checkout down again' }));
  await page.reload();
  const { row, views } = screen(page);
  await views.getByRole('button', { name: /^All/ }).click();
  const marks: [string, string][] = [
    ['Marcus T', 'Featured'],
    ['Priya N', 'Drafted'],
    ['Ada', 'Ready'],
    ['Ben', 'Exported'],
    ['Cleo', 'Incident'],
    ['Dev', 'Incident'],
  ];
  for (const [author, mark] of marks) {
    // The mark is a word on the row, read out with the row's name.
    await expect(row(author).getByText(mark, { exact: true })).toBeVisible();
    await expect(row(author)).toHaveAccessibleName(new RegExp(`\\b${mark}\\b`));
  }
  await expect(row('Priya N').getByText('Ready', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('row-marks.png') });
});

test('snooze options say when they end', async ({ consolePage: page }) => {
  await screen(page).row('Ada').click();
  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog', { name: 'Snooze' });
  await expect(dialog.getByRole('button', { name: /^1 Later today, (\d\d:\d\d|\w{3} \d\d:\d\d)$/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^2 Tomorrow, \w{3} 09:00$/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^3 Next week, Mon.* 09:00$/ })).toBeVisible();
});

test('the spotlight composer shows no wait and no Resolve; a service one does', async ({ consolePage: page }) => {
  const { row, views } = screen(page);
  await row('Marcus T').click();
  await page.keyboard.press('c');
  await views.getByRole('button', { name: /^Spotlight/ }).click();
  await row('Marcus T').click();
  await page.keyboard.press('r');
  const reply = page.getByRole('region', { name: 'Reply' });
  await expect(reply.getByRole('textbox', { name: 'Reply text' })).toBeVisible();
  await expect(reply).not.toContainText('Waiting');
  await expect(reply.getByRole('button', { name: 'Resolve' })).toHaveCount(0);

  // A service comment still shows both, its wait in days and hours.
  await views.getByRole('button', { name: /^Inbox/ }).click();
  await row('Priya N').click();
  await page.keyboard.press('s');
  await views.getByRole('button', { name: /^Customer service/ }).click();
  await row('Priya N').click();
  await page.keyboard.press('r');
  await expect(reply).toContainText(/waiting 2 d 4 h/i);
  await expect(reply.getByRole('button', { name: 'Resolve' })).toBeVisible();
});

test('counts of one are singular', async ({ consolePage: page }) => {
  const { row, views } = screen(page);
  await row('Ada').click();
  await page.keyboard.press('i');
  await expect(views.getByRole('button', { name: /^Ignored/ })).toHaveAccessibleName('Ignored 1 comment');
  await row('Ben').click();
  await page.keyboard.press('x');
  await page.keyboard.press('b');
  await expect(page.getByRole('dialog', { name: 'Snooze 1 comment' })).toBeVisible();
});

test('the dashboard: an honest empty state, a period, waits in days and hours, charts across the width', async ({ consolePage: page, dbPath }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { views } = screen(page);
  const dashboard = page.getByRole('dialog', { name: 'Dashboard' });
  await views.getByRole('button', { name: 'Dashboard' }).click();
  await expect(dashboard).toContainText('Nothing was routed from');
  // What did happen is still said: six people wrote for the first time.
  await expect(dashboard).toContainText('6 new contributors wrote in this period.');
  await expect(dashboard.getByRole('figure')).toHaveCount(0);
  await dashboard.getByRole('button', { name: 'Close' }).click();

  const cli = switchboardOn(dbPath);
  await cli('route', ID['Priya N']!, 'service');
  await cli('route', ID['Marcus T']!, 'spotlight');
  await cli('draft', ID['Priya N']!, '--text', 'Fixed now, sorry.', '--ready');
  await cli('export', 'drafts', '--format', 'csv', '--out', test.info().outputPath('replies.csv'));
  await views.getByRole('button', { name: 'Dashboard' }).click();
  // Priya waited 2 days and 4 hours for her exported reply.
  await expect(dashboard.getByRole('listitem').filter({ hasText: 'median wait for a service reply' })).toHaveText(/^2 d 4 h median wait/);
  const figure = dashboard.getByRole('figure', { name: 'Comments routed per week' });
  const chart = (await figure.locator('.recharts-wrapper').boundingBox())!;
  const box = (await figure.boundingBox())!;
  expect(chart.width).toBeGreaterThan(box.width * 0.9);
  await page.screenshot({ path: test.info().outputPath('dashboard-1440x900.png') });

  // Another period: a month long before these comments has nothing to chart, and says so.
  await dashboard.getByLabel('From', { exact: true }).fill('2020-01-01');
  await dashboard.getByLabel('To', { exact: true }).fill('2020-01-31');
  await expect(dashboard).toContainText(/Nothing was routed from (1 Jan 2020|Jan 1, 2020) to (31 Jan 2020|Jan 31, 2020)/);
  await dashboard.getByLabel('To', { exact: true }).fill(new Date().toISOString().slice(0, 10));
  await expect(dashboard.getByRole('figure', { name: 'Comments routed per week' })).toBeVisible();
});

test.describe('the sidebar\'s feeds', () => {
  test.use({
    seed: {
      feedTitle: 'Comments on: Refund policy for annual plans',
      comments: [
        { author: 'Ada', text: 'Where is my refund?', thread: 'Refunds', minutesAgo: 10 },
        { author: 'Ben', text: 'Shipping took three weeks.', thread: 'Shipping', minutesAgo: 20, feed: 'Comments on: Shipping times for annual plans' },
        { author: 'Cleo', text: 'Love the new dashboard.', thread: 'Launch', minutesAgo: 30, feed: 'Zebra forum' },
      ],
    },
  });

  test('show what tells feeds apart, full names and errors on hover, failing ones first; Retry now says what it found', async ({ consolePage: page, dbPath }) => {
    const feeds = page.getByRole('navigation', { name: 'Views' }).getByRole('list', { name: 'Feeds' });
    // The console fetches the seeded feeds as it opens (their made-up sites fail); once it has,
    // only Zebra forum is left failing, and none is due again during the test.
    await expect(feeds.getByRole('button', { name: /^Feed health of .*: Not fetched yet$/ })).toHaveCount(0, { timeout: 20_000 });
    const db = new Database(dbPath, { nativeBinding: nativeBindingForThisProcess() });
    const later = Date.now() + 86_400_000;
    db.prepare('UPDATE feeds SET error_category = NULL, error_message = NULL, error_count = 0, interval_minutes = 0, next_fetch_at = ?').run(later);
    db.prepare("UPDATE feeds SET error_category = 'http-status', error_message = 'the site answered 503 Service Unavailable', error_count = 3 WHERE title = 'Zebra forum'").run();
    db.close();
    await page.reload();
    // The failing feed leads; the generic "Comments on:" is not what the narrow list shows first.
    await expect(feeds.getByRole('listitem')).toHaveText([/^Zebra forum/, /^Refund policy for annual plans/, /^Shipping times for annual plans/]);
    const refund = feeds.getByRole('button', { name: /^Refund policy/ });
    await expect(refund).toHaveAttribute('title', /^Comments on: Refund policy for annual plans\nhttps:\/\//);
    await expect(feeds.getByRole('button', { name: /^Zebra forum/ })).toHaveAttribute('title', /Failing: the site answered 503 Service Unavailable/);
    await page.screenshot({ path: test.info().outputPath('sidebar-feeds.png') });

    // Feed health lists the feed asked about, then the failing ones; Retry now reports its outcome.
    await feeds.getByRole('button', { name: /Feed health of Comments on: Shipping/ }).click();
    const health = page.getByRole('dialog', { name: 'Feed health' });
    const rows = health.getByRole('list', { name: 'Feeds' }).getByRole('listitem');
    const order = ['Comments on: Shipping times for annual plans', 'Zebra forum', 'Comments on: Refund policy for annual plans'];
    for (const [index, name] of order.entries()) await expect(rows.nth(index)).toHaveAccessibleName(name);
    const zebra = health.getByRole('listitem', { name: 'Zebra forum' });
    await zebra.getByRole('button', { name: 'Retry now' }).click();
    await expect(zebra.getByRole('status', { name: 'Retry of Zebra forum' })).toHaveText(/^(Still failing: .+\.|Fetched: .+\.)$/, { timeout: 20_000 });
  });
});

test('a comment back from its snooze leads the Inbox, marked "Back from snooze"', async ({ consolePage: page, dbPath }) => {
  const { queue, row } = screen(page);
  // Dev's comment, the oldest, was snoozed until a minute ago: the console wakes it on its next read.
  const db = new Database(dbPath, { nativeBinding: nativeBindingForThisProcess() });
  db.prepare("UPDATE items SET status = 'snoozed', snoozed_until = ? WHERE author = 'Dev'").run(Date.now() - 60_000);
  db.close();
  await page.reload();
  await expect(queue.getByRole('option').first()).toHaveAccessibleName(/^Dev/);
  await expect(row('Dev').getByText('Back from snooze', { exact: true })).toBeVisible();
  // The rest keep their order below it, newest first.
  await expect(queue.getByRole('option').nth(1)).toHaveAccessibleName(/^Priya N/);
});

// A moderator's day by keyboard, in the order it happens: the morning's triage with bulk keys,
// the spotlight, a reply with punctuation, notes, search and back, and a terminal open beside the
// console on the same database. Each step asserts what the moderator sees (issue 13's bugs 1, 2,
// 3, 5, 7 and 12 each failed here before their fix).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { switchboardOn } from './support/cli';
import { consoleScreen } from './support/console-screen';

const AUTHORS = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eva', 'Finn', 'Gus', 'Hana'];

test.use({
  seed: {
    feedTitle: 'Hostwise status blog',
    // Ada is newest, so the Inbox (newest first) goes Ada, Ben, Cleo...; the ids follow the same order (Ada is 1).
    comments: AUTHORS.map((author, index) => ({ author, text: `${author} writes about the outage.`, thread: 'Outage on 26 November', minutesAgo: 5 + index * 10 })),
  },
});

async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

test('9:00 bulk keys act on the ticked comments and the cursor lands on the next one still in the view (bug 3)', async ({ consolePage: page }) => {
  const { count, selected } = consoleScreen(page);
  await expect(selected).toContainText('Ada');
  await press(page, 'x', 'j', 'x', 'Shift+S');
  await expect(count('Customer service')).toHaveAccessibleName('Customer service 2 comments');
  await expect(selected).toContainText('Cleo');
  await expect(page.getByRole('region', { name: 'Item detail' }).getByRole('heading', { level: 2 })).toHaveText('Cleo');

  // The same with Ignore: Cleo and Dev leave, Eva is next.
  await press(page, 'x', 'j', 'x', 'Shift+I');
  await expect(count('Ignored')).toHaveAccessibleName('Ignored 2 comments');
  await expect(selected).toContainText('Eva');
  await expect(page.getByRole('region', { name: 'Item detail' }).getByRole('heading', { level: 2 })).toHaveText('Eva');
});

test('9:30 moving through the Spotlight shows one action bar for the comment shown (bug 2)', async ({ consolePage: page }) => {
  const { count, selected } = consoleScreen(page);
  await expect(selected).toContainText('Ada');
  await press(page, 'c', 'c', 'c', 'c');
  await expect(count('Spotlight')).toHaveAccessibleName('Spotlight 4 comments');
  await press(page, 'g', 'c');
  await expect(page.getByRole('heading', { name: 'Spotlight', level: 1 })).toBeVisible();
  await expect(selected).toContainText('Ada');
  const detail = page.getByRole('region', { name: 'Item detail' });
  await expect(detail.getByRole('region', { name: 'Spotlight' })).toHaveCount(1);
  for (const key of ['j', 'j', 'j', 'k', 'k', 'k']) {
    await page.keyboard.press(key);
    // Each step waits for the comment it moved to, in full (its action bar drawn).
    await expect(detail.getByRole('region', { name: 'Spotlight' }).getByRole('button', { name: 'Feature', exact: true })).toHaveCount(1);
  }
  await expect(selected).toContainText('Ada');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Ada');
  await expect(detail.getByRole('region', { name: 'Spotlight' })).toHaveCount(1);
  await expect(detail.getByRole('button', { name: 'Thank', exact: true })).toHaveCount(1);
  await expect(detail.getByRole('region', { name: 'Reply' })).toHaveCount(1);
});

test('10:00 a reply takes any punctuation; Ctrl+; or the button finds a saved reply (bug 1)', async ({ dbPath, consolePage: page }) => {
  await switchboardOn(dbPath)('template', 'add', 'Greeting', '--lane', 'service', '--text', 'Hi {{author}}.');
  await page.reload();
  const { selected } = consoleScreen(page);
  await expect(selected).toContainText('Ada');
  await page.keyboard.press('r');
  const text = page.getByRole('textbox', { name: 'Reply text' });
  await expect(text).toBeFocused();
  await page.keyboard.type('Refunds apply. Sorry; really: 100% (see /help), "ok"?');
  await expect(text).toHaveValue('Refunds apply. Sorry; really: 100% (see /help), "ok"?');
  await expect(page.getByLabel('Find a saved reply')).toHaveCount(0);

  // The chord opens the picker; the reply goes in at the cursor.
  await page.keyboard.press('Control+;');
  await expect(page.getByLabel('Find a saved reply')).toBeFocused();
  await page.keyboard.type('greet');
  await page.keyboard.press('Enter');
  await expect(text).toHaveValue('Refunds apply. Sorry; really: 100% (see /help), "ok"?Hi Ada.');
  await expect(text).toBeFocused();
  await expect(page.getByRole('button', { name: 'Insert saved reply' })).toHaveAttribute('title', 'Insert a saved reply (Ctrl+;)');

  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('term').filter({ hasText: /^Ctrl\+;$/ })).toHaveCount(1);
  await expect(help).toContainText('Insert a saved reply (in the reply');
});

test('11:00 notes are kept however they are left: Escape, closing the profile, moving on (bug 5)', async ({ dbPath, consolePage: page }) => {
  // Seeded comments' authors become members when members are first read (as the board does).
  await switchboardOn(dbPath)('members');
  await page.reload();
  const { selected } = consoleScreen(page);
  await expect(selected).toContainText('Ada');
  const detail = page.getByRole('region', { name: 'Item detail' });

  // A member note, closed with Escape.
  await detail.getByRole('button', { name: "Open Ada's profile" }).click();
  const profile = page.getByRole('dialog', { name: 'Member: Ada' });
  await profile.getByLabel('Private note (moderators only; shown with their comments)').fill('Runs the Berlin meetup');
  await page.keyboard.press('Escape');
  await expect(profile).toHaveCount(0);
  await expect(detail.getByRole('note', { name: 'Member note' })).toContainText('Note on Ada: Runs the Berlin meetup');

  // A comment note, left by moving to the next comment.
  const note = detail.getByRole('textbox', { name: 'Moderator note' });
  await note.fill('Asked twice already');
  await page.keyboard.press('Escape');
  await press(page, 'j');
  await expect(selected).toContainText('Ben');
  await page.reload();
  await expect(selected).toContainText('Ada');
  await expect(note).toHaveValue('Asked twice already');
  await expect(detail.getByRole('note', { name: 'Member note' })).toContainText('Note on Ada: Runs the Berlin meetup');
});

test('13:00 from search to the results and back by keyboard; Escape keeps what was typed (bug 7)', async ({ consolePage: page }) => {
  const { queue, count, selected } = consoleScreen(page);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await expect(selected).toContainText('Ada');
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('Cleo');
  await expect(queue.getByRole('option')).toHaveText([/Cleo/]);
  await page.keyboard.press('Enter');
  await expect(queue).toBeFocused();
  await expect(selected).toContainText('Cleo');
  await page.keyboard.press('s');
  await expect(count('Customer service')).toHaveAccessibleName('Customer service 1 comment');
  await expect(search).toHaveValue('Cleo');

  // ↓ too; Escape leaves the box with its words, Escape again clears the search.
  await page.keyboard.press('/');
  await search.fill('Dev');
  await expect(queue.getByRole('option')).toHaveText([/Dev/]);
  await page.keyboard.press('ArrowDown');
  await expect(queue).toBeFocused();
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await expect(queue).toBeFocused();
  await expect(search).toHaveValue('Dev');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(queue.getByRole('option')).toHaveCount(7);

  // Escape in the note and in the reply: back to the list, nothing lost.
  const note = page.getByRole('textbox', { name: 'Moderator note' });
  await note.click();
  await page.keyboard.type('Check the invoice');
  await page.keyboard.press('Escape');
  await expect(queue).toBeFocused();
  await expect(note).toHaveValue('Check the invoice');
  await page.keyboard.press('r');
  // The composer is where the caret is, as the moderator sees it, before they type.
  const reply = page.getByRole('textbox', { name: 'Reply text' });
  await expect(reply).toBeFocused();
  await page.keyboard.type('On it');
  await page.keyboard.press('Escape');
  await expect(queue).toBeFocused();
  await expect(reply).toHaveValue('On it');
});

test('16:00 the console follows what a terminal did, and z undoes what this window did, by name (bug 12)', async ({ dbPath, consolePage: page }) => {
  const cli = switchboardOn(dbPath);
  const { queue, count, selected, toast, views } = consoleScreen(page);
  await expect(selected).toContainText('Ada');
  await page.keyboard.press('i');
  await expect(count('Ignored')).toHaveAccessibleName('Ignored 1 comment');
  await expect(selected).toContainText('Ben');

  // Cleo (id 3) goes to customer service from a terminal: the console shows it without a reload.
  await cli('route', '3', 'service');
  await expect(count('Customer service')).toHaveAccessibleName('Customer service 1 comment');
  await expect(queue.getByRole('option', { name: /Cleo/ })).toHaveCount(0);

  // z undoes this window's own last action (Ada), not the terminal's; the toast names it.
  await page.keyboard.press('z');
  await expect(toast('Undid route of Ada ("Ada writes about the outage.")')).toBeVisible();
  await expect(selected).toContainText('Ada');
  await expect(count('Ignored')).toHaveAccessibleName('Ignored 0 comments');
  await expect(count('Customer service')).toHaveAccessibleName('Customer service 1 comment');
  await page.keyboard.press('z');
  await expect(toast('Nothing to undo in this window.')).toBeVisible();
  await expect(count('Customer service')).toHaveAccessibleName('Customer service 1 comment');

  // Ada done here, then sent to customer service from the terminal: z leaves the terminal's change be, and says why.
  await page.keyboard.press('e');
  await expect(count('Done')).toHaveAccessibleName('Done 1 comment');
  await cli('route', '1', 'service');
  await expect(count('Customer service')).toHaveAccessibleName('Customer service 2 comments');
  await page.keyboard.press('z');
  await expect(toast("Not undone: Ada's comment changed since, in another window or a terminal. z again goes further back.")).toBeVisible();
  await expect(count('Customer service')).toHaveAccessibleName('Customer service 2 comments');
  await page.keyboard.press('z');
  await expect(toast('Nothing to undo in this window.')).toBeVisible();

  // An unsubscribe in the terminal takes the feed off the sidebar.
  await expect(views.getByText('Hostwise status blog')).toHaveCount(1);
  await cli('unsubscribe', '1');
  await expect(views.getByText('Hostwise status blog')).toHaveCount(0);
});

test('the whole day in one page: bulk keys, the spotlight, a note, a reply with punctuation, search and back, a terminal beside it', async ({ dbPath, consolePage: page }) => {
  const cli = switchboardOn(dbPath);
  await cli('template', 'add', 'Greeting', '--lane', 'service', '--text', 'Hi {{author}}.');
  await cli('members');
  await page.reload();
  const { queue, count, selected, toast } = consoleScreen(page);
  const detail = page.getByRole('region', { name: 'Item detail' });
  const shownAuthor = detail.getByRole('heading', { level: 2 });
  await expect(selected).toContainText('Ada');

  // Morning triage: two bulk actions, the cursor on the next comment each time.
  await press(page, 'x', 'j', 'x', 'Shift+S');
  await expect(count('Customer service')).toHaveAccessibleName('Customer service 2 comments');
  await expect(shownAuthor).toHaveText('Cleo');
  await press(page, 'x', 'j', 'x', 'Shift+I');
  await expect(count('Ignored')).toHaveAccessibleName('Ignored 2 comments');
  await expect(shownAuthor).toHaveText('Eva');

  // Two helpers to the spotlight, then through them and back: one action bar.
  await press(page, 'c');
  await expect(shownAuthor).toHaveText('Finn');
  await press(page, 'c');
  await expect(count('Spotlight')).toHaveAccessibleName('Spotlight 2 comments');
  await press(page, 'g', 'c');
  await expect(page.getByRole('heading', { name: 'Spotlight', level: 1 })).toBeVisible();
  await expect(shownAuthor).toHaveText('Eva');
  await press(page, 'j');
  await expect(shownAuthor).toHaveText('Finn');
  await press(page, 'k');
  await expect(shownAuthor).toHaveText('Eva');
  await expect(detail.getByRole('button', { name: 'Feature', exact: true })).toHaveCount(1);

  // A member note, closed with Escape.
  await detail.getByRole('button', { name: "Open Eva's profile" }).click();
  await page.getByLabel('Private note (moderators only; shown with their comments)').fill('Wrote the migration guide');
  await page.keyboard.press('Escape');
  await expect(detail.getByRole('note', { name: 'Member note' })).toContainText('Note on Eva: Wrote the migration guide');

  // A reply with a semicolon, and a saved reply by its chord.
  await press(page, 'g', 's');
  await expect(page.getByRole('heading', { name: 'Customer service', level: 1 })).toBeVisible();
  await queue.getByRole('option', { name: /Ada/ }).click();
  await press(page, 'r');
  const reply = page.getByRole('textbox', { name: 'Reply text' });
  await expect(reply).toBeFocused();
  await page.keyboard.type('Refunds apply. Sorry; really. ');
  await page.keyboard.press('Control+;');
  await page.keyboard.type('greet');
  await page.keyboard.press('Enter');
  await expect(reply).toHaveValue('Refunds apply. Sorry; really. Hi Ada.');

  // Escape back to the list, search and into the results, Escape twice to clear.
  await page.keyboard.press('Escape');
  await expect(queue).toBeFocused();
  await press(page, '/');
  await page.keyboard.type('Ben');
  await page.keyboard.press('Enter');
  await expect(queue).toBeFocused();
  await expect(queue.getByRole('option')).toHaveText([/Ben/]);
  await expect(shownAuthor).toHaveText('Ben');
  await press(page, 'Escape');
  await expect(queue.getByRole('option')).toHaveCount(2);

  // The terminal beside it: its route shows here; z undoes this window's last action (Finn to the spotlight), by name.
  await cli('route', '7', 'spotlight');
  await expect(count('Spotlight')).toHaveAccessibleName('Spotlight 3 comments');
  await press(page, 'z');
  await expect(toast('Undid route of Finn ("Finn writes about the outage.")')).toBeVisible();
  await expect(shownAuthor).toHaveText('Finn');
  await expect(count('Spotlight')).toHaveAccessibleName('Spotlight 2 comments');
  await expect(count('Inbox')).toHaveAccessibleName('Inbox 2 comments');
});

// Issue 13's keyboard model, as a moderator uses it: the command palette (Ctrl+K), keys for the
// reply and the spotlight actions, g then a letter for every view, "Select all N matching" after
// Shift+X, and a shortcut sheet and empty pane that follow rebinding. Each test failed before the
// change it covers.
import { expect, test } from './support/fixtures';
import { switchboardOn } from './support/cli';
import { consoleScreen } from './support/console-screen';

const AUTHORS = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eva', 'Finn'];

test.use({
  seed: {
    feedTitle: 'Hostwise status blog',
    // Ada is newest (id 1), then Ben, Cleo...; all in one thread, so each has earlier comments it may have answered.
    comments: AUTHORS.map((author, index) => ({ author, text: `${author} writes about the outage.`, thread: 'Outage on 26 November', minutesAgo: 5 + index * 10 })),
  },
});

test('Ctrl+K finds any action by a few letters, shows its key, runs it on the comment, and Escape puts focus back', async ({ dbPath, consolePage: page }) => {
  await switchboardOn(dbPath)('template', 'add', 'Refund policy', '--lane', 'service', '--text', 'Hi {{author}}, refunds take 5 days.');
  await page.reload();
  const { queue, selected, count, detail, toast } = consoleScreen(page);
  await expect(selected).toContainText('Ada');
  await queue.focus();

  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const query = palette.getByRole('combobox', { name: 'Command' });
  const commands = palette.getByRole('listbox', { name: 'Commands' });
  await page.keyboard.press('Control+k');
  await expect(query).toBeFocused();
  await expect(palette).toContainText('Enter runs it on the comment by Ada.');
  // Every kind of command is there, with its key.
  await expect(commands.getByRole('option', { name: /Customer service\s*s$/ })).toHaveCount(1);
  await query.fill('custmer srvice');
  await expect(commands.getByRole('option').first()).toHaveText(/Customer service\s*s$/);
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(count('Customer service')).toHaveAccessibleName('Customer service 1 comment');
  await expect(toast('comment to customer service.')).toBeVisible();
  await expect(selected).toContainText('Ben');
  await expect(queue).toBeFocused();

  // Escape closes it and focus goes back where it was: the list...
  await page.keyboard.press('Control+k');
  await expect(query).toBeFocused();
  await page.keyboard.type('snoozed');
  await expect(commands.getByRole('option').first()).toHaveText(/Go to Snoozed\s*g z$/);
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(queue).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inbox');

  // ...or the reply being typed, its text kept. A saved reply from the palette goes in at the cursor.
  await page.keyboard.press('r');
  const reply = detail.getByRole('textbox', { name: 'Reply text' });
  await expect(reply).toBeFocused();
  await page.keyboard.type('Sorry; ');
  await page.keyboard.press('Control+k');
  await expect(query).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reply).toBeFocused();
  await expect(reply).toHaveValue('Sorry; ');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('refund polcy');
  await expect(commands.getByRole('option').first()).toHaveText(/Saved reply\s*Insert saved reply: Refund policy\s*Ctrl\+;$/);
  await page.keyboard.press('Enter');
  await expect(reply).toHaveValue('Sorry; Hi Ben, refunds take 5 days.');
  await expect(reply).toBeFocused();

  // Views and settings are commands too.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('single key');
  await expect(commands.getByRole('option').first()).toHaveText(/Setting\s*Turn single-key shortcuts off/);
  await page.keyboard.press('Escape');
});

test('Enter in the palette acts on the ticked comments when there are some', async ({ consolePage: page }) => {
  const { selected, count, toast } = consoleScreen(page);
  await expect(selected).toContainText('Ada');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toContainText('Enter runs it on the 2 ticked comments.');
  await page.keyboard.type('ignore');
  await page.keyboard.press('Enter');
  await expect(count('Ignored')).toHaveAccessibleName('Ignored 2 comments');
  await expect(toast('Ignored 2 comments (')).toBeVisible();
  await expect(selected).toContainText('Cleo');
});

test('keys feature, thank, invite and mark the community answer in the spotlight, and mark a reply ready', async ({ consolePage: page }) => {
  const { selected, detail, toast, count } = consoleScreen(page);
  await expect(selected).toContainText('Ada');
  for (const key of ['c', 'c', 'c']) await page.keyboard.press(key);
  await expect(count('Spotlight')).toHaveAccessibleName('Spotlight 3 comments');
  // Outside the spotlight a spotlight key says why it does nothing.
  await page.keyboard.press('f');
  await expect(toast('Feature, Thank, Invite and Community answer are for comments in the community spotlight')).toBeVisible();

  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(selected).toContainText('Ada');
  await expect(detail.getByRole('button', { name: 'Feature', exact: true })).toBeVisible();

  // f: the feature form, its note field ready for typing.
  await page.keyboard.press('f');
  const why = detail.getByRole('textbox', { name: 'Why it stands out' });
  await expect(why).toBeFocused();
  await page.keyboard.type('Explained the workaround');
  await page.keyboard.press('Enter');
  await expect(toast('Featured: it will be in the next highlights digest.')).toBeVisible();
  // The form has closed: a key pressed while its field still has focus is typed into it.
  await expect(why).toHaveCount(0);

  // t: a thank-you drafted at once.
  await page.keyboard.press('t');
  await expect(toast('Thank-you drafted below.')).toBeVisible();
  await expect(detail.getByRole('textbox', { name: 'Reply text' })).not.toHaveValue('');

  // m: the drafted reply marked ready.
  await page.keyboard.press('m');
  await expect(toast('Reply ready to export.')).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Reply' })).toContainText('Ready to export');

  // n: the invitation form, its choice focused.
  await page.keyboard.press('j');
  await expect(selected).toContainText('Ben');
  await page.keyboard.press('n');
  await expect(detail.getByRole('combobox', { name: 'Invite to' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(toast('Invitation drafted below.')).toBeVisible();

  // w: the earlier comments of the thread to choose from, the first focused.
  await page.keyboard.press('j');
  await expect(selected).toContainText('Cleo');
  await page.keyboard.press('w');
  const question = detail.getByRole('list', { name: 'Which question did it answer?' }).getByRole('button').first();
  await expect(question).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toast(/Marked as the community answer to /)).toBeVisible();
});

test('g then a letter goes to every view', async ({ consolePage: page }) => {
  const { heading, selected } = consoleScreen(page);
  await expect(selected).toContainText('Ada');
  for (const [letter, view] of [['z', 'Snoozed'], ['n', 'Ignored'], ['a', 'All'], ['s', 'Customer service'], ['c', 'Spotlight'], ['d', 'Done'], ['i', 'Inbox']] as const) {
    await page.keyboard.press('g');
    await page.keyboard.press(letter);
    await expect(heading).toHaveText(view);
  }
});

test('the shortcut sheet lists the palette and reply keys, and it and the empty pane follow rebinding', async ({ consolePage: page }) => {
  const { heading, detail } = consoleScreen(page);
  await expect(heading).toHaveText('Inbox');
  // Next comment rebound to l in Settings.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Change the key for Next comment' }).click();
  await page.keyboard.press('l');
  await expect(settings.getByRole('list', { name: 'Keys' }).getByRole('listitem').filter({ hasText: 'Next comment' }).locator('kbd')).toHaveText('l');
  // The new keys are rebindable there too.
  await expect(settings.getByRole('button', { name: 'Change the key for Thank (spotlight)' })).toHaveCount(1);
  await page.keyboard.press('Escape');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const row = (label: string) => help.getByRole('definition').filter({ hasText: label }).locator('xpath=preceding-sibling::dt[1]');
  await expect(row('Next comment')).toHaveText('l');
  await expect(row('Command palette')).toHaveText('Ctrl+K');
  await expect(row('Insert a saved reply')).toHaveText('Ctrl+;');
  await expect(row('Mark the reply ready')).toHaveText('m');
  await expect(row('Go to Snoozed')).toHaveText('g z');
  await page.keyboard.press('Escape');

  // An empty view's pane suggests the keys as bound now.
  await page.keyboard.press('g');
  await page.keyboard.press('z');
  await expect(heading).toHaveText('Snoozed');
  await expect(detail).toContainText('l / k to move, s c i to route, ? for every shortcut, Ctrl+K for every command.');
});

test.describe('a view longer than its first page', () => {
  test.use({
    seed: {
      feedTitle: 'Busy forum',
      // 120 ask for a refund, 10 say thanks: a search for "refund" matches more than one page.
      comments: Array.from({ length: 130 }, (_, index) => ({ author: `Member ${index + 1}`, text: index < 120 ? `Refund request ${index + 1}.` : `Thanks ${index + 1}.`, thread: 'Busy thread', minutesAgo: 5 + index })),
    },
  });

  test('after Shift+X, "Select all 130 matching" ticks every one, and a bulk key acts on all of them', async ({ consolePage: page }) => {
    const { selected, count } = consoleScreen(page);
    const bulk = page.getByRole('toolbar', { name: 'Selected comments' });
    await expect(selected).toContainText('Member 1');
    await page.keyboard.press('Shift+X');
    await expect(bulk).toContainText('100 of 130 selected');
    await expect(bulk.getByRole('button', { name: 'Select all 130 matching' })).toBeVisible();
    // Shift+X again takes the offer.
    await page.keyboard.press('Shift+X');
    await expect(bulk).toContainText('All 130 matching selected');
    await page.keyboard.press('Shift+I');
    await expect(count('Ignored')).toHaveAccessibleName('Ignored 130 comments');
    await expect(count('Inbox')).toHaveAccessibleName('Inbox 0 comments');
  });

  test('with a filter, the offer counts and ticks only what matches', async ({ consolePage: page }) => {
    const { selected, count } = consoleScreen(page);
    const bulk = page.getByRole('toolbar', { name: 'Selected comments' });
    await expect(selected).toContainText('Member 1');
    await page.keyboard.press('/');
    await page.keyboard.type('refund');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Inbox', exact: true }).locator('header')).toHaveText('Inbox120');
    await page.keyboard.press('Shift+X');
    await expect(bulk).toContainText('100 of 120 selected');
    await bulk.getByRole('button', { name: 'Select all 120 matching' }).click();
    await expect(bulk).toContainText('All 120 matching selected');
    await page.keyboard.press('Shift+S');
    await expect(count('Customer service')).toHaveAccessibleName('Customer service 120 comments');
    await expect(count('Inbox')).toHaveAccessibleName('Inbox 10 comments');
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './support/electron';
import { expect, test } from './support/fixtures';

const run = promisify(execFile);

test.describe('customer-service desk', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise status blog',
      comments: [
        { author: 'Priya N', text: 'Checkout has been down for two hours. Is there an ETA?', thread: 'Frankfurt outage', minutesAgo: 30 },
        { author: 'Marcus T', text: 'Flushing DNS fixed it for me.', thread: 'Frankfurt outage', minutesAgo: 20 },
      ],
    },
  });

  test('routes a comment to customer service, stacks two saved replies (one asking for a ticket), marks it ready and exports CSV', async ({ dbPath, consolePage: page }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'the export downloads in browser mode; Electron shows its save dialog instead');
    const cli = (...args: string[]) => run(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'switchboard.cjs'), '--db', dbPath, ...args]);
    await cli('template', 'add', 'Greeting', '--lane', 'service', '--text', 'Hi {{author}}, thanks for reporting this.');
    await cli('template', 'add', 'Ticket opened', '--lane', 'service', '--text', ' We opened ticket {{ticket}} about "{{thread_title}}". — {{moderator}}', '--declare', 'ticket');
    await cli('api', 'settings-update', '{"moderatorName":"Sam at Hostwise"}');
    await page.reload();

    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /Priya N/ }).click();
    await page.keyboard.press('s');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await expect(queue.getByRole('option', { name: /Priya N/ })).toHaveAttribute('aria-selected', 'true');

    const reply = page.getByRole('region', { name: 'Reply' });
    await expect(reply).toContainText('Open');
    const text = reply.getByRole('textbox', { name: 'Reply text' });
    await text.click();
    await page.keyboard.press('Control+;');
    await page.getByLabel('Find a saved reply').fill('greet');
    await page.keyboard.press('Enter');
    await expect(text).toHaveValue('Hi Priya N, thanks for reporting this.');
    await page.keyboard.press('Control+;');
    await page.getByLabel('Find a saved reply').fill('ticket');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'ticket' }).fill('#4821');
    await page.getByRole('button', { name: 'Insert', exact: true }).click();
    const expected = 'Hi Priya N, thanks for reporting this. We opened ticket #4821 about "Frankfurt outage". — Sam at Hostwise';
    await expect(text).toHaveValue(expected);
    await expect(reply.getByRole('status')).toHaveText('Saved');
    await expect(reply.getByLabel('Export preview')).toContainText(expected);

    await reply.getByRole('button', { name: 'Mark ready' }).click();
    await expect(reply).toContainText('Ready to export');
    await page.screenshot({ path: test.info().outputPath('composer.png') });

    await expect(page.getByText('1 ready to export')).toBeVisible();
    await page.getByRole('button', { name: 'Export replies…' }).click();
    await expect(page.getByRole('dialog', { name: 'Export replies' }).getByRole('status')).toHaveText('1 reply will be exported.');
    const downloading = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Export replies' }).getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^switchboard-replies-\d{4}-\d\d-\d\d\.csv$/);
    // After the UTF-8 mark spreadsheets read the encoding from.
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFcommentUrl,thread,threadUrl,author,comment,reply,templates,incident,createdAt,updatedAt');
    expect(csv).toContain(`"${expected.replace(/"/g, '""')}"`);
    expect(csv).toContain('"Greeting, Ticket opened"');
    await expect(reply).toContainText('Exported');
  });

  test('keeps a draft typed by hand across a reload, and resolves as answered by the community', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /Priya N/ }).click();
    await page.keyboard.press('s');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    const text = page.getByRole('textbox', { name: 'Reply text' });
    await text.fill('Looking into it');
    await expect(page.getByRole('region', { name: 'Reply' }).getByRole('status')).toHaveText('Saved');
    await page.reload();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Customer service/ }).click();
    await expect(page.getByRole('textbox', { name: 'Reply text' })).toHaveValue('Looking into it');

    await page.getByRole('region', { name: 'Thread' }).getByRole('button', { name: 'Answered it' }).click();
    await expect(page.getByRole('button', { name: /^Spotlight/ })).toHaveAccessibleName('Spotlight 1 comment');
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await expect(page.getByRole('textbox', { name: 'Reply text' })).toHaveValue(/^Thank you, Marcus T, for helping out in "Frankfurt outage"/);
  });
});

test.describe('saved replies by kind', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise status blog',
      comments: [
        { author: 'Priya N', text: 'Checkout has been down for two hours. Is there an ETA?', thread: 'Frankfurt outage', minutesAgo: 30 },
        { author: 'Marcus T', text: 'Flushing DNS fixed it for me.', thread: 'Frankfurt outage', minutesAgo: 20 },
      ],
    },
  });

  test('"Answered it" drafts the reply declared as the thank-you, not the first spotlight reply by name (issue 13, bug 6)', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /Priya N/ }).click();
    await page.keyboard.press('s');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.getByRole('button', { name: 'Saved replies…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Saved replies' });
    const add = async (name: string, text: string, kind: string) => {
      await dialog.getByRole('button', { name: 'New saved reply' }).click();
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('combobox', { name: 'Lane' }).selectOption('spotlight');
      await dialog.getByRole('combobox', { name: 'Used for' }).selectOption({ label: kind });
      await dialog.getByRole('textbox', { name: 'Text' }).fill(text);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog.getByRole('listitem', { name })).toBeVisible();
    };
    await add('A guest post?', 'Hi {{author}}, write a guest post for us?', 'The invitation to write a guest post (Invite drafts it)');
    await add('Thanks, from us', 'Thank you {{author}}, that fixed it for Priya.', 'The thank-you (Thank and "Answered it" draft it)');
    await expect(dialog.getByRole('listitem', { name: 'Thanks, from us' })).toContainText('thank-you');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await queue.getByRole('option', { name: /Priya N/ }).click();
    await page.getByRole('region', { name: 'Thread' }).getByRole('button', { name: 'Answered it' }).click();
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await expect(page.getByRole('textbox', { name: 'Reply text' })).toHaveValue('Thank you Marcus T, that fixed it for Priya.');

    // Invite names the reply each kind drafts, and drafts that one.
    await page.getByRole('textbox', { name: 'Reply text' }).fill('');
    await expect(page.getByRole('region', { name: 'Reply' }).getByRole('status')).toHaveText('Saved');
    await page.getByRole('region', { name: 'Spotlight' }).getByRole('button', { name: 'Invite' }).click();
    const kinds = page.getByRole('combobox', { name: 'Invite to' });
    await expect(kinds.getByRole('option')).toHaveText(['Write a guest post (saved reply "A guest post?")', "Volunteer (Switchboard's text)", "Become a moderator (Switchboard's text)"]);
    await page.getByRole('button', { name: 'Draft invitation' }).click();
    await expect(page.getByRole('textbox', { name: 'Reply text' })).toHaveValue('Hi Marcus T, write a guest post for us?');
  });
});

test.describe('look-alike complaints', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise forum',
      comments: [
        { author: 'Kim', text: 'Site unreachable since nine.', thread: 'Downtime report', minutesAgo: 40 },
        { author: 'Jo', text: 'Getting 502 errors on checkout.', thread: 'Downtime report', minutesAgo: 20 },
      ],
    },
  });

  test('"Find similar complaints" selects the same thread\'s other service comment even with no word in common (issue 13, bug 10)', async ({ consolePage: page }) => {
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /Kim/ }).click();
    await page.keyboard.press('Shift+X');
    await page.keyboard.press('Shift+S');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await expect(queue.getByRole('option')).toHaveCount(2);
    await queue.getByRole('option', { name: /Kim/ }).click();
    await page.getByRole('region', { name: 'Reply' }).getByRole('button', { name: 'Find similar complaints' }).click();
    await expect(page.getByText('2 look-alike complaints selected')).toBeVisible();
    await expect(page.getByRole('toolbar', { name: 'Selected comments' })).toContainText('2 selected');
  });
});

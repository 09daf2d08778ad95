import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const VIEWS = ['Inbox', 'Customer service', 'Spotlight', 'Snoozed', 'Ignored', 'Done', 'All'];

test.describe('an empty console', () => {
  test('shows the sidebar of views, an empty queue that says how to start, and the detail pane', async ({ consolePage: page }) => {
    const views = page.getByRole('navigation', { name: 'Views' });
    for (const view of VIEWS) await expect(views.getByRole('button', { name: new RegExp(`^${view}`) })).toBeVisible();
    await expect(views.getByRole('button', { name: /^Inbox/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Subscribe to a feed to start' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Item detail' })).toContainText('Select a comment to read it here.');
    await expect(page.getByText('No feeds yet.')).toBeVisible();
  });

  test('keeps its token out of the address bar and keeps working after a reload', async ({ consolePage: page }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'the token belongs to browser mode; Electron talks over IPC');
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Subscribe to a feed to start' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('runs no inline script, even one slipped into the page', async ({ consolePage: page }, testInfo) => {
    const inject = async (target: Page) => {
      await target.evaluate(() => {
        const img = document.createElement('img');
        img.setAttribute('src', 'data:,');
        img.setAttribute('onerror', 'window.__injected = "handler"');
        document.body.append(img);
        const script = document.createElement('script');
        script.textContent = 'window.__injected = "script"';
        document.body.append(script);
      });
      await target.waitForTimeout(200);
      return target.evaluate(() => (window as { __injected?: string }).__injected);
    };
    if (testInfo.project.name === 'browser') {
      // Control: the same injection does run on a page without the console's CSP.
      const bare = await page.context().newPage();
      await bare.setContent('<body></body>');
      expect(await inject(bare)).toBeDefined();
      await bare.close();
    }
    expect(await inject(page)).toBeUndefined();
  });
});

test.describe('a console with comments', () => {
  test.use({
    seed: {
      feedTitle: 'Acme status blog',
      comments: [
        { author: 'Priya N', text: 'Our checkout has been failing since 9:00, is there an ETA?', thread: 'Outage on 26 November', minutesAgo: 5 },
        { author: 'Marcus T', text: 'Clearing the DNS cache fixed it for me, try ipconfig /flushdns.', thread: 'Outage on 26 November', minutesAgo: 12 },
        { author: 'Lee', text: 'Great write-up, thanks for the transparency.', thread: 'Post-mortem', minutesAgo: 90 },
      ],
    },
  });

  test('lists them newest first with counts, and shows the one picked by click or arrow key', async ({ consolePage: page }) => {
    await expect(page.getByRole('button', { name: /^Inbox/ })).toContainText('3');
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await expect(queue.getByRole('option')).toHaveCount(3);
    await expect(queue.getByRole('option').first()).toContainText('Priya N');

    // The first comment is selected as the view opens.
    await expect(queue.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await queue.getByRole('option', { name: /Marcus T/ }).click();
    const detail = page.getByRole('region', { name: 'Item detail' });
    await expect(detail).toContainText('Clearing the DNS cache fixed it for me');
    await expect(detail).toContainText('Outage on 26 November');

    await queue.press('ArrowDown');
    await expect(detail).toContainText('Great write-up');
    await expect(queue.getByRole('option', { name: /Lee/ })).toHaveAttribute('aria-selected', 'true');
    await page.screenshot({ path: test.info().outputPath('console.png') });

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Done/ }).click();
    await expect(page.getByText('Nothing finished yet.')).toBeVisible();
  });
});

test.describe('the HTTP bridge', () => {
  test('answers 401 to an API request without the token', async ({ served, request }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'the HTTP bridge is browser mode only');
    const anonymous = await request.post(`${served.origin}/api/call/app-info`, { data: {} });
    expect(anonymous.status()).toBe(401);
    const withToken = await request.post(`${served.origin}/api/call/app-info`, { data: {}, headers: { Authorization: `Bearer ${served.token}` } });
    expect(withToken.status()).toBe(200);
    expect(await withToken.json()).toMatchObject({ ok: true, result: { dbPath: served.dbPath, schemaVersion: expect.any(Number) } });
  });
});

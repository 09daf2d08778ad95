import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

const NARROW = { width: 1024, height: 700 };
const WIDE = { width: 1440, height: 900 };

/** Screenshots to look at by eye, outside the repository. */
function shot(page: Page, name: string) {
  return page.screenshot({ path: path.join(os.tmpdir(), 'switchboard-shots', `${name}.png`) });
}

/** Loads the sample feeds from the empty screen and opens the first comment of the Inbox. */
async function samplesOpen(page: Page) {
  await page.getByRole('button', { name: 'Try it with sample feeds' }).click();
  const queue = page.getByRole('listbox', { name: 'Queue' });
  await queue.getByRole('option').first().click();
  await expect(page.getByRole('region', { name: 'Item detail' }).getByRole('heading', { level: 2 })).not.toHaveText('');
  // The outcome of loading them stays in the header: its longest text, next to its buttons.
  await expect(page.getByRole('status').filter({ hasText: 'Sample feeds loaded' })).toBeVisible();
  return queue;
}

/** Each button's text on one line: as tall as a button of one line. */
async function expectOneLine(buttons: Locator) {
  const heights = await buttons.evaluateAll((elements) =>
    elements.map((element) => {
      const style = getComputedStyle(element);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.25;
      const content = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return { text: element.textContent, lines: Math.round(content / lineHeight) };
    }),
  );
  expect(heights.filter((button) => button.lines !== 1)).toEqual([]);
}

/** The header's buttons, at the top of the workspace. */
function headerButtons(page: Page) {
  return page.getByRole('main').getByRole('button', { name: /^(Subscribe…|Feed health|Fetch now)$/ });
}

/** What a moderator reads at a glance, all inside the window with the page itself unscrolled. */
async function expectNothingBelowTheFold(page: Page, queue: Locator) {
  const detail = page.getByRole('region', { name: 'Item detail' });
  await expect(queue.getByRole('option').first()).toBeInViewport({ ratio: 1 });
  await expect(detail.getByRole('heading', { level: 2 })).toBeInViewport({ ratio: 1 });
  await expect(detail.getByRole('toolbar', { name: 'Route this comment' })).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => [document.scrollingElement!.scrollHeight - window.innerHeight, document.scrollingElement!.scrollWidth - window.innerWidth])).toEqual([0, 0]);
}

test.describe('a narrow window (issue 13)', () => {
  test('at 1024×700 the sidebar is a rail of icons with a menu toggle, and everything important is in view', async ({ consolePage: page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(NARROW);
    const queue = await samplesOpen(page);
    const sidebar = page.getByRole('navigation', { name: 'Views' });
    const toggle = sidebar.getByRole('button', { name: 'Menu' });

    // Collapsed: the views stay one click away, as icons with their counts; the feeds wait behind the toggle.
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(sidebar.getByRole('button', { name: /^Inbox/ })).toHaveAccessibleName('Inbox 35 comments');
    await expect(sidebar.getByRole('button', { name: /^Spotlight/ })).toBeInViewport({ ratio: 1 });
    await expect(sidebar.getByRole('button', { name: /^Sample: Hostwise status blog comments/ })).toBeHidden();
    expect((await sidebar.boundingBox())!.width).toBeLessThan(80);
    await expectOneLine(headerButtons(page));
    await expectNothingBelowTheFold(page, queue);
    await shot(page, 'narrow-1024x700-collapsed');
    // The rail is as readable to a screen reader and as legible as the whole sidebar.
    expect(await axeViolations(page)).toEqual([]);

    // A view from the rail.
    await sidebar.getByRole('button', { name: /^All/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('All');

    // By keyboard: Tab reaches the toggle, Enter opens the whole sidebar over the panes, and every
    // view, feed and link is there; Escape closes it and leaves the focus on the toggle.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const feed = sidebar.getByRole('button', { name: /^Sample: Hostwise status blog comments/ });
    await expect(feed).toBeInViewport();
    await expect(sidebar.getByRole('button', { name: 'Settings' })).toBeInViewport({ ratio: 1 });
    await shot(page, 'narrow-1024x700-open');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    await expect(feed).toBeHidden();

    // Choosing a feed from the open sidebar shows it and folds the sidebar away again.
    await page.keyboard.press('Enter');
    await feed.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(queue.getByRole('option').first()).toContainText('Sample: Hostwise status blog comments');

    // A customer-service comment with its composer open: still nothing out of reach.
    await queue.getByRole('option').first().click();
    await page.keyboard.press('s');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await queue.getByRole('option').first().click();
    await page.keyboard.press('r');
    await expect(page.getByRole('textbox', { name: 'Reply text' })).toBeFocused();
    await expectNothingBelowTheFold(page, queue);
    await expectOneLine(headerButtons(page));
    await shot(page, 'narrow-1024x700-service');
  });

  test('at 1440×900 the sidebar stays whole, with no toggle, and the header on one line', async ({ consolePage: page }) => {
    await page.setViewportSize(WIDE);
    const queue = await samplesOpen(page);
    const sidebar = page.getByRole('navigation', { name: 'Views' });
    await expect(sidebar.getByRole('button', { name: 'Menu' })).toBeHidden();
    await expect(sidebar.getByRole('button', { name: /^Sample: Hostwise status blog comments/ })).toBeVisible();
    await expect(sidebar.getByRole('button', { name: 'Settings' })).toBeInViewport({ ratio: 1 });
    expect((await sidebar.boundingBox())!.width).toBeGreaterThan(200);
    await expectOneLine(headerButtons(page));
    await expectNothingBelowTheFold(page, queue);
    await shot(page, 'wide-1440x900');

    // Every view's row on one line, "Customer service" with its overdue count too.
    await page.keyboard.press('s');
    await expect(sidebar.getByText(/^\d+ overdue$/)).toBeVisible();
    await expectOneLine(sidebar.getByRole('button', { name: /^(Inbox|Customer service|Spotlight|Snoozed|Ignored|Done|All) / }));
    await shot(page, 'wide-1440x900-overdue');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { PROJECT_ROOT } from './support/electron';
import { expect, test } from './support/fixtures';

/**
 * Form fields a screen reader would announce without a name. A placeholder or a title is not a
 * label (it vanishes as one types, or never shows): axe accepts them, so this checks on its own.
 */
function unlabelledFields(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
      .filter((field) => field.type !== 'hidden')
      .filter((field) => !field.labels?.length && !field.getAttribute('aria-label')?.trim() && !field.getAttribute('aria-labelledby'))
      .map((field) => field.outerHTML.slice(0, 120)),
  );
}

/** The screen as it is must pass: every field labelled, and axe's WCAG A and AA rules, colour contrast among them. */
async function expectAccessible(page: Page) {
  expect(await unlabelledFields(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
}

test.describe('accessibility (issue 13)', () => {
  test('the main screens pass axe, with the selected row and the current view at 4.5:1 or better', async ({ consolePage: page }) => {
    test.setTimeout(90_000);
    await page.getByRole('button', { name: 'Try it with sample feeds' }).click();
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option').first().click();
    await expect(queue.getByRole('option', { selected: true })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Inbox/ })).toHaveAttribute('aria-current', 'page');

    // The selected row's own text (its date, feed and thread in the muted colour) against its highlight.
    const selected = await new AxeBuilder({ page }).include('[role="option"][aria-selected="true"]').withRules(['color-contrast']).analyze();
    expect(selected.passes.map((rule) => rule.id)).toContain('color-contrast');
    expect(selected.violations.flatMap((violation) => violation.nodes.map((node) => node.failureSummary))).toEqual([]);

    // The Inbox with a comment open.
    await expectAccessible(page);

    // A customer-service comment with the composer open.
    await page.keyboard.press('s');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await queue.getByRole('option').first().click();
    await page.keyboard.press('r');
    await expect(page.getByRole('textbox', { name: 'Reply text' })).toBeFocused();
    await expectAccessible(page);

    // A search, its results listed.
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await page.keyboard.press('/');
    await page.keyboard.type('webhook');
    await expect(queue.getByRole('option').first()).toContainText(/webhook/i);
    await expectAccessible(page);

    // The command palette, its first command highlighted.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');

    // Settings, where most of the form fields are.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page);
  });

  test('the console has a favicon, served under the console\'s CSP and built into the renderer', async ({ consolePage: page }, testInfo) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await page.reload();
    await expect(page.getByRole('button', { name: 'Try it with sample feeds' })).toBeVisible();

    await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
    const href = await page.locator('link[rel="icon"]').evaluate((link: HTMLLinkElement) => link.href);
    expect(href).toMatch(/\.svg$/);
    // The built renderer carries the file the link names.
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'out', 'renderer', new URL(href).pathname.split('/').pop()!))).toBe(true);
    if (testInfo.project.name === 'browser') {
      // Browser mode serves it (no token needed for the console's own files), as an image.
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/svg+xml');
      expect(await response.text()).toContain('<svg');
      // Chromium loads it into an image under the page's CSP (img-src 'self').
      const loaded = await page.evaluate(
        (url) =>
          new Promise<boolean>((resolve) => {
            const image = new Image();
            image.onload = () => resolve(image.naturalWidth > 0);
            image.onerror = () => resolve(false);
            image.src = url;
          }),
        href,
      );
      expect(loaded).toBe(true);
    }
    expect(refused).toEqual([]);
  });
});

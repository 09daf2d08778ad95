import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** How far the queue pane, its bulk bar and the page reach past their own width (0: no sideways scroll). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const pane = document.getElementById('queue-heading')!.closest('section')!;
    const bar = pane.querySelector('[role="toolbar"]')!;
    const paneBox = pane.getBoundingClientRect();
    const outside = [...bar.querySelectorAll('button, input')].filter((control) => control.getBoundingClientRect().right > paneBox.right + 0.5);
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      pane: pane.scrollWidth - pane.clientWidth,
      controlsOutsidePane: outside.map((control) => control.textContent || control.getAttribute('aria-label')),
    };
  });
}

test.describe('narrow and wide windows', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise status blog',
      comments: [
        { author: 'Priya N', text: 'Checkout is down in Frankfurt.', thread: 'Frankfurt outage', minutesAgo: 30 },
        { author: 'Lee', text: 'Frankfurt sites down too.', thread: 'Frankfurt outage', minutesAgo: 20 },
        { author: 'Ana', text: 'Down here as well.', thread: 'Frankfurt outage', minutesAgo: 10 },
      ],
    },
  });

  for (const viewport of [{ width: 1024, height: 700 }, { width: 1440, height: 900 }]) {
    test(`"Make incident…" keeps the bulk bar inside the list pane at ${viewport.width}×${viewport.height} (issue 13, bug 11)`, async ({ consolePage: page }) => {
      await page.setViewportSize(viewport);
      const queue = page.getByRole('listbox', { name: 'Queue' });
      await queue.getByRole('option', { name: /Priya N/ }).click();
      await page.keyboard.press('Shift+X');
      await page.keyboard.press('Shift+S');
      await page.keyboard.press('g');
      await page.keyboard.press('s');
      await expect(queue.getByRole('option')).toHaveCount(3);
      await page.keyboard.press('Shift+X');
      const bar = page.getByRole('toolbar', { name: 'Selected comments' });
      await expect(bar).toContainText('3 selected');
      await bar.getByRole('button', { name: 'Make incident…' }).click();
      await bar.getByRole('textbox', { name: 'Incident name' }).fill('Frankfurt outage on the 24th');
      await page.screenshot({ path: test.info().outputPath(`incident-${viewport.width}x${viewport.height}.png`) });
      expect(await overflow(page)).toEqual({ page: 0, pane: 0, controlsOutsidePane: [] });

      await bar.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByText('Incident "Frankfurt outage on the 24th" created for 3 comments.')).toBeVisible();
    });
  }
});

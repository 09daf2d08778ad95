import { expectEveryChartExportsWhole } from './support/charts';
import { expect, test } from './support/fixtures';

test.describe('dashboard charts', () => {
  test.use({
    seed: {
      feedTitle: 'Hostwise status blog',
      comments: [
        { author: 'Priya N', text: 'Checkout is down.', thread: 'Frankfurt outage', minutesAgo: 60 },
        { author: 'Marcus T', text: 'Flushing DNS fixed it for me.', thread: 'Frankfurt outage', minutesAgo: 50 },
      ],
    },
  });

  test('each chart saves whole, as SVG and PNG, with its title and legend (issue 13, bug 4)', async ({ consolePage: page }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'the files download in browser mode; Electron shows its save dialog instead');
    const queue = page.getByRole('listbox', { name: 'Queue' });
    await queue.getByRole('option', { name: /Priya N/ }).click();
    await page.keyboard.press('s');
    await queue.getByRole('option', { name: /Marcus T/ }).click();
    await page.keyboard.press('c');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Dashboard' }).click();
    await expect(page.getByRole('dialog', { name: 'Dashboard' })).toBeVisible();
    await expectEveryChartExportsWhole(page, (name) => testInfo.outputPath(name));
  });
});

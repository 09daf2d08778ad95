import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const CHARTS = [
  { title: 'Comments routed per week', file: 'routed-per-week', legend: ['Customer service', 'Spotlight', 'Ignored'] },
  { title: 'Contributors and community answers per week', file: 'contributors-per-week', legend: ['New', 'Returning', 'Community answers'] },
  { title: 'Comments routed per feed', file: 'routed-per-feed', legend: ['Customer service', 'Spotlight', 'Ignored'] },
];

async function download(page: Page, chart: string, format: 'SVG' | 'PNG'): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Dashboard' }).getByRole('figure', { name: chart }).getByRole('button', { name: format }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

/** Width and height from a PNG's header (IHDR, right after the 8-byte signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

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

    for (const chart of CHARTS) {
      const figure = page.getByRole('dialog', { name: 'Dashboard' }).getByRole('figure', { name: chart.title });
      await expect(figure.getByText(chart.legend[0]!, { exact: true }).first()).toBeVisible();
      const plot = (await figure.locator('.recharts-wrapper').boundingBox())!;

      const svg = await download(page, chart.title, 'SVG');
      expect(svg.name).toBe(`${chart.file}.svg`);
      const text = svg.bytes.toString('utf8');
      const [, width, height] = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(text) ?? [];
      expect(Number(width)).toBe(Math.round(plot.width));
      expect(Number(height)).toBeGreaterThan(plot.height);
      expect(text).toContain(`>${chart.title}</text>`);
      for (const series of chart.legend) expect(text).toContain(`>${series}</text>`);

      const png = await download(page, chart.title, 'PNG');
      expect(png.name).toBe(`${chart.file}.png`);
      fs.writeFileSync(testInfo.outputPath(png.name), png.bytes);
      // Drawn at twice the size, for sharp text on high-density screens.
      expect(pngSize(png.bytes)).toEqual({ width: 2 * Number(width), height: 2 * Number(height) });
    }
  });
});

// The dashboard's charts and how a spec downloads one and reads a PNG's size: shared by the
// dashboard-export spec and the moderator's day.
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const CHARTS = [
  { title: 'Comments routed per week', file: 'routed-per-week', legend: ['Customer service', 'Spotlight', 'Ignored'] },
  { title: 'Contributors and community answers per week', file: 'contributors-per-week', legend: ['New', 'Returning', 'Community answers'] },
  { title: 'Comments routed per feed', file: 'routed-per-feed', legend: ['Customer service', 'Spotlight', 'Ignored'] },
];

export async function downloadChart(page: Page, chart: string, format: 'SVG' | 'PNG'): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Dashboard' }).getByRole('figure', { name: chart }).getByRole('button', { name: format }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

/** Width and height from a PNG's header (IHDR, right after the 8-byte signature). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Checks every chart of the open dashboard saves whole as SVG and PNG: its width, title and legend. */
export async function expectEveryChartExportsWhole(page: Page, keepPngsIn?: (name: string) => string): Promise<void> {
  for (const chart of CHARTS) {
    const figure = page.getByRole('dialog', { name: 'Dashboard' }).getByRole('figure', { name: chart.title });
    await expect(figure.getByText(chart.legend[0]!, { exact: true }).first()).toBeVisible();
    const plot = (await figure.locator('.recharts-wrapper').boundingBox())!;

    const svg = await downloadChart(page, chart.title, 'SVG');
    expect(svg.name).toBe(`${chart.file}.svg`);
    const text = svg.bytes.toString('utf8');
    const [, width, height] = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(text) ?? [];
    expect(Number(width)).toBe(Math.round(plot.width));
    expect(Number(height)).toBeGreaterThan(plot.height);
    expect(text).toContain(`>${chart.title}</text>`);
    for (const series of chart.legend) expect(text).toContain(`>${series}</text>`);

    const png = await downloadChart(page, chart.title, 'PNG');
    expect(png.name).toBe(`${chart.file}.png`);
    if (keepPngsIn) fs.writeFileSync(keepPngsIn(png.name), png.bytes);
    // Drawn at twice the size, for sharp text on high-density screens.
    expect(pngSize(png.bytes)).toEqual({ width: 2 * Number(width), height: 2 * Number(height) });
  }
}

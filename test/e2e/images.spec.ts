// Remote images in a comment are not loaded when the comment is opened (no read receipt, no blind
// request from the moderator's machine); "Show images" loads them for that comment only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test as base } from './support/fixtures';

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

interface ImageServer {
  origin: string;
  /** Paths requested so far. */
  requests: string[];
}

const test = base.extend<{ imageServer: ImageServer }>({
  imageServer: async ({}, use) => {
    const requests: string[] = [];
    const server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      response.end(PNG);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await use({ origin: `http://127.0.0.1:${port}`, requests });
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
  // The seed names the image server, so it is built from that fixture rather than set with test.use.
  seed: async ({ imageServer }, use) => {
    await use({
      feedTitle: 'Photo forum',
      comments: [
        {
          author: 'Pia',
          text: 'Here is the chart.',
          html: `<p>Here is the chart, see below.</p><img src="${imageServer.origin}/chart.png?reader=moderator" alt="Sales chart" width="64" height="64" />`,
          thread: 'Monthly numbers',
          minutesAgo: 5,
        },
        { author: 'Quinn', text: 'No pictures here.', thread: 'Monthly numbers', minutesAgo: 15 },
      ],
    });
  },
});

test('a comment’s remote images load only after “Show images”', async ({ consolePage: page, imageServer }) => {
  const detail = page.getByRole('region', { name: 'Item detail' });
  await expect(detail.getByText('Here is the chart, see below.')).toBeVisible();
  // Give a request every chance to arrive: the comment is open and the page is idle.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  expect(imageServer.requests).toEqual([]);
  // The image is there as a placeholder showing its alt text, without a source.
  await expect(detail.getByRole('img', { name: 'Image: Sales chart' })).toBeVisible();
  await expect(detail.locator('img[src]')).toHaveCount(0);

  await detail.getByRole('button', { name: 'Show images' }).click();
  await expect(detail.getByRole('img', { name: 'Sales chart' })).toHaveAttribute('src', `${imageServer.origin}/chart.png?reader=moderator`);
  await expect.poll(() => imageServer.requests).toEqual(['/chart.png?reader=moderator']);
  await expect(detail.getByRole('button', { name: 'Show images' })).toHaveCount(0);

  // Per comment: the next comment has no images, so no button; coming back blocks them again.
  await page.keyboard.press('j');
  await expect(detail.getByRole('heading', { name: 'Quinn', level: 2 })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Show images' })).toHaveCount(0);
  await page.keyboard.press('k');
  await expect(detail.getByText('Here is the chart, see below.')).toBeVisible();
  await expect(detail.locator('img[src]')).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Show images' })).toBeVisible();
});

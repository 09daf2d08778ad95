// What the keyboard specs look at on the console: the queue and its selected row, a view's count in
// the sidebar, the detail pane, the heading and a toast by its words.
import type { Page } from '@playwright/test';

export function consoleScreen(page: Page) {
  const queue = page.getByRole('listbox', { name: 'Queue' });
  const views = page.getByRole('navigation', { name: 'Views' });
  return {
    queue,
    views,
    detail: page.getByRole('region', { name: 'Item detail' }),
    selected: queue.getByRole('option', { selected: true }),
    count: (view: string) => views.getByRole('button', { name: new RegExp(`^${view} \\d+ comments?$`) }),
    toast: (text: string | RegExp) => page.getByRole('status').filter({ hasText: text }),
    heading: page.getByRole('heading', { level: 1 }),
  };
}

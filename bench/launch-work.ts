// A console launched on a copy of the 1M database first runs its full check, then takes its daily
// backup (there is none beside the copy): both read the whole file, a minute or two on a niced
// worker. Figures about steady work wait for them; figures about launch watch them.
import fs from 'node:fs';

/** Waits up to `limitMs` for a named backup in `folder`; resolves to when it was seen (ms since epoch), or null. */
export async function backupNamed(folder: string, limitMs: number): Promise<number | null> {
  const named = () => (fs.existsSync(folder) ? fs.readdirSync(folder).find((name) => name.endsWith('.sqlite') && !name.startsWith('.')) : undefined);
  const until = performance.now() + limitMs;
  while (!named() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 500));
  return named() === undefined ? null : Date.now();
}

/**
 * Waits up to `limitMs` until the console has scored its whole Inbox (a file stored before
 * suggestions has none: the launch scores them in the background, after the full check); resolves
 * to when it had, or null. `status` calls suggestions-status.
 */
export async function inboxScored(status: () => Promise<unknown>, limitMs: number): Promise<number | null> {
  const until = performance.now() + limitMs;
  const pending = async () => ((await status()) as { pendingRescore: number }).pendingRescore;
  while ((await pending()) > 0) {
    if (performance.now() > until) return null;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return Date.now();
}

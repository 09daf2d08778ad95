import fs from 'node:fs';

/** Debian's Chromium (apt-get install chromium); override with CHROMIUM_PATH. Playwright downloads no browser here. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

// URL checks for the Electron shell, kept pure so they are unit-tested under plain Node.

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the console's own page: the same file for a file:// entry (any query or
 * hash), or the same origin for an http:// dev server. Used to trust IPC senders and to allow
 * in-app navigation; everything else is refused.
 */
export function isAppUrl(url: string | undefined, appEntryUrl: string): boolean {
  if (!url) return false;
  const candidate = parse(url);
  const entry = parse(appEntryUrl);
  if (!candidate || !entry) return false;
  if (entry.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === entry.pathname && candidate.host === '';
  return candidate.origin === entry.origin;
}

/** True for links the system browser may open: http and https only, with no user:password part. */
export function isSafeExternalUrl(url: string): boolean {
  const candidate = parse(url);
  return !!candidate && (candidate.protocol === 'http:' || candidate.protocol === 'https:') && !candidate.username && !candidate.password;
}

// URL rules, pure so they are unit-tested under plain Node and shared by every side: the one
// definition of a plain web address (http or https, no user name or password) that the fetcher,
// its redirects, the sanitizer, the shell and the console all apply.

/** http and https only: no file:, javascript:, data: or anything a browser or OS would act on. */
export function isWebProtocol(protocol: string): boolean {
  return protocol === 'http:' || protocol === 'https:';
}

/** A user name or password in a URL ends up in logs, and `https://bank.example@evil.example` misleads. */
export function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

export function isPlainWebUrl(url: URL): boolean {
  return isWebProtocol(url.protocol) && !hasCredentials(url);
}

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
  return !!candidate && isPlainWebUrl(candidate);
}

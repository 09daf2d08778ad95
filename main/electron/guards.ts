// Electron's security checklist, applied to every web contents the app ever creates:
// navigation and new windows denied (http/https links go to the system browser), permission
// requests denied, the CSP sent with every response.
import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { isAppUrl, isSafeExternalUrl } from '../../common/urls';

function guardContents(contents: WebContents, appEntryUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appEntryUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appEntryUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installGuards(appEntryUrl: string): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, appEntryUrl));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

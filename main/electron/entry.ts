// Which page the console window loads, kept free of Electron so it is unit-tested. The entry URL
// is also the only origin the IPC door, navigation guards and file dialogs trust, so the dev
// server may be it only while developing: electron-vite dev runs the app unpackaged, with
// NODE_ENV_ELECTRON_VITE=development and ELECTRON_RENDERER_URL naming its server on this machine.
// A packaged app, or a production build run with `npm start`, loads its built file whatever the
// environment says.
import path from 'node:path';

export interface EntryEnvironment {
  /** app.isPackaged */
  isPackaged: boolean;
  /** process.env.ELECTRON_RENDERER_URL, set by electron-vite dev to its renderer server. */
  rendererUrl: string | undefined;
  /** process.env.NODE_ENV_ELECTRON_VITE: 'development' under electron-vite dev. */
  mode: string | undefined;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** The dev server's URL when it may be trusted as the console, else null. */
export function trustedDevServer(env: EntryEnvironment): string | null {
  if (env.isPackaged || env.mode !== 'development' || !env.rendererUrl) return null;
  let url: URL;
  try {
    url = new URL(env.rendererUrl);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK.test(url.hostname) || url.username || url.password) return null;
  return url.href;
}

/** The renderer entry: the dev server while developing (see trustedDevServer), the built file otherwise. */
export function appEntryUrl(outMainDir: string, env: EntryEnvironment): string {
  return trustedDevServer(env) ?? new URL(`file://${path.join(outMainDir, '..', 'renderer', 'index.html')}`).href;
}

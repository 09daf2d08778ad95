// Which page the Electron window loads, and so which origin its IPC door trusts: the dev server
// only while developing (electron-vite dev, unpackaged), the built file everywhere else.
import { describe, expect, it } from 'vitest';
import { appEntryUrl } from '../../../main/electron/entry';

const OUT_MAIN = '/opt/switchboard/out/main';
const BUILT = 'file:///opt/switchboard/out/renderer/index.html';
const dev = { isPackaged: false, rendererUrl: 'http://localhost:5173', mode: 'development' };

describe('the console entry URL', () => {
  it('is the dev server under electron-vite dev, on an unpackaged app', () => {
    expect(appEntryUrl(OUT_MAIN, dev)).toBe('http://localhost:5173/');
    expect(appEntryUrl(OUT_MAIN, { ...dev, rendererUrl: 'http://127.0.0.1:5174/' })).toBe('http://127.0.0.1:5174/');
    expect(appEntryUrl(OUT_MAIN, { ...dev, rendererUrl: 'https://[::1]:5173' })).toBe('https://[::1]:5173/');
  });

  it('is the built file in a packaged app, whatever ELECTRON_RENDERER_URL says', () => {
    expect(appEntryUrl(OUT_MAIN, { ...dev, isPackaged: true })).toBe(BUILT);
    expect(appEntryUrl(OUT_MAIN, { isPackaged: true, rendererUrl: 'https://evil.example/', mode: undefined })).toBe(BUILT);
  });

  it('is the built file for an unpackaged production build (npm start) with a stray ELECTRON_RENDERER_URL', () => {
    expect(appEntryUrl(OUT_MAIN, { ...dev, mode: undefined })).toBe(BUILT);
    expect(appEntryUrl(OUT_MAIN, { ...dev, mode: 'production' })).toBe(BUILT);
  });

  it('never trusts a dev server that is not http(s) on this machine', () => {
    for (const rendererUrl of ['https://evil.example:5173', 'http://192.168.1.20:5173', 'file:///tmp/x.html', 'javascript:alert(1)', 'not a url', '', undefined]) {
      expect(appEntryUrl(OUT_MAIN, { ...dev, rendererUrl }), String(rendererUrl)).toBe(BUILT);
    }
  });
});

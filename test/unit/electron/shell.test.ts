// The Electron shell, run against a stand-in for the `electron` module: Electron's binary cannot be
// had on this machine, so this checks the wiring (window options, guards, IPC channels) the real
// app gets, while the Playwright "electron" project checks the real window where it exists.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const contentsListeners = new Map<string, Listener>();
  const state = {
    windowOptions: null as null | { webPreferences: Record<string, unknown> },
    appListeners: new Map<string, Listener>(),
    contentsListeners,
    windowOpenHandler: null as null | ((details: { url: string }) => { action: string }),
    permissionHandler: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    handled: new Map<string, Listener>(),
    opened: [] as string[],
  };
  const contents = {
    on: (name: string, listener: Listener) => contentsListeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof state.windowOpenHandler) => (state.windowOpenHandler = handler),
  };
  return { state, contents };
});

vi.mock('electron', () => ({
  app: { on: (name: string, listener: (...args: unknown[]) => unknown) => fake.state.appListeners.set(name, listener) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof fake.state.permissionHandler) => (fake.state.permissionHandler = handler),
      setPermissionCheckHandler: (handler: typeof fake.state.permissionCheck) => (fake.state.permissionCheck = handler),
      webRequest: { onHeadersReceived: () => {} },
    },
  },
  shell: { openExternal: (url: string) => fake.state.opened.push(url) },
  ipcMain: {
    handle: (channel: string, listener: (...args: unknown[]) => unknown) => fake.state.handled.set(channel, listener),
    on: (channel: string, listener: (...args: unknown[]) => unknown) => fake.state.handled.set(`on:${channel}`, listener),
  },
  BrowserWindow: class {
    constructor(options: { webPreferences: Record<string, unknown> }) {
      fake.state.windowOptions = options;
    }
    once() {}
  },
}));

const { createConsoleWindow } = await import('../../../main/electron/window');
const { installGuards } = await import('../../../main/electron/guards');
const { registerIpc } = await import('../../../main/electron/ipc');
const { OPERATION_NAMES } = await import('../../../common/contract');
const { memoryService } = await import('../../support/seed');

const ENTRY = 'file:///opt/switchboard/out/renderer/index.html';

beforeEach(() => {
  fake.state.opened.length = 0;
});

describe('Electron shell', () => {
  it('opens the window with context isolation, the sandbox and no Node in the renderer', () => {
    createConsoleWindow('/opt/switchboard/out/preload/index.js');
    expect(fake.state.windowOptions?.webPreferences).toMatchObject({
      preload: '/opt/switchboard/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('denies navigation away from the console, new windows and every permission request', () => {
    installGuards(ENTRY);
    fake.state.appListeners.get('web-contents-created')?.({}, fake.contents);

    const navigate = (url: string) => {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      fake.state.contentsListeners.get('will-navigate')?.(event, url);
      return event.defaultPrevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`${ENTRY}#inbox`)).toBe(false);

    expect(fake.state.windowOpenHandler?.({ url: 'https://blog.example/post#comment-1' })).toEqual({ action: 'deny' });
    expect(fake.state.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.state.opened).toEqual(['https://blog.example/post#comment-1']);

    let granted: boolean | undefined;
    fake.state.permissionHandler?.({}, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(fake.state.permissionCheck?.()).toBe(false);
  });

  it('registers one IPC channel per operation, each checking its sender', async () => {
    registerIpc(memoryService(), ENTRY);
    expect([...fake.state.handled.keys()]).toEqual([
      ...OPERATION_NAMES.map((name) => `switchboard:call:${name}`),
      'on:switchboard:open-external',
      'switchboard:save-file',
    ]);

    const mainFrame = { url: ENTRY };
    const fromConsole = { senderFrame: mainFrame, sender: { mainFrame } };
    const fromIframe = { senderFrame: { url: ENTRY }, sender: { mainFrame } };
    const call = fake.state.handled.get('switchboard:call:views-counts')!;
    expect(await call(fromConsole, {})).toMatchObject({ ok: true, result: { inbox: 0 } });
    expect(await call(fromIframe, {})).toMatchObject({ ok: false, error: { stage: 'ipc' } });
  });

  it('opens only http(s) links in the system browser, and only for the console', () => {
    registerIpc(memoryService(), ENTRY);
    const open = fake.state.handled.get('on:switchboard:open-external')!;
    const mainFrame = { url: ENTRY };
    open({ senderFrame: mainFrame, sender: { mainFrame } }, 'https://blog.example/post#comment-4');
    open({ senderFrame: mainFrame, sender: { mainFrame } }, 'file:///etc/passwd');
    open({ senderFrame: mainFrame, sender: { mainFrame } }, 'javascript:alert(1)');
    open({ senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame } }, 'https://evil.example/phish');
    expect(fake.state.opened).toEqual(['https://blog.example/post#comment-4']);
  });
});

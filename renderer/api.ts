// The renderer's only way to the service: IPC through the preload inside Electron, the HTTP
// bridge in browser mode. Nothing else in the renderer knows which one it is using.
import { createClient } from '../common/client';
import { EVENT_NAMES, type SwitchboardEvent } from '../common/events';
import { unwrap, type CallOutcome } from '../common/outcome';
import { isSafeExternalUrl } from '../common/urls';
import { rememberOwnAction } from './own-actions';

type Transport = {
  call(name: string, input: unknown): Promise<CallOutcome>;
  subscribe(listener: (event: SwitchboardEvent) => void): () => void;
  openExternal(url: string): void;
  /** Saves a file the moderator names: a download in browser mode, the native save dialog in Electron. */
  saveFile(name: string, mimeType: string, content: string): Promise<boolean>;
};

const TOKEN_KEY = 'switchboard-token';

/** Browser mode: the token arrives once in the URL; keep it for reloads of this tab and take it out of the address bar. */
function bridgeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = bridgeToken();
  return {
    async call(name, input) {
      const response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as CallOutcome;
    },
    subscribe(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      for (const name of EVENT_NAMES) {
        source.addEventListener(name, (message) => listener({ name, payload: JSON.parse((message as MessageEvent<string>).data) }));
      }
      return () => source.close();
    },
    openExternal(url) {
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    async saveFile(name, mimeType, content) {
      const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
  };
}

function ipcTransport(bridge: NonNullable<Window['switchboard']>): Transport {
  return {
    call: (name, input) => {
      const operation = bridge.operations[name];
      if (!operation) throw new Error(`api: the preload has no operation ${name}`);
      return operation(input);
    },
    subscribe: (listener) => bridge.onEvent(listener),
    openExternal: (url) => bridge.openExternal(url),
    saveFile: (name, _mimeType, content) => bridge.saveFile(name, content),
  };
}

const transport: Transport = window.switchboard ? ipcTransport(window.switchboard) : httpTransport();

export const api = createClient(async (name, input) => {
  const result = unwrap(await transport.call(name, input));
  // An undo's answer names the entry it undid, not a new action of this window's.
  if (name !== 'items-undo') rememberOwnAction(result);
  return result;
});

export const subscribeEvents = transport.subscribe;

export const saveFile = (name: string, mimeType: string, content: string): Promise<boolean> => transport.saveFile(name, mimeType, content);

/** Opens a comment's page in the system browser (plain web addresses only; the main process checks again in Electron). */
export function openExternal(url: string): void {
  if (isSafeExternalUrl(url)) transport.openExternal(url);
}

// What the preload exposes inside Electron (absent in browser mode).
import type { SwitchboardEvent } from '../common/events';
import type { CallOutcome } from '../common/outcome';

declare global {
  interface Window {
    switchboard?: {
      operations: Record<string, (input?: unknown) => Promise<CallOutcome>>;
      onEvent(listener: (event: SwitchboardEvent) => void): () => void;
      openExternal(url: string): void;
      /** Asks where to save (native dialog) and writes the file atomically; false when cancelled. */
      saveFile(name: string, content: string): Promise<boolean>;
    };
  }
}

import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store';

const QUIET_MS = 400;
const AT_MOST_MS = 1000;

/**
 * Saves the draft 0.4 s after typing pauses, and at least once a second while it goes on, so a
 * crash loses at most the last second; pending text is also saved when the page is left.
 * Returns what to show: "Saving…", "Saved", or nothing.
 */
export interface Autosave {
  /** "Saving…", "Saved", or nothing. */
  status: string;
  /** Whether the text differs from what was last saved. */
  dirty(): boolean;
  /** Saves pending text now (before marking ready, say). */
  flush(): Promise<void>;
  /** The text now stored came from elsewhere (a thank-you drafted by the service): nothing is pending. */
  adopt(body: string): void;
}

export function useAutosave(target: { itemId: number } | { incidentId: number }, body: string, templates: string[]): Autosave {
  const saveDraft = useStore((state) => state.saveDraft);
  const [status, setStatus] = useState('');
  const lastSaved = useRef(body);
  const firstUnsaved = useRef<number | null>(null);
  const latest = useRef({ target, body, templates });
  latest.current = { target, body, templates };
  const key = JSON.stringify(target);

  // A different comment: what was loaded is what is saved.
  useEffect(() => {
    lastSaved.current = latest.current.body;
    firstUnsaved.current = null;
    setStatus('');
  }, [key]);

  useEffect(() => {
    if (body === lastSaved.current) return;
    const now = Date.now();
    firstUnsaved.current ??= now;
    const wait = Math.min(QUIET_MS, Math.max(0, firstUnsaved.current + AT_MOST_MS - now));
    setStatus('Saving…');
    const timer = setTimeout(() => {
      const { target: where, body: text, templates: used } = latest.current;
      firstUnsaved.current = null;
      void saveDraft(where, text, used).then((draft) => {
        if (draft) lastSaved.current = text;
        setStatus(draft ? 'Saved' : 'Not saved');
      });
    }, wait);
    return () => clearTimeout(timer);
  }, [body, saveDraft]);

  useEffect(() => {
    const flush = () => {
      const { target: where, body: text, templates: used } = latest.current;
      if (text !== lastSaved.current) void saveDraft(where, text, used);
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    };
  }, [key, saveDraft]);

  return {
    status,
    dirty: () => latest.current.body !== lastSaved.current,
    async flush() {
      const { target: where, body: text, templates: used } = latest.current;
      if (text === lastSaved.current) return;
      if (await saveDraft(where, text, used)) {
        lastSaved.current = text;
        setStatus('Saved');
      }
    },
    adopt(text: string) {
      lastSaved.current = text;
    },
  };
}

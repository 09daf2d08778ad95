import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store';
import { draftKey, type DraftTarget } from '../../store/unsaved-drafts';

const QUIET_MS = 400;
const AT_MOST_MS = 1000;

/**
 * Saves the draft 0.4 s after typing pauses, and at least once a second while it goes on, so a
 * crash loses at most the last second; pending text is also saved when the page is left. Text
 * the service could not store (a full disk) is kept by the store and retried there; it shows
 * "Not saved" until then, and "Saved" once a retry stores it.
 */
export interface Autosave {
  /** "Saving…", "Saved", "Not saved", or nothing. */
  status: string;
  /** Whether the text differs from what was last saved. */
  dirty(): boolean;
  /** Saves pending text now (before marking ready, say); resolves to whether the text on screen is stored. */
  flush(): Promise<boolean>;
  /** The text now stored came from elsewhere (a thank-you drafted by the service): nothing is pending. */
  adopt(body: string): void;
}

/** `stored`: the draft as the service holds it, which `body` may not be yet (text still waiting to be saved). */
export function useAutosave(target: DraftTarget, body: string, templates: string[], stored: string): Autosave {
  const saveDraft = useStore((state) => state.saveDraft);
  const key = draftKey(target);
  const waiting = useStore((state) => state.unsavedDrafts[key]);
  const [status, setStatus] = useState(body === stored ? '' : 'Not saved');
  const lastSaved = useRef(stored);
  const firstUnsaved = useRef<number | null>(null);
  const latest = useRef({ target, body, templates, stored });
  latest.current = { target, body, templates, stored };

  // A different comment: what the service holds is what is saved.
  useEffect(() => {
    lastSaved.current = latest.current.stored;
    firstUnsaved.current = null;
    setStatus(latest.current.body === latest.current.stored ? '' : 'Not saved');
  }, [key]);

  // A retry (the store's, every few seconds) stored the text that was waiting.
  const wasWaiting = useRef(waiting);
  useEffect(() => {
    const before = wasWaiting.current;
    wasWaiting.current = waiting;
    if (before === undefined || waiting !== undefined) return;
    lastSaved.current = before.body;
    if (latest.current.body === before.body) setStatus('Saved');
  }, [waiting]);

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
      if (text === lastSaved.current) return true;
      if (!(await saveDraft(where, text, used))) return false;
      lastSaved.current = text;
      setStatus('Saved');
      return true;
    },
    adopt(text: string) {
      lastSaved.current = text;
    },
  };
}

import { useCallback, useEffect, useRef, useState } from 'react';

/** How long typing must pause before a note saves itself. */
const PAUSE_MS = 800;

/**
 * A note's text that saves itself as drafts do: after a pause in typing, on blur (call `flush`),
 * and when the field goes away (its dialog closed with Escape, the moderator moved on to another
 * comment). Before, notes saved only on blur, and a field that was unmounted instead never blurred.
 * `stored` is the note as the service holds it; a change there shows in the field unless the
 * field holds words not yet saved.
 */
export function useSavedText(stored: string, save: (text: string) => void): { text: string; setText: (text: string) => void; flush: () => void } {
  const [text, setText] = useState(stored);
  const saved = useRef(stored);
  const typed = useRef(text);
  typed.current = text;
  const saver = useRef(save);
  saver.current = save;

  const flush = useCallback(() => {
    if (typed.current === saved.current) return;
    saved.current = typed.current;
    saver.current(typed.current);
  }, []);

  useEffect(() => {
    if (typed.current !== saved.current) return;
    saved.current = stored;
    setText(stored);
  }, [stored]);

  useEffect(() => {
    if (text === saved.current) return;
    const timer = setTimeout(flush, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, flush]);

  // Unmounting (closed, moved on) saves what is pending.
  useEffect(() => flush, [flush]);

  return { text, setText, flush };
}

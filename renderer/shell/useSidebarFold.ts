import { useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';

/**
 * The sidebar of a narrow window is a rail of view icons (Sidebar.module.css says how narrow), and
 * its "Menu" toggle opens all of it over the panes until something in it is chosen, Escape is
 * pressed or the focus leaves it. In a wide window the toggle is hidden and `open` changes nothing.
 */
export function useSidebarFold() {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    // In the feed filter Escape keeps the console's meaning (back to the list), and the sidebar folds as the focus leaves.
    if (!open || event.key !== 'Escape' || (event.target as HTMLElement).closest('input')) return;
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };
  const onBlur = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  // A view, feed or link chosen: what it shows is in the panes or a dialog now.
  const onClick = (event: MouseEvent) => {
    const chosen = event.target instanceof Element ? event.target.closest('button') : null;
    if (chosen && chosen !== toggleRef.current) setOpen(false);
  };
  return {
    container: { 'data-open': open || undefined, onKeyDown, onBlur, onClick },
    toggle: { ref: toggleRef, 'aria-expanded': open, onClick: () => setOpen(!open) },
  };
}

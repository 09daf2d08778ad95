import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** A modal dialog on the native <dialog> element: focus stays inside, Escape closes it. */
export function Modal({
  title,
  onClose,
  children,
  wide = false,
  onKeyDown,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** Keys of the dialog's own (number keys of a menu, say), wherever focus is inside it. */
  onKeyDown?: (event: KeyboardEvent) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className={wide ? 'modal modal-wide' : 'modal'} aria-label={title} onClose={onClose} onCancel={onClose} onKeyDown={onKeyDown}>
      <header className="modal-header">
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}

import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from '../ui/cx';
import styles from './Modal.module.css';

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
  // The content mounts once the dialog is open: a field's autoFocus cannot focus it inside a closed
  // <dialog>, and showModal would then focus the Close button instead. Before the first paint.
  const [open, setOpen] = useState(false);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    setOpen(true);
    return () => dialog?.close();
  }, []);
  // `modal`, a plain class, is what global.css gives the buttons and fields of every dialog their look by.
  return (
    <dialog ref={ref} className={cx('modal', styles.modal, wide && styles.wide)} aria-label={title} onClose={onClose} onCancel={onClose} onKeyDown={onKeyDown}>
      <header className={styles.header}>
        <h2>{title}</h2>
        <button type="button" className={styles.close} aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className={styles.body}>{open && children}</div>
    </dialog>
  );
}

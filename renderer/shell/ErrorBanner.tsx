import { useStore } from '../store';
import banner from '../ui/banner.module.css';
import { cx } from '../ui/cx';
import styles from './ErrorBanner.module.css';

export function ErrorBanner() {
  const error = useStore((state) => state.error);
  const dismissError = useStore((state) => state.dismissError);
  if (!error) return null;
  return (
    <div className={cx(banner.danger, styles.banner)} role="alert">
      <span>{error}</span>
      <button type="button" onClick={dismissError} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

import { useStore } from '../store';
import styles from './ErrorBanner.module.css';

export function ErrorBanner() {
  const error = useStore((state) => state.error);
  const dismissError = useStore((state) => state.dismissError);
  if (!error) return null;
  return (
    <div className={styles.banner} role="alert">
      <span>{error}</span>
      <button type="button" onClick={dismissError} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

import { lazy, Suspense, useEffect } from 'react';
import { FeedHealthPanel } from '../features/feeds/FeedHealthPanel';
import { FetchBar } from '../features/feeds/FetchBar';
import { SubscribeDialog } from '../features/feeds/SubscribeDialog';
import { DetailPane } from '../features/queue/DetailPane';
import { QueuePane } from '../features/queue/QueuePane';
import { ShortcutsDialog } from '../features/queue/ShortcutsDialog';
import { SnoozeDialog } from '../features/queue/SnoozeDialog';
import { ExportDialog } from '../features/customer-service/ExportDialog';
import { MemberDialog } from '../features/spotlight/MemberDialog';
import { MembersDialog } from '../features/spotlight/MembersDialog';
import { TemplatesDialog } from '../features/customer-service/TemplatesDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { DamageBanner } from '../features/backups/DamageBanner';
import { RestoreConfirm } from '../features/backups/RestoreConfirm';
import { useKeyboard } from '../features/queue/useKeyboard';
import { CommandPalette } from '../features/palette/CommandPalette';
import { AcceptAboveDialog } from '../features/suggestions/AcceptAboveDialog';
import { RulesDialog } from '../features/suggestions/RulesDialog';
import { ConflictsDialog } from '../features/team/ConflictsDialog';
import { RefusalBanner } from '../features/team/RefusalBanner';
import { startStore, useStore } from '../store';
import { cx } from '../ui/cx';
import styles from './App.module.css';
import { ErrorBanner } from './ErrorBanner';
import { Sidebar } from './Sidebar';

// The dashboard brings the charting library; it loads the first time it is opened.
const DashboardDialog = lazy(() => import('../features/spotlight/DashboardDialog').then((module) => ({ default: module.DashboardDialog })));

function Dialogs() {
  const dialog = useStore((state) => state.dialog);
  if (dialog === 'subscribe') return <SubscribeDialog />;
  if (dialog === 'feed-health') return <FeedHealthPanel />;
  if (dialog === 'snooze') return <SnoozeDialog />;
  if (dialog === 'shortcuts') return <ShortcutsDialog />;
  if (dialog === 'palette') return <CommandPalette />;
  if (dialog === 'settings') return <SettingsDialog />;
  if (dialog === 'accept-above') return <AcceptAboveDialog />;
  if (dialog === 'rules') return <RulesDialog />;
  if (dialog === 'team-conflicts') return <ConflictsDialog />;
  if (dialog === 'templates') return <TemplatesDialog />;
  if (dialog === 'export') return <ExportDialog />;
  if (dialog === 'members') return <MembersDialog />;
  if (dialog === 'member') return <MemberDialog />;
  if (dialog === 'dashboard') {
    return (
      <Suspense fallback={null}>
        <DashboardDialog />
      </Suspense>
    );
  }
  return null;
}

/** How long a toast stays: long enough to read a sentence, short enough not to linger over the work. */
const NOTICE_MS = 5_000;

function Notice() {
  const notice = useStore((state) => state.notice);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => useStore.setState((state) => (state.notice === notice ? { notice: null } : {})), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className={styles.notice} role="status" aria-live="polite">
      {notice}
    </div>
  );
}

export function App() {
  useEffect(() => startStore(), []);
  useKeyboard();
  return (
    <div className={styles.app}>
      <Sidebar />
      {/* `workspace`, a plain class, is what global.css gives the buttons in it their look by. */}
      <main className={cx('workspace', styles.workspace)}>
        <FetchBar />
        <DamageBanner />
        <ErrorBanner />
        <RefusalBanner />
        <div className={styles.panes}>
          <QueuePane />
          <DetailPane />
        </div>
      </main>
      <Dialogs />
      <RestoreConfirm />
      <Notice />
    </div>
  );
}

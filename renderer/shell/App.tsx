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
import { useKeyboard } from '../features/queue/useKeyboard';
import { startStore, useStore } from '../store';
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
  if (dialog === 'settings') return <SettingsDialog />;
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

function Notice() {
  const notice = useStore((state) => state.notice);
  return (
    <div className="notice" role="status" aria-live="polite">
      {notice}
    </div>
  );
}

export function App() {
  useEffect(() => startStore(), []);
  useKeyboard();
  return (
    <div className="app">
      <Sidebar />
      <main className="workspace">
        <FetchBar />
        <ErrorBanner />
        <div className="panes">
          <QueuePane />
          <DetailPane />
        </div>
      </main>
      <Dialogs />
      <Notice />
    </div>
  );
}

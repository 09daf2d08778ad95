import { useEffect } from 'react';
import { FeedHealthPanel } from '../features/feeds/FeedHealthPanel';
import { FetchBar } from '../features/feeds/FetchBar';
import { SubscribeDialog } from '../features/feeds/SubscribeDialog';
import { DetailPane } from '../features/queue/DetailPane';
import { QueuePane } from '../features/queue/QueuePane';
import { startStore, useStore } from '../store';
import { ErrorBanner } from './ErrorBanner';
import { Sidebar } from './Sidebar';

function Dialogs() {
  const dialog = useStore((state) => state.dialog);
  if (dialog === 'subscribe') return <SubscribeDialog />;
  if (dialog === 'feed-health') return <FeedHealthPanel />;
  return null;
}

export function App() {
  useEffect(() => startStore(), []);
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
    </div>
  );
}

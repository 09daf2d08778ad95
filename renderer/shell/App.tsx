import { useEffect } from 'react';
import { DetailPane } from '../features/queue/DetailPane';
import { QueuePane } from '../features/queue/QueuePane';
import { startStore } from '../store';
import { ErrorBanner } from './ErrorBanner';
import { Sidebar } from './Sidebar';

export function App() {
  useEffect(() => startStore(), []);
  return (
    <div className="app">
      <Sidebar />
      <main className="workspace">
        <ErrorBanner />
        <div className="panes">
          <QueuePane />
          <DetailPane />
        </div>
      </main>
    </div>
  );
}

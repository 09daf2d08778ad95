import { useStore } from '../../store';

export function DetailPane() {
  const detail = useStore((state) => state.detail);
  return (
    <section className="detail-pane" role="region" aria-label="Item detail">
      {detail === null ? (
        <div className="empty-state">
          <p>Select a comment to read it here.</p>
        </div>
      ) : (
        <article>
          <header className="detail-header">
            <h2>{detail.author || 'Anonymous'}</h2>
            <p className="detail-meta">
              {detail.feedTitle} · {detail.threadTitle} · <time dateTime={detail.publishedAt}>{new Date(detail.publishedAt).toLocaleString()}</time>
            </p>
          </header>
          <div className="detail-body">{detail.contentText}</div>
        </article>
      )}
    </section>
  );
}

import type { ItemContext, ItemDetail } from '../../../common/types';
import { openExternal } from '../../api';
import { useStore } from '../../store';
import { Composer } from '../customer-service/Composer';
import { MemberNote } from '../spotlight/MemberNote';
import { SpotlightActions } from '../spotlight/SpotlightActions';
import { SuggestionPanel } from '../suggestions/SuggestionPanel';
import { LeaseNotice } from '../team/LeaseNotice';
import { DecidedBy } from '../team/DecidedBy';
import { cx } from '../../ui/cx';
import { tagClass } from '../../ui/tag';
import { CommentHtml } from './CommentHtml';
import styles from './DetailPane.module.css';
import empty from './empty-state.module.css';
import { formatAge } from './format';
import { useShortcutTitle } from './useShortcutTitle';
import { keyBindings, PALETTE_KEY } from './keymap';
import { Name, NameList } from '../../ui/Name';
import { useSavedText } from '../../ui/useSavedText';
import { count } from '../../../common/plural';

function Actions({ detail }: { detail: ItemDetail }) {
  const title = useShortcutTitle();
  const route = useStore((state) => state.route);
  const done = useStore((state) => state.done);
  const undo = useStore((state) => state.undo);
  const openDialog = useStore((state) => state.openDialog);
  return (
    <div className={styles.actions} role="toolbar" aria-label="Route this comment">
      <button type="button" className={styles.routeService} title={title('service')} aria-pressed={detail.route === 'service'} onClick={() => void route('service', 'current')}>
        Customer service
      </button>
      <button type="button" className={styles.routeSpotlight} title={title('spotlight')} aria-pressed={detail.route === 'spotlight'} onClick={() => void route('spotlight', 'current')}>
        Community spotlight
      </button>
      <button type="button" title={title('ignore')} aria-pressed={detail.route === 'ignore'} onClick={() => void route('ignore', 'current')}>
        Ignore
      </button>
      <button type="button" title={title('snooze')} onClick={() => openDialog('snooze')}>
        Snooze
      </button>
      <button type="button" title={title('done')} onClick={() => void done('current')}>
        Done
      </button>
      <span className="spacer" />
      <button type="button" title={title('undo')} onClick={() => void undo()}>
        Undo
      </button>
      {detail.url && (
        <button type="button" title={title('original')} onClick={() => openExternal(detail.url!)}>
          Open original
        </button>
      )}
    </div>
  );
}

function Note({ detail }: { detail: ItemDetail }) {
  const saveNote = useStore((state) => state.saveNote);
  const { text, setText, flush } = useSavedText(detail.note ?? '', (note) => void saveNote(detail.id, note));
  return (
    <label className={styles.note}>
      <span>Moderator note</span>
      <textarea value={text} rows={2} placeholder="Only moderators see this." onChange={(event) => setText(event.target.value)} onBlur={flush} />
    </label>
  );
}

function Thread({ context, current }: { context: ItemContext; current: ItemDetail }) {
  const select = useStore((state) => state.select);
  const answeredBy = useStore((state) => state.answeredBy);
  const currentId = current.id;
  const canBeAnswered = current.route === 'service' && current.serviceState !== 'resolved';
  if (context.thread.length <= 1) return null;
  return (
    <section className={styles.thread} aria-label="Thread">
      <h3>Thread · {count(context.thread.length, 'comment')}</h3>
      <ol>
        {context.thread.map((item) => (
          <li key={item.id} aria-current={item.id === currentId ? 'true' : undefined}>
            <button type="button" className={styles.item} onClick={() => void select(item.id)}>
              <strong>{item.author || 'Anonymous'}</strong> <time dateTime={item.publishedAt}>{formatAge(item.publishedAt)}</time>
              {item.route && <span className={tagClass(item.route)}>{item.route}</span>}
              <span className={styles.excerpt}>{item.excerpt}</span>
            </button>
            {canBeAnswered && item.id !== currentId && (
              <button type="button" className={cx('small', styles.answered)} title="This comment solved it: resolve as answered by the community" onClick={() => void answeredBy(currentId, item.id)}>
                Answered it
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Author({ context }: { context: ItemContext }) {
  const { author } = context;
  return (
    <section className={styles.author} aria-label="Author">
      <h3><Name text={author.name} fallback="Anonymous" /></h3>
      <p>
        {count(author.comments, 'comment')} · customer service {author.byRoute.service} · spotlight {author.byRoute.spotlight} · ignored {author.byRoute.ignore}
      </p>
      <p className="hint">
        First seen {author.firstSeen ? new Date(author.firstSeen).toLocaleDateString() : '—'}, last seen {author.lastSeen ? new Date(author.lastSeen).toLocaleDateString() : '—'} · <NameList names={author.feeds} />
      </p>
      <ul className={styles.recent} aria-label="Recent comments by the author">
        {author.recent.slice(0, 5).map((item) => (
          <li key={item.id}>
            <time dateTime={item.publishedAt}>{formatAge(item.publishedAt)}</time> {item.route && <span className={tagClass(item.route)}>{item.route}</span>} {item.excerpt}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The keys an empty pane suggests, as bound now (or, with single-key shortcuts off, the chords that remain). */
function KeyHint() {
  const overrides = useStore((state) => state.settings.keyBindings);
  const singleKey = useStore((state) => state.settings.singleKeyShortcuts);
  const keys = keyBindings(overrides);
  const palette = `${PALETTE_KEY} for every command.`;
  return (
    <p className="hint">
      {singleKey ? `${keys.next} / ${keys.previous} to move, ${keys.service} ${keys.spotlight} ${keys.ignore} to route, ${keys.help} for every shortcut, ${palette}` : `↑ / ↓ to move, ${palette}`}
    </p>
  );
}

export function DetailPane() {
  const detail = useStore((state) => state.detail);
  const context = useStore((state) => state.context);
  const composerFor = useStore((state) => state.composerFor);
  return (
    <section className={styles.pane} role="region" aria-label="Item detail" id="item-detail" tabIndex={-1}>
      {detail === null ? (
        <div className={empty.emptyState}>
          <p>Select a comment to read it here.</p>
          <KeyHint />
        </div>
      ) : (
        // Keyed by comment, and only here: everything in the pane (images shown, an open spotlight
        // form, the composer's and the note's text) belongs to one comment and starts afresh on the
        // next. Keys on several siblings here once collided (the same id twice in one parent), and
        // React kept stale copies of the spotlight bar as j and k moved on.
        <article key={detail.id} className={styles.article}>
          <LeaseNotice detail={detail} />
          <Actions detail={detail} />
          <header className={styles.header}>
            <h2><Name text={detail.author} fallback="Anonymous" /></h2>
            <p className={styles.meta}>
              <Name text={detail.feedTitle} /> · <Name text={detail.threadTitle} /> · <time dateTime={detail.publishedAt}>{new Date(detail.publishedAt).toLocaleString()}</time>
              {detail.backFromSnooze && <span className={tagClass('back')}>Back from snooze</span>}
            </p>
            <DecidedBy detail={detail} />
          </header>
          {/* A suggestion is about where to route: once routed, the comment's route is what counts. */}
          {detail.route === null && <SuggestionPanel detail={detail} />}
          {context && <MemberNote context={context} />}
          <CommentHtml html={detail.contentHtml} fallbackText={detail.contentText} />
          {detail.guid !== '' && detail.route === 'spotlight' && <SpotlightActions detail={detail} context={context} />}
          {/* Only once the full comment (with its draft) has arrived, not from the list row painted first. */}
          {detail.guid !== '' && (detail.route === 'service' || detail.route === 'spotlight' || composerFor === detail.id) && <Composer detail={detail} />}
          <Note detail={detail} />
          {context && <Thread context={context} current={detail} />}
          {context && <Author context={context} />}
        </article>
      )}
    </section>
  );
}

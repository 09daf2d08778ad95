import { useState } from 'react';
import type { SavedSearch, SavedSearchFilters } from '../../../common/types';
import sidebar from '../../shell/Sidebar.module.css';
import { useStore } from '../../store';
import styles from './SavedSearches.module.css';

function currentFilters(): SavedSearchFilters {
  const { view, filters } = useStore.getState();
  const saved: SavedSearchFilters = { view };
  for (const [name, value] of Object.entries(filters)) if (value !== undefined && value !== '') (saved as unknown as Record<string, unknown>)[name] = value;
  return saved;
}

/** Shows a saved search: its view with its filters (the sidebar and the command palette). */
export function openSavedSearch(search: SavedSearch): void {
  const { view, ...filters } = search.filters;
  void useStore.getState().openView(view, { sort: 'newest', ...filters });
}

/** Saved searches, listed in the sidebar like views. */
export function SavedSearchList() {
  const searches = useStore((state) => state.settings.savedSearches);
  const updateSettings = useStore((state) => state.updateSettings);
  if (searches.length === 0) return null;
  const open = openSavedSearch;
  return (
    <>
      <h2 className={sidebar.heading}>Saved searches</h2>
      <ul className={sidebar.viewList}>
        {searches.map((search) => (
          <li key={search.id} className={styles.savedSearch}>
            <button type="button" className={sidebar.viewButton} onClick={() => open(search)}>
              <span>{search.name}</span>
            </button>
            <button
              type="button"
              className={styles.remove}
              aria-label={`Remove saved search ${search.name}`}
              onClick={() => void updateSettings({ savedSearches: searches.filter((other) => other.id !== search.id) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Save search": names the current view and filters and adds them to the sidebar. */
export function SaveSearch() {
  const searches = useStore((state) => state.settings.savedSearches);
  const updateSettings = useStore((state) => state.updateSettings);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  if (!naming) {
    return (
      <button type="button" className="small" onClick={() => setNaming(true)}>
        Save search…
      </button>
    );
  }
  return (
    <form
      className={styles.saveSearch}
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        const search = { id: `s${Date.now().toString(36)}`, name: name.trim(), filters: currentFilters() };
        void updateSettings({ savedSearches: [...searches, search] });
        setNaming(false);
        setName('');
      }}
    >
      <input aria-label="Name of the saved search" placeholder="Name" autoFocus maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="small">
        Save
      </button>
      <button type="button" className="small" onClick={() => setNaming(false)}>
        Cancel
      </button>
    </form>
  );
}

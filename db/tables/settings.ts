// Console settings, one JSON value per key in the settings table.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { Settings } from '../../common/types';
import { DEFAULT_SETTINGS } from '../../common/settings-defaults';
import { writeTransaction } from '../write';

export function readSettings(db: Db): Settings {
  const rows = prepared<[], { key: string; value: string }>(db, 'SELECT key, value FROM settings').all();
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (key in stored) (settings as Record<string, unknown>)[key] = stored[key];
  }
  return settings;
}

export function updateSettings(db: Db, change: Partial<Settings>): Settings {
  const write = prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  writeTransaction(db, () => {
    for (const [key, value] of Object.entries(change)) if (value !== undefined && key in DEFAULT_SETTINGS) write.run(key, JSON.stringify(value));
  });
  return readSettings(db);
}

// The workspace's numbered PostgreSQL migrations (db/pg/migrations/NNN_name.sql), bundled into the
// build like SQLite's (db/migrations.ts), so `switchboard team init` needs no SQL files on disk.
// A landed migration is never edited: a change is a new file.
import type { Migration } from '../migrations';

const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export const pgMigrations: readonly Migration[] = Object.entries(files)
  .map(([file, sql]) => {
    const match = /\/(\d{3})_([\w-]+)\.sql$/.exec(file);
    if (!match) throw new Error(`team workspace: migration file ${file} is not named NNN_name.sql`);
    return { version: Number(match[1]), name: match[2] as string, sql };
  })
  .sort((a, b) => a.version - b.version);

/** The newest schema this Switchboard knows. */
export const PG_SCHEMA_VERSION = pgMigrations.at(-1)?.version ?? 0;

// Creating and upgrading the workspace's schema (`switchboard team init`), and the check the team
// server makes before it serves one (`switchboard team serve`).
import type pg from 'pg';
import { SwitchboardError } from '../../common/errors';
import type { Migration } from '../migrations';
import { inTransaction } from './pool';
import { PG_SCHEMA_VERSION, pgMigrations } from './migrations';

/** Any constant both ends agree on: serialises migrations from two `team init` run at once. */
const MIGRATION_LOCK = 0x5357_4d31;

const tooNew = (found: number, known: number) =>
  new SwitchboardError('conflict', 'team', `this workspace's schema is version ${found}, newer than this Switchboard (${known}): update Switchboard`);

/** The schema version the database records (0: no workspace in it yet). */
export async function workspaceSchemaVersion(db: pg.Pool | pg.PoolClient): Promise<number> {
  const table = await db.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!table.rows[0]?.present) return 0;
  const found = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return found.rows[0]?.version ?? 0;
}

/**
 * Applies every migration newer than the database's schema, in order, each in its own transaction
 * with its row in schema_migrations, so a failure leaves the last good version. Refuses a schema
 * newer than this program knows instead of guessing at it. Returns the version reached.
 */
export async function migrateWorkspace(pool: pg.Pool, all: readonly Migration[] = pgMigrations, now = Date.now): Promise<number> {
  const known = all.at(-1)?.version ?? 0;
  for (const migration of all) {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
      const found = await workspaceSchemaVersion(client);
      if (found > known) throw tooNew(found, known);
      if (found >= migration.version) return;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now()]);
    });
  }
  const reached = await workspaceSchemaVersion(pool);
  if (reached > known) throw tooNew(reached, known);
  return reached;
}

/** The team server serves only the schema it was written for: refuses a missing, older or newer one. */
export async function requireCurrentSchema(pool: pg.Pool, known = PG_SCHEMA_VERSION): Promise<number> {
  const found = await workspaceSchemaVersion(pool);
  if (found === 0) throw new SwitchboardError('not-found', 'team', 'this database holds no team workspace yet: run switchboard team init --pg URL first');
  if (found > known) throw tooNew(found, known);
  if (found < known) {
    throw new SwitchboardError('conflict', 'team', `this workspace's schema is version ${found}, older than this Switchboard (${known}): run switchboard team init --pg URL to upgrade it`);
  }
  return found;
}

// The workspace's one row: its name, and where desktops reach its team server.
import type pg from 'pg';

export interface WorkspaceRow {
  name: string;
  serverUrl: string | null;
}

export async function readWorkspace(db: pg.Pool | pg.PoolClient): Promise<WorkspaceRow | null> {
  const result = await db.query<{ name: string; server_url: string | null }>('SELECT name, server_url FROM workspace');
  const row = result.rows[0];
  return row ? { name: row.name, serverUrl: row.server_url } : null;
}

/** Names the workspace (kept as it is when `name` is undefined and it has one). */
export async function nameWorkspace(db: pg.Pool | pg.PoolClient, name: string | undefined, fallback: string): Promise<WorkspaceRow> {
  await db.query('INSERT INTO workspace (name) VALUES ($1) ON CONFLICT (id) DO UPDATE SET name = coalesce($2, workspace.name)', [name ?? fallback, name ?? null]);
  return (await readWorkspace(db))!;
}

export async function recordServerUrl(db: pg.Pool, url: string): Promise<void> {
  await db.query('UPDATE workspace SET server_url = $1', [url]);
}

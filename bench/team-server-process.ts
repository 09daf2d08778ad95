// The team server as the bench runs it: the built `switchboard team ...` commands, each its own
// process, as a team would run them.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** Creates the workspace's schema. */
export async function migrateWorkspace(url: string): Promise<void> {
  const folder = path.resolve(__dirname, '../db/pg/migrations');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.sql')).sort()) await client.query(fs.readFileSync(path.join(folder, file), 'utf8'));
  } finally {
    await client.end();
  }
}

// The team server's connections to PostgreSQL. Only main/team-server/ (and the `team` CLI commands
// that administer a workspace) open them: desktops never talk to PostgreSQL.
import pg from 'pg';

/**
 * bigint columns (ids, seqs, times in ms) as JavaScript numbers: every one of them stays far below
 * 2^53, and the wire (common/team-wire.ts) carries them as numbers. Set per connection, not on
 * pg's global type table, so nothing else in the process is affected.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient | pg.Client;

export function connectionConfig(url: string): pg.ClientConfig {
  return { connectionString: url, types };
}

/** A pool on the workspace's database. A connection that dies while idle is dropped, not thrown. */
export function openPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ ...connectionConfig(url), max });
  pool.on('error', () => {
    // An idle connection ended by the server (a restart, pg_terminate_backend): the pool forgets
    // it and opens another on the next query; the query that needs it reports any real failure.
  });
  return pool;
}

/** A single connection outside the pool (the LISTEN connection, which must never be shared). */
export function openClient(url: string, applicationName?: string): pg.Client {
  return new pg.Client({ ...connectionConfig(url), application_name: applicationName });
}

/** Runs `work` in one transaction on a pooled connection: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that dies while checked out and between two statements reports it as an 'error'
  // event, which nobody would hear (the pool listens only to idle ones) and which would end the
  // process. Heard here, it fails this transaction alone: its next statement rejects.
  const heard = () => {};
  client.on('error', heard);
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    client.off('error', heard);
    // A connection that cannot even roll back is closed, not handed to the next request.
    client.release(broken);
  }
}

// A transaction whose connection PostgreSQL drops between two statements (a restart, a failover,
// pg_terminate_backend) fails that one request; the team server's process lives on.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inTransaction, openPool } from '../../../db/pg/pool';
import { createTestDatabase } from '../../support/postgres';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase('pool');
});
afterAll(async () => database?.drop());

test('a connection dropped between two statements of a transaction rejects it, and the pool goes on', async () => {
  const pool = openPool(database.url, 2);
  const other = openPool(database.url, 1);
  try {
    const failed = inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const ended = new Promise((resolve) => client.once('end', resolve));
      await other.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      // Idle between statements when it dies: the error arrives as an event, not as a query's.
      await ended;
      await client.query('SELECT 1');
    });
    await expect(failed).rejects.toThrow(/Connection terminated|terminating connection|not queryable/i);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  } finally {
    await pool.end();
    await other.end();
  }
});

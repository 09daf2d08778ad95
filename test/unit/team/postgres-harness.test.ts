// The test PostgreSQL is the real engine: a database per test file, row locks that skip each other.
import { afterAll, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../support/postgres';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase('harness');
});
afterAll(async () => database.drop());

test('two sessions taking rows FOR UPDATE SKIP LOCKED never take the same row', async () => {
  const [a, b] = [new pg.Client({ connectionString: database.url }), new pg.Client({ connectionString: database.url })];
  await Promise.all([a.connect(), b.connect()]);
  try {
    await a.query('CREATE TABLE jobs (id int PRIMARY KEY)');
    await a.query('INSERT INTO jobs SELECT generate_series(1, 2)');
    await a.query('BEGIN');
    await b.query('BEGIN');
    const first = await a.query('SELECT id FROM jobs ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED');
    const second = await b.query('SELECT id FROM jobs ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED');
    expect([first.rows[0].id, second.rows[0].id]).toEqual([1, 2]);
    await Promise.all([a.query('COMMIT'), b.query('COMMIT')]);
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
});

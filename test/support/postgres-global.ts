// Vitest's global setup: one real PostgreSQL for the whole run (test/support/postgres.ts); each test
// file makes its own database on it with createTestDatabase. The teardown stops it, also after
// failures; the server's folder goes with it.
import { startPostgres } from './postgres';

export default function setup(): () => void {
  const server = startPostgres();
  // Forked test workers inherit the environment of the process that starts them.
  process.env.SWITCHBOARD_TEST_PG_SOCKET = server.socketDir;
  process.env.SWITCHBOARD_TEST_PG_PORT = String(server.port);
  return () => server.stop();
}

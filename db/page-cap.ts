// A full disk, rehearsed on a real file: SQLite refuses to grow a database past its connection's
// max_page_count with SQLITE_FULL, what it says when the disk is full. Tests that drive a whole
// process (browser mode, the CLI) set the cap through the environment; nothing else does.
import type { Db } from './connection';

export const PAGE_CAP_VARIABLE = 'SWITCHBOARD_TEST_MAX_PAGE_COUNT';

/** Caps `db` at the page count in SWITCHBOARD_TEST_MAX_PAGE_COUNT, when it is set. */
export function applyPageCap(db: Db, env: NodeJS.ProcessEnv = process.env): void {
  const value = env[PAGE_CAP_VARIABLE];
  if (value === undefined || value === '') return;
  const pages = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(pages) || pages <= 0) throw new Error(`database: ${PAGE_CAP_VARIABLE} must be a positive whole number of pages, not "${value}"`);
  db.pragma(`max_page_count = ${pages}`);
}

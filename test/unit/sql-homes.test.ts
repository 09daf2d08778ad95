// Every SQL statement lives in db/ (db/tables/<table>.ts is each table's home): features, the core,
// the app and the doors call named functions, so a second storage adapter (the team workspace on
// PostgreSQL) replaces db/ and nothing above it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
/** A statement compiled on a connection: db.prepare(...), ctx.db.pragma(...), prepared(db, ...). */
const STATEMENT = /\b(?:db\s*\.\s*(?:prepare|pragma|exec)|prepared)\s*[<(]/g;

function sourcesUnder(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

describe('SQL homes', () => {
  it('no file outside db/ compiles a statement', () => {
    const offenders = sourcesUnder('main').flatMap((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      // Whole-file matching: `db` and `.prepare(` are often on lines of their own.
      return [...text.matchAll(STATEMENT)].map((match) => `${file}:${text.slice(0, match.index).split('\n').length}`);
    });
    expect(offenders).toEqual([]);
  });

  it('every write transaction starts IMMEDIATE: only db/write.ts opens one', () => {
    const opened = [...sourcesUnder('main'), ...sourcesUnder('db')].filter((file) => file !== path.join('db', 'write.ts') && /\.transaction\s*\(/.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(opened).toEqual([]);
  });

  it('the check would see one', () => {
    const finds = (text: string) => [...text.matchAll(STATEMENT)].length;
    expect(finds("const row = ctx.db.prepare('SELECT 1').get();")).toBe(1);
    expect(finds("const rows = db\n      .prepare<[number], Row>('SELECT 1')\n      .all(id);")).toBe(1);
    expect(finds("prepared<[], { n: number }>(db, 'SELECT 1')")).toBe(1);
    expect(finds('db.transaction(() => recordFailure(db, feed, outcome, now))();')).toBe(0);
  });
});

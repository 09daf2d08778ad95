// The numbered SQL migrations, bundled into the build so a packaged app needs no SQL files on disk.
// Files are named NNN_what.sql; a landed migration is never edited, a change is a new file.

const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = Object.entries(files)
  .map(([file, sql]) => {
    const match = /\/(\d{3})_([\w-]+)\.sql$/.exec(file);
    if (!match) throw new Error(`database: migration file ${file} is not named NNN_name.sql`);
    return { version: Number(match[1]), name: match[2] as string, sql };
  })
  .sort((a, b) => a.version - b.version);

// The reads that may take long enough to hold up a keystroke (searching a common word best match
// first ranks every match; the CLI's `items` reads up to 10,000 comments with their text), by name,
// so a console can run them on a connection of its own in a worker thread (main/core/reads.ts)
// while its own thread goes on answering keys. Each takes the connection and one plain-data input
// and returns plain data, so it crosses between threads unchanged.
import type { Db } from './connection';
import { listView, queryItems } from './tables/items';

export const offThreadReads = { listView, queryItems } satisfies Record<string, (db: Db, input: never) => unknown>;

export type OffThreadReads = typeof offThreadReads;
export type ReadName = keyof OffThreadReads;
export type ReadInput<N extends ReadName> = Parameters<OffThreadReads[N]>[1];
export type ReadResult<N extends ReadName> = ReturnType<OffThreadReads[N]>;

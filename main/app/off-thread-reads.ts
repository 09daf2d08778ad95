// Every feature's off-thread reads by name: the table the read worker (main/workers/read-worker.ts)
// looks each request up in. A read missing here fails in the console with its name (a test runs
// each through the worker).
import type { OffThreadRead } from '../core/reads';
import { queueReads } from '../features/queue/reads';
import { spotlightReads } from '../features/spotlight/reads';
import { rulesReads } from '../features/suggestions/rules/reads';

export const offThreadReads: ReadonlyMap<string, OffThreadRead<never, unknown>> = new Map(
  [...Object.values(queueReads), ...Object.values(spotlightReads), ...Object.values(rulesReads)].map((read) => [read.name, read as OffThreadRead<never, unknown>]),
);

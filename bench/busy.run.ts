// npm run bench:busy — only the busy-database figures of `npm run bench` (bench/busy-figures.ts).
import { it } from 'vitest';
import { busyFigures } from './busy-figures';

it('routing while the database is busy', async () => {
  const goals = await busyFigures((text) => process.stdout.write(`${text}\n`));
  process.stdout.write(`${JSON.stringify({ goals })}\n`);
});

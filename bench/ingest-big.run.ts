// npm run bench:ingest-big — issue 12's ingest figures alone (bench/ingest-figures.ts), without the
// rest of `npm run bench`: the app's store path into the 1M database against a bare insert, and
// the file's bytes per comment. The last line is the same JSON object `npm run bench` ends with.
import { it } from 'vitest';
import { ingestFigures } from './ingest-figures';

it('ingest into the 1M database', async () => {
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const goals = await ingestFigures(print);
  print(JSON.stringify({ goals }));
});

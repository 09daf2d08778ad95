// npm run bench:suggestions — issue 14's background figures alone (bench/suggestion-figures.ts):
// scoring the 1M database's Inbox, learning, and scoring it again. The last line is the same JSON
// object `npm run bench` ends with.
import { it } from 'vitest';
import { suggestionFigures } from './suggestion-figures';

it('suggestions on the 1M database', async () => {
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const goals = await suggestionFigures(print);
  print(JSON.stringify({ goals }));
}, 1_800_000);

// npm run bench:console: the console's figures alone (bench/console-figures.ts), on a copy of the
// cached 1M database; `npm run bench` prints them among the rest.
import { it } from 'vitest';
import { consoleFigures } from './console-figures';

it('the console at 1,000,000 comments', async () => {
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const goals = await consoleFigures(print);
  print(`\n${goals.filter((goal) => goal.pass).length} of ${goals.length} goals pass`);
  print(JSON.stringify({ goals }));
});

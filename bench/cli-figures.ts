// The `switchboard` command's start on the 1M database (issue 12): `node bin/switchboard.cjs items
// --limit 100`, the whole process from spawn to exit, as a terminal runs it (npx adds about half a
// second of its own; README "The switchboard command" says how to do without it). Goal: 250 ms.
import { spawnSync } from 'node:child_process';
import { BIN } from '../test/support/built-cli';
import { line, time, timeGoal, type Goal } from './figures';

export async function cliFigures(file: string, print: (text: string) => void): Promise<Goal[]> {
  const run = (...args: string[]) => () => {
    const done = spawnSync(process.execPath, [BIN, '--db', file, ...args], { encoding: 'utf8', env: { ...process.env, SWITCHBOARD_DB: '' } });
    if (done.status !== 0) throw new Error(`switchboard ${args.join(' ')} failed: ${done.stderr}`);
  };
  print('\nthe switchboard command, spawn to exit (node bin/switchboard.cjs)');
  const goals: Goal[] = [];
  const items = await time(run('items', '--limit', '100'), 10, 5_000);
  goals.push(timeGoal('switchboard items --limit 100, spawn to exit', items, 250, 'median'));
  print(line('  items --limit 100', items, goals.at(-1)));
  print(line('  --help (start-up alone: no database opened)', await time(run('--help'), 10, 3_000)));
  return goals;
}

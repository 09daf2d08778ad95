// Every service call slower than 40 ms is logged with its name and duration, to the log the
// service was opened with (the console's stderr), never to stdout.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { createService } from '../../../main/app/service';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';

function serviceLogging(lines: string[]) {
  return createService({ db: openDatabase(':memory:'), dbPath: ':memory:', version: '0.0.0-test', runner: inProcessRunner(), log: (line) => lines.push(line) });
}

/** performance.now() as the service sees it: each call of it advances by the next step. */
function clockSteps(...steps: number[]) {
  let now = 1_000;
  const spy = vi.spyOn(performance, 'now');
  for (const step of steps) spy.mockImplementationOnce(() => (now += step));
}

afterEach(() => vi.restoreAllMocks());

describe('slow call log', () => {
  it('names a call that took longer than 40 ms, with its duration', async () => {
    const lines: string[] = [];
    const service = serviceLogging(lines);
    clockSteps(0, 57);
    await service.client['views-counts']();
    expect(lines).toEqual(['switchboard: slow call views-counts took 57 ms']);
    await service.close();
  });

  it('says nothing of a call within 40 ms', async () => {
    const lines: string[] = [];
    const service = serviceLogging(lines);
    clockSteps(0, 40);
    await service.client['views-counts']();
    expect(lines).toEqual([]);
    await service.close();
  });

  it('logs a slow call that failed too', async () => {
    const lines: string[] = [];
    const service = serviceLogging(lines);
    clockSteps(0, 120);
    await expect(service.client['item-get']({ id: 999 })).rejects.toThrow('there is no comment with id 999');
    expect(lines).toEqual(['switchboard: slow call item-get took 120 ms']);
    await service.close();
  });
});

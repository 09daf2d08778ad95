// Runs tasks with at most `perHost` at once against any one host and `total` at once overall,
// so a moderator with forty feeds on one forum does not hammer it.

export interface HostTask<T> {
  host: string;
  run(): Promise<T>;
}

export async function runPerHost<T>(tasks: HostTask<T>[], limits: { perHost: number; total: number }, onDone?: (result: T, index: number) => void): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  const waiting = tasks.map((task, index) => ({ task, index }));
  const active = new Map<string, number>();
  let running = 0;

  return new Promise((resolve, reject) => {
    const pump = () => {
      if (waiting.length === 0 && running === 0) return resolve(results);
      while (running < limits.total) {
        const position = waiting.findIndex(({ task }) => (active.get(task.host) ?? 0) < limits.perHost);
        if (position === -1) return;
        const [{ task, index }] = waiting.splice(position, 1) as [{ task: HostTask<T>; index: number }];
        running += 1;
        active.set(task.host, (active.get(task.host) ?? 0) + 1);
        task.run().then((result) => {
          results[index] = result;
          running -= 1;
          active.set(task.host, (active.get(task.host) ?? 1) - 1);
          onDone?.(result, index);
          pump();
        }, reject);
      }
    };
    pump();
  });
}

// At most `perHost` jobs at once against any one host and `total` at once overall, so a moderator
// with forty feeds on one forum does not hammer it. The service keeps one limiter for all its
// fetches (FeedsRuntime.downloads). A job holds its slot only while it uses the network (refresh.ts
// gives it back once a feed's body is read), so parsing and storing one feed never keep the next
// one waiting.

/** `first`: the job goes ahead of those waiting (a fetch the moderator is looking at), still within the limits. */
export type HostLimited = <T>(host: string, job: () => Promise<T>, options?: { first?: boolean }) => Promise<T>;

export function hostLimiter(limits: { perHost: number; total: number }): HostLimited {
  const active = new Map<string, number>();
  const waiting: { host: string; start: () => void }[] = [];
  let running = 0;

  const pump = () => {
    while (running < limits.total) {
      const position = waiting.findIndex(({ host }) => (active.get(host) ?? 0) < limits.perHost);
      if (position === -1) return;
      const [next] = waiting.splice(position, 1);
      running += 1;
      active.set(next!.host, (active.get(next!.host) ?? 0) + 1);
      next!.start();
    }
  };

  return (host, job, options) =>
    new Promise((resolve, reject) => {
      const start = () => {
        // Through a promise, so a job that throws before returning one still gives its slot back.
        Promise.resolve()
          .then(job)
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            active.set(host, (active.get(host) ?? 1) - 1);
            pump();
          });
      };
      if (options?.first) waiting.unshift({ host, start });
      else waiting.push({ host, start });
      pump();
    });
}

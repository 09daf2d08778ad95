// The sync's state that lives only while this process runs (everything else is in the file):
// whether the stream is connected, and how to wake the sync when the moderator decides something.

export type FetchLike = typeof fetch;

export class TeamRuntime {
  /** Connected to the team server's stream right now. */
  online = false;
  /** How the sync and the handlers reach the team server (tests may pass their own). */
  fetch: FetchLike = (input, init) => fetch(input, init);
  /** Set while a sync runs: sends the outbox now rather than at its next round. */
  wake: (() => void) | null = null;
}

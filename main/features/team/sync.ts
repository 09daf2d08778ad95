// Keeps this desktop's team copy in step with the workspace while the console (or `switchboard
// serve`) runs: follows the server's stream, reads the change log since the cursor on every
// doorbell and after every reconnect, and sends the outbox. Offline everything keeps working on
// the copy and the outbox grows; it all goes on reconnect. A refused token stops it for good,
// saying so in team-status.
import { type ChangesAnswer, type HelloAnswer } from '../../../common/team-wire';
import { markTeamRevoked, markTeamSynced, readTeamLink, setTeamProblem, updateTeamIdentity } from '../../../db/tables/team-link';
import { forgetPresence, storePresence } from '../../../db/tables/team-people';
import { outboxLength } from '../../../db/tables/team-outbox';
import { applyChanges } from './apply';
import type { TeamContext } from './context';
import { isRevoked, linkCall, reasonOf, teamCall, TeamRefusal, TeamUnreachable, type TeamCall } from './http';
import { pushOutbox } from './push';
import type { FetchLike } from './runtime';
import { followStream } from './stream';
import { REVOKED_MESSAGE, unreachable } from './messages';

export interface TeamSyncOptions {
  /** How to reach the server (the global fetch by default). */
  fetch?: FetchLike;
  log?: (line: string) => void;
  /** The first wait before reconnecting; it doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** How often the outbox is looked at for decisions other processes wrote (the CLI on this file). */
  outboxCheckMs?: number;
}

/**
 * Changes read (and applied, in one transaction) at a time: a console's keys wait behind each
 * apply, so a catch-up goes in short steps (500 new comments took 0.1-0.24 s each on 2 busy cores,
 * load 7; in one step of 5,000 the console would wait seconds), not one long one.
 */
const CHANGES_PER_STEP = 500;

/** Reads the change log from the cursor until it says there is no more. */
export async function pull(ctx: TeamContext, call: TeamCall, signal?: AbortSignal): Promise<void> {
  for (;;) {
    const link = readTeamLink(ctx.db);
    if (!link) return;
    const answer = await teamCall<ChangesAnswer>(call, `/changes?since=${link.cursor}&limit=${CHANGES_PER_STEP}`, undefined, signal);
    if (signal?.aborted || !ctx.db.open) return;
    if (answer.changes.length > 0) applyChanges(ctx, answer.changes);
    else markTeamSynced(ctx.db, ctx.now());
    if (!answer.more || answer.changes.length === 0) return;
  }
}

/** What went wrong, for team-status: the network, the server's refusal, or this copy. */
function problemOf(serverUrl: string, error: unknown): string {
  if (error instanceof TeamUnreachable) return unreachable(serverUrl, error.message);
  if (error instanceof TeamRefusal) return `the team server at ${serverUrl} refused (${error.message}); your decisions are kept here and sent again`;
  return `this copy could not take the workspace's latest changes (${reasonOf(error)}); it tries again at the next change`;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Starts the sync of a team copy (nothing in a solo file, nor once the token was refused); the returned function stops it. */
export function startTeamSync(ctx: TeamContext, options: TeamSyncOptions = {}): () => Promise<void> {
  const first = readTeamLink(ctx.db);
  if (!first || first.revokedAt !== null) return async () => undefined;
  if (options.fetch) ctx.team.fetch = options.fetch;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const retryMs = options.retryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 15_000;
  const controller = new AbortController();
  const { signal } = controller;
  let stopped = false;
  const call = (): TeamCall => linkCall(ctx.team.fetch, readTeamLink(ctx.db) ?? first);
  const changed = () => ctx.events.emit('team-changed', {});
  // The console shows the outbox's length: it hears when it moved, online or not.
  let outboxSeen = outboxLength(ctx.db);
  const noticeOutbox = () => {
    if (!ctx.db.open) return;
    const length = outboxLength(ctx.db);
    if (length === outboxSeen) return;
    outboxSeen = length;
    changed();
  };

  const setOnline = (online: boolean) => {
    if (ctx.team.online === online) return;
    ctx.team.online = online;
    if (!online && ctx.db.open) forgetPresence(ctx.db);
    changed();
  };

  const revoked = () => {
    if (ctx.db.open) markTeamRevoked(ctx.db, REVOKED_MESSAGE, ctx.now());
    log(`switchboard: team: ${REVOKED_MESSAGE}`);
    stopped = true;
    controller.abort();
    setOnline(false);
    changed();
  };

  const failed = (error: unknown) => {
    if (stopped || !ctx.db.open) return;
    if (isRevoked(error)) return revoked();
    const problem = problemOf(first.serverUrl, error);
    if (readTeamLink(ctx.db)?.problem !== problem) {
      setTeamProblem(ctx.db, problem);
      changed();
    }
  };

  // One round at a time: read the log, then send the outbox; a doorbell during a round runs one more.
  let running: Promise<void> | null = null;
  let again = false;
  const round = (): void => {
    if (stopped || !ctx.team.online) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await pull(ctx, call(), signal);
        if (stopped) return;
        await pushOutbox(ctx, call(), signal);
        noticeOutbox();
      } while (again && !stopped);
    })()
      .catch(failed)
      .finally(() => {
        running = null;
      });
  };

  const connect = async () => {
    let delay = retryMs;
    while (!stopped) {
      try {
        const hello = await teamCall<HelloAnswer>(call(), '/hello', undefined, signal);
        if (!ctx.db.open) return;
        if (updateTeamIdentity(ctx.db, { moderatorName: hello.moderator.name, moderatorRole: hello.moderator.role, workspace: hello.workspace.name })) changed();
        await followStream(
          call(),
          {
            opened: () => {
              delay = retryMs;
              setOnline(true);
              // After every (re)connect: whatever rang while away is in the log since the cursor.
              round();
            },
            change: () => round(),
            presence: (presence) => {
              if (!ctx.db.open) return;
              storePresence(ctx.db, presence, ctx.now());
              changed();
            },
          },
          signal,
        );
      } catch (error) {
        failed(error);
      }
      if (stopped) return;
      setOnline(false);
      await sleep(delay, signal);
      delay = Math.min(delay * 2, maxRetryMs);
    }
  };

  // The moderator's own decisions go at once; others written to this file (the CLI) at the next look.
  ctx.team.wake = round;
  const unsubscribe = ctx.events.subscribe((event) => {
    if (event.name !== 'items-changed' || event.payload.reason === 'team') return;
    setImmediate(() => {
      noticeOutbox();
      round();
    });
  });
  const timer = setInterval(() => {
    noticeOutbox();
    if (outboxSeen > 0) round();
  }, options.outboxCheckMs ?? 5_000);
  timer.unref();
  const connecting = connect();

  return async () => {
    stopped = true;
    controller.abort();
    clearInterval(timer);
    unsubscribe();
    if (ctx.team.wake === round) ctx.team.wake = null;
    await connecting;
    await running;
    ctx.team.online = false;
  };
}

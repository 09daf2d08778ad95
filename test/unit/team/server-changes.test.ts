// The change log read since a cursor never skips a change, whatever order concurrent writers
// commit in. A bigserial alone would: a transaction that drew seq 10 and commits after the one
// that drew 11 is invisible to a reader that has moved its cursor to 11.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChangesAnswer, CommentState } from '../../../common/team-wire';
import { appendChanges } from '../../../db/pg/tables/changes';
import { startTestTeamServer, teamCall, type TestTeamServer } from '../../support/team-server';

let team: TestTeamServer;
beforeAll(async () => {
  team = await startTestTeamServer({ moderators: ['Ana', 'Ben', 'Cy', 'Dana'], label: 'changes' });
});
afterAll(async () => team?.stop());

/** A desktop's sync: reads from its cursor until the log has no more, and remembers what it saw. */
function desktop() {
  let cursor = 0;
  const seen: number[] = [];
  return {
    seen,
    async catchUp() {
      for (let more = true; more; ) {
        const answer = await teamCall<ChangesAnswer>(team.url, team.tokens.Ana!, 'GET', `/changes?since=${cursor}&limit=50`);
        expect(answer.status).toBe(200);
        seen.push(...answer.body.changes.map((change) => change.seq));
        cursor = answer.body.changes.at(-1)?.seq ?? cursor;
        more = answer.body.more;
      }
    },
  };
}

async function allSeqs(): Promise<number[]> {
  return (await team.pool.query('SELECT seq FROM changes ORDER BY seq')).rows.map((row) => row.seq);
}

test('a writer that drew its seq first but commits last is not skipped by a reader in between', async () => {
  const reader = desktop();
  await reader.catchUp();
  const [commentId] = await team.seedComments(1);

  // A: a transaction that has appended a change and not yet committed.
  const slow = await team.pool.connect();
  await slow.query('BEGIN');
  await appendChanges(slow, null, [{ kind: 'lease', commentId: commentId!, lease: null }]);
  // B: another writer, started after A.
  let settled = false;
  const fast = team.seedComments(1).finally(() => (settled = true));
  // Until B has either committed, or is waiting its turn behind A.
  for (;;) {
    const waiting = await team.pool.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
    if (settled || waiting.rows[0].n > 0) break;
    await sleep(10);
  }
  // The desktop reads between the two commits.
  await reader.catchUp();
  await slow.query('COMMIT');
  slow.release();
  await fast;
  await reader.catchUp();
  expect(reader.seen).toEqual(await allSeqs());
});

test('a desktop reading while eight moderators claim, route and release at once sees every change exactly once', async () => {
  const ids = await team.seedComments(40);
  const reader = desktop();
  let writing = true;
  const reading = (async () => {
    while (writing) await reader.catchUp();
    await reader.catchUp();
  })();
  const names = ['Ana', 'Ben', 'Cy', 'Dana'];
  const state: CommentState = {
    status: 'routed', route: 'service', routed_at: 1, snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0,
    note: null, service_state: null, service_exported_at: null, resolution: null, answered_by: null,
  };
  await Promise.all(
    [...names, ...names].map(async (name, worker) => {
      for (let round = 0; round < 10; round++) {
        const id = ids[(worker * 7 + round * 3) % ids.length]!;
        await teamCall(team.url, team.tokens[name]!, 'POST', '/claim', { commentIds: [id], purpose: 'open' });
        await teamCall(team.url, team.tokens[name]!, 'POST', '/decisions', {
          decisions: [{ kind: 'state', key: `w${worker}-r${round}`, commentId: id, baseVersion: 1, state, madeAt: 1, force: true }],
        });
        await teamCall(team.url, team.tokens[name]!, 'POST', '/release', { commentIds: [id] });
      }
    }),
  );
  writing = false;
  await reading;
  expect(reader.seen).toEqual(await allSeqs());
});

test('a desktop catching up on big comments gets them in pages of bounded size, none left out', async () => {
  const before = (await allSeqs()).at(-1)!;
  // 3 comments of about 5 MiB each (text and HTML): more than one 8 MiB page holds.
  const big = await team.seedComments(3, { text: (index) => `${index} ${'long words '.repeat(250_000)}` });
  const pages: number[] = [];
  const seen: number[] = [];
  for (let cursor = before, more = true; more; ) {
    const answer = await teamCall<ChangesAnswer>(team.url, team.tokens.Ana!, 'GET', `/changes?since=${cursor}`);
    pages.push(answer.body.changes.length);
    seen.push(...answer.body.changes.flatMap((change) => (change.kind === 'comment' ? [change.comment.id] : [])));
    cursor = answer.body.changes.at(-1)!.seq;
    more = answer.body.more;
  }
  expect(seen).toEqual(big);
  expect(pages.length).toBeGreaterThan(1);
});

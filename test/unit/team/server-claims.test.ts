// Leases: five desktops racing for the same comment, a hundred times over. Exactly one of them
// gets it each round, and the workspace never records two holders.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChangesAnswer, ClaimAnswer, ReleaseAnswer } from '../../../common/team-wire';
import { startTestTeamServer, teamCall, type TestTeamServer } from '../../support/team-server';

const NAMES = ['Ana', 'Ben', 'Cy', 'Dana', 'Sam'];
let team: TestTeamServer;
beforeAll(async () => {
  team = await startTestTeamServer({ moderators: NAMES, label: 'claims' });
});
afterAll(async () => team?.stop());

const claim = (name: string, commentIds: number[], extra: object = {}) =>
  teamCall<ClaimAnswer>(team.url, team.tokens[name]!, 'POST', '/claim', { commentIds, purpose: 'open', ...extra });

test('100 rounds of 5 moderators claiming one comment at once: exactly one holder each round', async () => {
  const ids = await team.seedComments(100);
  const winners: string[] = [];
  for (const id of ids) {
    const answers = await Promise.all(NAMES.map(async (name) => ({ name, answer: await claim(name, [id]) })));
    const granted = answers.filter(({ answer }) => answer.body.granted.some((grant) => grant.commentId === id));
    expect(granted).toHaveLength(1);
    const winner = granted[0]!.name;
    winners.push(winner);
    // Every loser is told who holds it.
    for (const { name, answer } of answers) if (name !== winner) expect(answer.body.refused[0]!.lease?.holder).toBe(winner);
    const stored = await team.pool.query('SELECT m.name FROM comments c JOIN moderators m ON m.id = c.lease_holder WHERE c.id = $1', [id]);
    expect(stored.rows.map((row) => row.name)).toEqual([winner]);
  }
  // One 'lease' change per granted claim, none for the refused ones.
  const log = await teamCall<ChangesAnswer>(team.url, team.tokens.Ana!, 'GET', '/changes?since=0');
  const leases = log.body.changes.filter((change) => change.kind === 'lease');
  expect(leases).toHaveLength(100);
  expect(leases.map((change) => (change.kind === 'lease' ? change.lease?.holder : null))).toEqual(winners);
});

test('a holder renews their lease; others take it only by taking over, or once it has run out', async () => {
  const [id] = await team.seedComments(1);
  expect((await claim('Dana', [id!], { purpose: 'reply' })).body.granted).toHaveLength(1);
  expect((await claim('Dana', [id!], { purpose: 'reply' })).body.granted).toHaveLength(1);
  expect((await claim('Sam', [id!])).body.refused[0]!.lease).toMatchObject({ holder: 'Dana', purpose: 'reply' });
  const taken = await claim('Sam', [id!], { takeover: true });
  expect(taken.body.granted.map((grant) => grant.commentId)).toEqual([id]);
  expect((await claim('Dana', [id!])).body.refused[0]!.lease).toMatchObject({ holder: 'Sam' });

  await team.pool.query('UPDATE comments SET lease_until = $2 WHERE id = $1', [id, Date.now() - 1]);
  expect((await claim('Dana', [id!])).body.granted).toHaveLength(1);
});

test('release gives back only your own leases', async () => {
  const [mine, theirs] = await team.seedComments(2);
  await claim('Dana', [mine!]);
  await claim('Sam', [theirs!]);
  const released = await teamCall<ReleaseAnswer>(team.url, team.tokens.Dana!, 'POST', '/release', { commentIds: [mine, theirs] });
  expect(released.body.released).toBe(1);
  expect((await claim('Ben', [mine!])).body.granted).toHaveLength(1);
  expect((await claim('Ben', [theirs!])).body.refused[0]!.lease).toMatchObject({ holder: 'Sam' });
});

test('a claim on a comment the workspace does not have is refused with no holder', async () => {
  const answer = await claim('Dana', [987_654_321]);
  expect(answer.body).toEqual({ granted: [], refused: [{ commentId: 987_654_321, lease: null }] });
});

test('a claim on a free comment that is busy at that instant (a decision being written) waits its turn instead of being refused', async () => {
  const [id] = await team.seedComments(1);
  const writing = await team.pool.connect();
  await writing.query('BEGIN');
  await writing.query('SELECT id FROM comments WHERE id = $1 FOR UPDATE', [id]);
  let settled = false;
  const claimed = claim('Sam', [id!]).finally(() => (settled = true));
  for (;;) {
    const waiting = await team.pool.query("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')");
    if (settled || waiting.rows[0].n > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await writing.query('COMMIT');
  writing.release();
  expect((await claimed).body.granted.map((grant) => grant.commentId)).toEqual([id]);
});

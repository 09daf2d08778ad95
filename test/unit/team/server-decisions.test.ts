// Decisions from desktops' outboxes: applied once by key, refused as conflicts that say what the
// workspace holds and who made it so, and replayed after a server restart without applying twice.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChangesAnswer, CommentState, Decision, DecisionOutcome, DecisionsAnswer } from '../../../common/team-wire';
import { startTestTeamServer, teamCall, type TestTeamServer } from '../../support/team-server';

let team: TestTeamServer;
beforeAll(async () => {
  team = await startTestTeamServer({ moderators: ['Dana', 'Sam'], label: 'decisions' });
});
afterAll(async () => team?.stop());

const NEW: CommentState = {
  status: 'new', route: null, routed_at: null, snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0,
  note: null, service_state: null, service_exported_at: null, resolution: null, answered_by: null,
};
const routed = (route: 'service' | 'spotlight' | 'ignore'): CommentState => ({ ...NEW, status: 'routed', route, routed_at: 1_700_000_000_000 });
let keys = 0;
const route = (commentId: number, baseVersion: number, lane: 'service' | 'spotlight' | 'ignore', extra: Partial<Decision> = {}): Decision =>
  ({ kind: 'state', key: `key-${++keys}-${Math.random()}`, commentId, baseVersion, state: routed(lane), madeAt: Date.now(), ...extra }) as Decision;

async function send(name: string, decisions: Decision[]): Promise<DecisionOutcome[]> {
  const answer = await teamCall<DecisionsAnswer>(team.url, team.tokens[name]!, 'POST', '/decisions', { decisions });
  expect(answer.status).toBe(200);
  return answer.body.outcomes;
}

async function stored(id: number) {
  const result = await team.pool.query('SELECT c.status, c.route, c.version, m.name AS updated_by FROM comments c LEFT JOIN moderators m ON m.id = c.updated_by WHERE c.id = $1', [id]);
  return result.rows[0];
}

test('a decision made on a version someone changed since comes back as a conflict naming who did what', async () => {
  const [id] = await team.seedComments(1);
  expect(await send('Dana', [route(id!, 1, 'spotlight')])).toMatchObject([{ outcome: 'applied', version: 2 }]);
  const [late] = await send('Sam', [route(id!, 1, 'service')]);
  expect(late).toMatchObject({ outcome: 'conflict', reason: 'stale', version: 2, by: 'Dana', state: { status: 'routed', route: 'spotlight' }, lease: null });
  expect(late!.outcome === 'conflict' && late!.at).toBeGreaterThan(0);
  expect(await stored(id!)).toEqual({ status: 'routed', route: 'spotlight', version: 2, updated_by: 'Dana' });

  // "Apply mine": the same decision sent again with force wins, over the newer version.
  const [forced] = await send('Sam', [{ ...route(id!, 1, 'service'), force: true } as Decision]);
  expect(forced).toMatchObject({ outcome: 'applied', version: 3 });
  expect(await stored(id!)).toEqual({ status: 'routed', route: 'service', version: 3, updated_by: 'Sam' });
});

test("a decision on a comment another moderator holds is a conflict naming the holder; the holder's own goes through and frees it", async () => {
  const [id] = await team.seedComments(1);
  await teamCall(team.url, team.tokens.Dana!, 'POST', '/claim', { commentIds: [id], purpose: 'reply' });
  const [refused] = await send('Sam', [route(id!, 1, 'ignore')]);
  expect(refused).toMatchObject({ outcome: 'conflict', reason: 'leased', version: 1, lease: { holder: 'Dana', purpose: 'reply' } });
  expect(await stored(id!)).toMatchObject({ status: 'new', version: 1 });

  expect(await send('Dana', [route(id!, 1, 'service')])).toMatchObject([{ outcome: 'applied', version: 2 }]);
  const lease = await team.pool.query('SELECT lease_holder FROM comments WHERE id = $1', [id]);
  expect(lease.rows[0].lease_holder).toBeNull();
});

test('replaying an outbox after a server restart applies nothing twice', async () => {
  const ids = await team.seedComments(3);
  const outbox = [route(ids[0]!, 1, 'service'), route(ids[1]!, 1, 'spotlight'), route(ids[2]!, 1, 'ignore'), route(ids[0]!, 2, 'spotlight')];
  const first = await send('Dana', outbox);
  expect(first.map((outcome) => [outcome.outcome, outcome.version])).toEqual([['applied', 2], ['applied', 2], ['applied', 2], ['applied', 3]]);
  const head = (await teamCall<ChangesAnswer>(team.url, team.tokens.Dana!, 'GET', '/changes?since=0')).body.head;

  await team.restart();
  const replay = await send('Dana', outbox);
  expect(replay.map((outcome) => [outcome.outcome, outcome.version])).toEqual([['duplicate', 2], ['duplicate', 2], ['duplicate', 2], ['duplicate', 3]]);
  expect(await stored(ids[0]!)).toMatchObject({ route: 'spotlight', version: 3 });
  expect((await teamCall<ChangesAnswer>(team.url, team.tokens.Dana!, 'GET', `/changes?since=${head}`)).body.changes).toEqual([]);
});

test('the same key sent twice at once is applied once', async () => {
  const [id] = await team.seedComments(1);
  const decision = route(id!, 1, 'service');
  const outcomes = (await Promise.all([send('Dana', [decision]), send('Dana', [decision])])).flat();
  expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['applied', 'duplicate']);
  expect(await stored(id!)).toMatchObject({ version: 2 });
});

test('a draft is shared through the log, and refused on a comment someone else holds', async () => {
  const [id] = await team.seedComments(1);
  const draft = { kind: 'draft', key: `draft-${Math.random()}`, commentId: id, draft: { body: 'Hi Priya, we are on it.', templates: ['Outage'] }, madeAt: Date.now() } as Decision;
  const before = (await teamCall<ChangesAnswer>(team.url, team.tokens.Sam!, 'GET', '/changes?since=0')).body.head;
  expect(await send('Dana', [draft])).toMatchObject([{ outcome: 'applied', version: 1 }]);
  const log = await teamCall<ChangesAnswer>(team.url, team.tokens.Sam!, 'GET', `/changes?since=${before}`);
  expect(log.body.changes).toMatchObject([{ kind: 'draft', commentId: id, by: 'Dana', draft: { body: 'Hi Priya, we are on it.', templates: ['Outage'] } }]);

  await teamCall(team.url, team.tokens.Dana!, 'POST', '/claim', { commentIds: [id], purpose: 'reply' });
  const [refused] = await send('Sam', [{ ...draft, key: `draft-${Math.random()}` } as Decision]);
  expect(refused).toMatchObject({ outcome: 'conflict', reason: 'leased', lease: { holder: 'Dana' } });
});

test('a decision on a comment the workspace does not have is a conflict, and the rest of the batch still applies', async () => {
  const [id] = await team.seedComments(1);
  const outcomes = await send('Dana', [route(987_654_321, 1, 'service'), route(id!, 1, 'service')]);
  expect(outcomes).toMatchObject([{ outcome: 'conflict', reason: 'missing', state: null }, { outcome: 'applied', version: 2 }]);
});

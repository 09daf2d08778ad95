// The team server's wire, end to end: joining with an invite, hello, the change log, claims,
// releases, decisions and the stream, over real HTTP against a real PostgreSQL.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChangesAnswer, ClaimAnswer, CommentState, DecisionsAnswer, HelloAnswer, PresenceAnswer } from '../../../common/team-wire';
import type { TeamRoute } from '../../../main/team-server/routes';
import { inviteModerator, revoke } from '../../../main/team-server/admin';
import { openTeamStream, startTestTeamServer, teamCall, type TestTeamServer } from '../../support/team-server';

let team: TestTeamServer;
beforeAll(async () => {
  const ownersOnly: TeamRoute = { method: 'POST', path: '/owners-only', owner: true, handle: async () => ({ done: true }) };
  team = await startTestTeamServer({ moderators: ['Dana', 'Sam'], label: 'basics', routes: [ownersOnly] });
});
afterAll(async () => team?.stop());

const NEW: CommentState = {
  status: 'new', route: null, routed_at: null, snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0,
  note: null, service_state: null, service_exported_at: null, resolution: null, answered_by: null,
};
const routed = (route: 'service' | 'spotlight'): CommentState => ({ ...NEW, status: 'routed', route, routed_at: 1_700_000_000_000 });

test('a joined moderator is greeted by name, and the log holds what was seeded', async () => {
  const [id] = await team.seedComments(1);
  const hello = await teamCall<HelloAnswer>(team.url, team.tokens.Dana!, 'GET', '/hello');
  expect(hello.status).toBe(200);
  expect(hello.body.moderator).toMatchObject({ name: 'Dana', role: 'moderator' });
  expect(hello.body.workspace.name).toBe('Test team');
  const read = await teamCall<ChangesAnswer>(team.url, team.tokens.Dana!, 'GET', '/changes?since=0');
  expect(read.body.changes.map((change) => change.kind)).toContain('comment');
  expect(read.body.changes.find((change) => change.kind === 'comment' && change.comment.id === id)).toBeTruthy();
  expect(read.body.head).toBe(read.body.changes.at(-1)!.seq);
});

test('without a token, or with a made-up one, the server answers 401 and says how to get one', async () => {
  const none = await teamCall<{ error: { code: string; message: string } }>(team.url, null, 'GET', '/hello');
  expect(none.status).toBe(401);
  expect(none.body.error.message).toMatch(/team join/);
  const madeUp = await teamCall(team.url, `sbt_${'x'.repeat(43)}`, 'GET', '/hello');
  expect(madeUp.status).toBe(401);
});

test('an invite works once', async () => {
  const again = await teamCall<{ error: { message: string } }>(team.url, null, 'POST', '/join', { invite: `sbi_${'a'.repeat(43)}` });
  expect(again.status).toBe(401);
  expect(again.body.error.message).toMatch(/switchboard team invite/);
});

test('an expired invite is refused and says when it ran out', async () => {
  const { invite } = await inviteModerator(team.pool, 'Late', 'moderator');
  await team.pool.query("UPDATE moderators SET invite_until = 1700000000000 WHERE name = 'Late'");
  const answer = await teamCall<{ error: { message: string } }>(team.url, null, 'POST', '/join', { invite });
  expect(answer.status).toBe(401);
  expect(answer.body.error.message).toBe('this invite expired on 2023-11-14 22:13 UTC: ask an owner for a new one (switchboard team invite NAME)');
});

test('a revoked moderator invited again gets back in with a new token; the old one stays refused', async () => {
  const old = await team.addModerator('Robin');
  await revoke(team.pool, 'Robin');
  expect((await teamCall(team.url, old, 'GET', '/hello')).status).toBe(401);
  const back = await team.addModerator('Robin');
  expect((await teamCall<HelloAnswer>(team.url, back, 'GET', '/hello')).body.moderator.name).toBe('Robin');
  expect((await teamCall(team.url, old, 'GET', '/hello')).status).toBe(401);
});

test('what only owners may do is refused to a moderator with 403', async () => {
  const moderator = await teamCall<{ error: { code: string; message: string } }>(team.url, team.tokens.Dana!, 'POST', '/owners-only', {});
  expect(moderator.status).toBe(403);
  expect(moderator.body.error.message).toBe('only an owner of the workspace may do this; Dana is a moderator');
  expect((await teamCall(team.url, team.tokens.Owner!, 'POST', '/owners-only', {})).status).toBe(200);
});

test('Dana claims a comment, Sam is refused with her name, and her routing releases it', async () => {
  const [id] = await team.seedComments(1);
  const dana = await teamCall<ClaimAnswer>(team.url, team.tokens.Dana!, 'POST', '/claim', { commentIds: [id], purpose: 'reply' });
  expect(dana.body.granted.map((grant) => grant.commentId)).toEqual([id]);
  const sam = await teamCall<ClaimAnswer>(team.url, team.tokens.Sam!, 'POST', '/claim', { commentIds: [id], purpose: 'open' });
  expect(sam.body.granted).toEqual([]);
  expect(sam.body.refused[0]!.lease).toMatchObject({ holder: 'Dana', purpose: 'reply' });

  const done = await teamCall<DecisionsAnswer>(team.url, team.tokens.Dana!, 'POST', '/decisions', {
    decisions: [{ kind: 'state', key: 'dana-route-1', commentId: id, baseVersion: 1, state: routed('service'), madeAt: Date.now() }],
  });
  expect(done.body.outcomes).toEqual([{ key: 'dana-route-1', outcome: 'applied', version: 2 }]);
  const samAgain = await teamCall<ClaimAnswer>(team.url, team.tokens.Sam!, 'POST', '/claim', { commentIds: [id], purpose: 'open' });
  expect(samAgain.body.granted.map((grant) => grant.commentId)).toEqual([id]);
});

test('the stream rings on connect and on every change, and shows who is online', async () => {
  const stream = await openTeamStream(team.url, team.tokens.Sam!);
  try {
    expect(stream.status).toBe(200);
    const first = await stream.next((event) => event.event === 'change');
    await stream.next((event) => event.event === 'presence' && (event.data as PresenceAnswer).online.some((who) => who.name === 'Sam'));
    await team.seedComments(1);
    const head = (first.data as { head: number }).head;
    await stream.next((event) => event.event === 'change' && (event.data as { head: number }).head > head);
    const presence = await teamCall<PresenceAnswer>(team.url, team.tokens.Dana!, 'GET', '/presence');
    expect(presence.body.online.map((who) => who.name)).toEqual(['Sam']);
  } finally {
    stream.close();
  }
});

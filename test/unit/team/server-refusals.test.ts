// What the team server refuses: a body that is not JSON, one of the wrong shape, one too large to
// read. Each is answered in plain words with nothing changed in the workspace.
import http from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TEAM_API, TEAM_MAX_BODY_BYTES, type TeamErrorBody } from '../../../common/team-wire';
import { startTestTeamServer, teamCall, type TestTeamServer } from '../../support/team-server';

let team: TestTeamServer;
let commentId: number;
beforeAll(async () => {
  team = await startTestTeamServer({ moderators: ['Dana'], label: 'refusals' });
  [commentId] = (await team.seedComments(1)) as [number];
});
afterAll(async () => team?.stop());

/** Everything a refused request could have touched. */
async function snapshot() {
  const [changes, comments, decisions] = await Promise.all([
    team.pool.query('SELECT count(*)::int AS n, max(seq) AS head FROM changes'),
    team.pool.query('SELECT id, status, route, version, lease_holder FROM comments ORDER BY id'),
    team.pool.query('SELECT count(*)::int AS n FROM decisions'),
  ]);
  return { changes: changes.rows[0], comments: comments.rows, decisions: decisions.rows[0] };
}

const decisionBody = (note: string) => ({
  decisions: [
    {
      kind: 'state', key: `k-${Math.random()}`, commentId, baseVersion: 1, madeAt: Date.now(),
      state: { status: 'routed', route: 'service', routed_at: 1, snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0, note, service_state: null, service_exported_at: null, resolution: null, answered_by: null },
    },
  ],
});

test('a body that is not JSON is refused with 400 and nothing changes', async () => {
  const before = await snapshot();
  const answer = await teamCall<TeamErrorBody>(team.url, team.tokens.Dana!, 'POST', '/decisions', '{"decisions": [');
  expect(answer.status).toBe(400);
  expect(answer.body.error).toEqual({ code: 'invalid-input', message: 'the request body is not valid JSON: send one JSON object' });
  expect(await snapshot()).toEqual(before);
});

test('a body of the wrong shape is refused with 400 naming the field, and nothing changes', async () => {
  const before = await snapshot();
  const wrong = decisionBody('x');
  (wrong.decisions[0]!.state as Record<string, unknown>).status = 'archived';
  const answer = await teamCall<TeamErrorBody>(team.url, team.tokens.Dana!, 'POST', '/decisions', wrong);
  expect(answer.status).toBe(400);
  expect(answer.body.error.message).toMatch(/^the request body is not what this request takes at decisions\.0\.state\.status: /);
  const claim = await teamCall<TeamErrorBody>(team.url, team.tokens.Dana!, 'POST', '/claim', { commentIds: [commentId], purpose: 'open', extra: true });
  expect(claim.status).toBe(400);
  const changes = await teamCall<TeamErrorBody>(team.url, team.tokens.Dana!, 'GET', '/changes?since=-1');
  expect(changes.status).toBe(400);
  expect(changes.body.error.message).toMatch(/^the query is not what this request takes at since/);
  expect(await snapshot()).toEqual(before);
});

test('a body larger than the limit is refused with 413 before it is read, and nothing changes', async () => {
  const before = await snapshot();
  const huge = JSON.stringify(decisionBody('x'.repeat(TEAM_MAX_BODY_BYTES)));
  const answer = await teamCall<TeamErrorBody>(team.url, team.tokens.Dana!, 'POST', '/decisions', huge);
  expect(answer.status).toBe(413);
  expect(answer.body.error.code).toBe('too-large');
  expect(answer.body.error.message).toMatch(/larger than 1 MiB/);
  expect(await snapshot()).toEqual(before);
});

test('a body sent without its length (chunked) is cut off at the limit too', async () => {
  const before = await snapshot();
  const { port } = new URL(team.url);
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: `${TEAM_API}/decisions`, headers: { authorization: `Bearer ${team.tokens.Dana}`, 'transfer-encoding': 'chunked' } });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    // Keeps sending (64 KiB at a time, up to 8 MiB) until the server answers.
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const more = () => {
      while (sent < 8 * 1024 * 1024) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', more);
      }
      request.end();
    };
    more();
  });
  expect(status).toBe(413);
  expect(await snapshot()).toEqual(before);
});

test('an unknown path is 404 and says so', async () => {
  const answer = await teamCall<TeamErrorBody>(team.url, team.tokens.Dana!, 'GET', '/nothing-here');
  expect(answer.status).toBe(404);
  expect(answer.body.error.message).toMatch(/there is no GET \/team\/v1\/nothing-here on this team server/);
});

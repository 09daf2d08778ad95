// The change stream a desktop keeps open: rung on every change, closed when its moderator is
// revoked, and still rung after PostgreSQL kills the server's LISTEN connection, with nothing
// missed by a desktop reading the log since its cursor.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChangesAnswer, TeamChange } from '../../../common/team-wire';
import { revoke } from '../../../main/team-server/admin';
import { LISTENER_APPLICATION_NAME } from '../../../main/team-server/listener';
import { openTeamStream, startTestTeamServer, teamCall, type TestStream, type TestTeamServer } from '../../support/team-server';

let team: TestTeamServer;
beforeAll(async () => {
  // A fast LISTEN heartbeat, so a lost connection is noticed within the test's patience.
  team = await startTestTeamServer({ moderators: ['Dana', 'Sam', 'Lee'], label: 'stream', listener: { heartbeatMs: 200, timeoutMs: 1_000, retryMs: 100 } });
});
afterAll(async () => team?.stop());

const headOf = (event: { data: unknown }) => (event.data as { head: number }).head;
const rungPast = (stream: TestStream, head: number) => stream.next((event) => event.event === 'change' && headOf(event) > head);

async function readAll(token: string, since: number): Promise<TeamChange[]> {
  const read: TeamChange[] = [];
  for (let cursor = since, more = true; more; ) {
    const answer = await teamCall<ChangesAnswer>(team.url, token, 'GET', `/changes?since=${cursor}&limit=7`);
    read.push(...answer.body.changes);
    cursor = answer.body.changes.at(-1)?.seq ?? cursor;
    more = answer.body.more;
  }
  return read;
}

test("the LISTEN connection killed by PostgreSQL comes back and rings, later changes still ring, and the log since the cursor has them", async () => {
  const stream = await openTeamStream(team.url, team.tokens.Dana!);
  try {
    const cursor = headOf(await stream.next((event) => event.event === 'change'));
    const rungBefore = stream.events.length;
    const killed = await team.pool.query('SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1', [LISTENER_APPLICATION_NAME]);
    expect(killed.rows.map((row) => row.done)).toEqual([true]);
    // Back again: a new LISTEN connection, and the doorbell rung once more (nothing was written,
    // so only the reconnection rings it) for whatever may have been committed while nobody listened.
    await stream.next((event) => event.event === 'change' && stream.events.indexOf(event) >= rungBefore);
    await expect.poll(async () => (await team.pool.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [LISTENER_APPLICATION_NAME])).rows[0].n, { timeout: 10_000 }).toBe(1);
    const head = Math.max(...stream.events.filter((event) => event.event === 'change').map(headOf));
    const [after] = await team.seedComments(1);
    await rungPast(stream, head);

    const comments = (await readAll(team.tokens.Dana!, cursor)).flatMap((change) => (change.kind === 'comment' ? [change.comment.id] : []));
    expect(comments).toEqual([after]);
  } finally {
    stream.close();
  }
});

test('a LISTEN connection that goes silent (its backend frozen) is noticed by the heartbeat and replaced, and the doorbell rings', async () => {
  const stream = await openTeamStream(team.url, team.tokens.Dana!);
  const listener = await team.pool.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [LISTENER_APPLICATION_NAME]);
  const pid = listener.rows[0].pid as number;
  try {
    await stream.next((event) => event.event === 'change');
    const rungBefore = stream.events.length;
    // No error, no closed socket: the connection just stops answering, as on a dropped route.
    process.kill(pid, 'SIGSTOP');
    await stream.next((event) => event.event === 'change' && stream.events.indexOf(event) >= rungBefore);
    const head = Math.max(...stream.events.filter((event) => event.event === 'change').map(headOf));
    await team.seedComments(1);
    await rungPast(stream, head);
  } finally {
    process.kill(pid, 'SIGCONT');
    stream.close();
  }
  // The frozen one, thawed, is told to go; one LISTEN connection is left.
  await expect.poll(async () => (await team.pool.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [LISTENER_APPLICATION_NAME])).rows[0].n, { timeout: 10_000 }).toBe(1);
});

test('a revoked moderator is refused at once and their open stream is closed; the others stay', async () => {
  const sam = await openTeamStream(team.url, team.tokens.Sam!);
  const lee = await openTeamStream(team.url, team.tokens.Lee!);
  try {
    await sam.next((event) => event.event === 'change');
    await lee.next((event) => event.event === 'change');
    await revoke(team.pool, 'Sam');
    await sam.ended;
    expect((await teamCall(team.url, team.tokens.Sam!, 'GET', '/hello')).status).toBe(401);
    expect((await openTeamStream(team.url, team.tokens.Sam!)).status).toBe(401);
    // Lee's stream sees Sam leave, and keeps ringing.
    await lee.next((event) => event.event === 'presence' && !(event.data as { online: { name: string }[] }).online.some((who) => who.name === 'Sam'));
    const head = Math.max(...lee.events.filter((event) => event.event === 'change').map(headOf));
    await team.seedComments(1);
    await rungPast(lee, head);
    const log = await readAll(team.tokens.Lee!, 0);
    expect(log.some((change) => change.kind === 'moderator' && change.moderator.name === 'Sam' && change.moderator.revoked)).toBe(true);
  } finally {
    sam.close();
    lee.close();
  }
});

test("joining again (a new desktop) replaces the moderator's token: the old desktop's stream closes and its token is refused", async () => {
  const oldToken = await team.addModerator('Kim');
  const old = await openTeamStream(team.url, oldToken);
  try {
    await old.next((event) => event.event === 'change');
    const newToken = await team.addModerator('Kim');
    await old.ended;
    expect((await teamCall(team.url, oldToken, 'GET', '/hello')).status).toBe(401);
    expect((await teamCall(team.url, newToken, 'GET', '/hello')).status).toBe(200);
  } finally {
    old.close();
  }
});

test('the stream sends a heartbeat comment so idle connections stay honest', async () => {
  const quick = await startTestTeamServer({ label: 'heartbeat', streamHeartbeatMs: 50 });
  try {
    const response = await fetch(`${quick.url}/team/v1/stream`, { headers: { authorization: `Bearer ${quick.tokens.Owner}` } });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(': heartbeat\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
  } finally {
    await quick.stop();
  }
});

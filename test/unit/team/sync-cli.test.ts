// `switchboard team join|status|leave` as a moderator runs them on their desktop: the built
// command on a real SQLite file, against a real team server. Joining keeps the solo database
// aside and copies the workspace; leaving puts the solo database back, its decisions intact.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BIN, ensureBuilt } from '../../support/built-cli';
import { startTestTeamServer, type TestTeamServer } from '../../support/team-server';
import { inviteModerator } from '../../../main/team-server/admin';
import { tempDir } from '../../support/temp';

let server: TestTeamServer;
beforeAll(async () => {
  ensureBuilt();
  server = await startTestTeamServer({ label: 'sync_cli' });
}, 300_000);
afterAll(async () => server?.stop());

/** The built command, run without blocking this process (the team server answers from it). */
function cli(db: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, '--db', db, ...args], { env: { ...process.env, SWITCHBOARD_DB: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

test('join keeps the solo database aside and copies the workspace; status tells; leave puts the solo database back', async () => {
  const db = path.join(tempDir(), 'switchboard.db');
  expect((await cli(db, 'demo')).code).toBe(0);
  const solo = JSON.parse((await cli(db, '--json', 'items', '--limit', '5')).stdout) as { id: number }[];
  expect((await cli(db, 'route', String(solo[0]!.id), 'service')).code).toBe(0);
  const seeded = await server.seedComments(3, { text: (n) => `Workspace comment ${n + 1}` });

  const invite = await inviteModerator(server.pool, 'Dana', 'moderator');
  const joined = await cli(db, 'team', 'join', server.url, '--token', invite.invite);
  expect(joined.stderr).toBe('');
  expect(joined.stdout).toContain(`Joined "Test team" at ${server.url} as Dana (moderator).`);
  expect(joined.stdout).toContain(`Your solo database is kept at ${db}.solo.db`);
  const copied = JSON.parse((await cli(db, '--json', 'items', '--limit', '50')).stdout) as { id: number }[];
  expect(copied.map((item) => item.id).sort()).toEqual(seeded);

  const status = JSON.parse((await cli(db, '--json', 'team', 'status')).stdout);
  expect(status).toMatchObject({ mode: 'team', workspace: 'Test team', moderator: { name: 'Dana' }, online: false, outbox: 0, conflicts: 0, problem: null });
  expect((await cli(db, 'team', 'status')).stdout).toMatch(/outbox: 0 decisions waiting to be sent; conflicts: 0 waiting for you/);

  // A decision not sent yet holds the desktop in the team until it goes, or --force.
  expect((await cli(db, 'route', String(seeded[0]), 'ignore')).code).toBe(0);
  const refused = await cli(db, 'team', 'leave');
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toMatch(/1 decision has not reached the team server yet/);
  const left = await cli(db, 'team', 'leave', '--force');
  expect(left.stdout).toContain(`Left the team. The team copy is kept at ${db}.team.db; your solo database is back.`);
  const back = JSON.parse((await cli(db, '--json', 'items', '--limit', '5')).stdout) as { id: number; route: string | null }[];
  expect(back.find((item) => item.id === solo[0]!.id)?.route).toBe('service');
  expect(JSON.parse((await cli(db, '--json', 'team', 'status')).stdout)).toEqual({ mode: 'solo' });

  // A used invite is refused, and nothing moves.
  const again = await cli(db, 'team', 'join', server.url, '--token', invite.invite);
  expect(again.code).not.toBe(0);
  expect(again.stderr).toMatch(/team server refused the invite: .*(used|unknown|expired)/i);
  expect(JSON.parse((await cli(db, '--json', 'team', 'status')).stdout)).toEqual({ mode: 'solo' });
}, 120_000);

// The team copy's SQLite side (no server): the outbox triggers write one row per decision in the
// decision's own transaction, applying the workspace's changes writes none and twice changes
// nothing, the moderator's waiting decision keeps its state, and another's lease refuses a key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryService } from '../../support/seed';
import type { Service } from '../../../main/app/service';
import { createTeamLink } from '../../../db/tables/team-link';
import { applyChanges } from '../../../main/features/team/apply';
import { applyAction } from '../../../db/tables/audit-log';
import { writeTransaction } from '../../../db/write';
import { AT, NEW_STATE, numbered, teamComment, teamFeed } from '../../support/team-changes';
import type { TeamChange } from '../../../common/team-wire';

let service: Service;
const outbox = () => service.context.db.prepare('SELECT item_id, base_version, kind, state FROM team_outbox ORDER BY seq').all() as { item_id: number; base_version: number; kind: string; state: string | null }[];
const stateOf = (id: number) => service.context.db.prepare('SELECT status, route, team_version FROM items WHERE id = ?').get(id);

function join(): void {
  createTeamLink(service.context.db, { serverUrl: 'http://127.0.0.1:1', token: `sbt_${'a'.repeat(43)}`, moderatorId: 1, moderatorName: 'Sam', moderatorRole: 'moderator', workspace: 'Acme support' }, AT);
}

const workspace: TeamChange[] = numbered(1, [
  { kind: 'feed', feed: teamFeed(7) },
  { kind: 'comment', comment: teamComment(101, 7, 'The site is down and nobody answers my refund request') },
  { kind: 'comment', comment: teamComment(102, 7, 'Clearing the cache worked for me, try Settings > Cache') },
]);

beforeEach(() => {
  service = memoryService();
});
afterEach(async () => {
  await service.close();
});

describe('outbox', () => {
  it('writes nothing in a solo file', async () => {
    service.context.db.prepare("INSERT INTO feeds (id, url, title, created_at) VALUES (7, 'https://a.example/f', 'A', 0)").run();
    service.context.db.prepare("INSERT INTO items (id, feed_id, guid, published_at, fetched_at, updated_at) VALUES (101, 7, 'g', 0, 0, 0)").run();
    await service.client['items-route']({ ids: [101], route: 'service' });
    expect(outbox()).toEqual([]);
  });

  it('writes one row per comment an action changes, with its whole new state and the version it was made on; undo writes the state it restores', async () => {
    join();
    applyChanges(service.context, workspace);
    await service.client['items-route']({ ids: [101, 102], route: 'service' });
    expect(outbox().map((row) => [row.item_id, row.base_version, JSON.parse(row.state!).route])).toEqual([
      [101, 1, 'service'],
      [102, 1, 'service'],
    ]);
    expect(JSON.parse(outbox()[0]!.state!)).toMatchObject({ ...NEW_STATE, status: 'routed', route: 'service', routed_at: AT + 3 * 3_600_000, service_state: 'open' });
    await service.client['items-undo']({});
    expect(outbox().slice(2).map((row) => [row.item_id, JSON.parse(row.state!).status, JSON.parse(row.state!).route])).toEqual([
      [101, 'new', null],
      [102, 'new', null],
    ]);
    // Routing a comment to where it already is changes nothing: nothing to send.
    await service.client['items-route']({ ids: [101], route: 'service' });
    await service.client['items-route']({ ids: [101], route: 'service' });
    expect(outbox()).toHaveLength(5);
  });

  it('is written in the decision\'s transaction: a decision rolled back leaves no outbox row', () => {
    join();
    applyChanges(service.context, workspace);
    expect(() =>
      writeTransaction(service.context.db, () => {
        applyAction(service.context.db, 'route', [101], { status: 'routed', route: 'spotlight' }, {}, AT);
        throw new Error('the disk is full');
      }),
    ).toThrow('the disk is full');
    expect(outbox()).toEqual([]);
    expect(stateOf(101)).toMatchObject({ status: 'new', route: null });
  });

  it('takes a reply draft saved on a comment', async () => {
    join();
    applyChanges(service.context, workspace);
    await service.client['draft-save']({ itemId: 101, body: 'Sorry Priya, we are on it.' });
    expect(outbox().filter((row) => row.kind === 'draft').map((row) => JSON.parse(row.state!).body)).toEqual(['Sorry Priya, we are on it.']);
  });
});

describe('applying the change log', () => {
  it('stores the workspace comments under their ids, searchable and suggested like fetched ones, and writes no outbox row', async () => {
    join();
    applyChanges(service.context, workspace);
    expect(outbox()).toEqual([]);
    const inbox = await service.client['items-list']({ view: 'inbox' });
    expect(inbox.items.map((item) => item.id).sort()).toEqual([101, 102]);
    expect(inbox.items.find((item) => item.id === 101)?.suggestion?.route).toBe('service');
    const found = await service.client['items-list']({ view: 'all', search: 'refund' });
    expect(found.items.map((item) => item.id)).toEqual([101]);
    expect((await service.client['feeds-list']({})).map((feed) => [feed.id, feed.title])).toEqual([[7, 'Acme forum']]);
  });

  it('applies state, lease and draft changes, and the same changes twice change nothing', async () => {
    join();
    const log = [
      ...workspace,
      ...numbered(4, [
        { kind: 'state', commentId: 101, version: 2, by: 'Dana', state: { ...NEW_STATE, status: 'routed', route: 'service', routed_at: AT } },
        { kind: 'draft', commentId: 101, draft: { body: 'We are on it', templates: [] } },
        { kind: 'lease', commentId: 102, lease: { holder: 'Dana', holderId: 2, purpose: 'reply', until: Date.now() + 60_000 } },
      ]),
    ];
    applyChanges(service.context, log);
    const dump = () => JSON.stringify([service.context.db.prepare('SELECT * FROM items ORDER BY id').all(), service.context.db.prepare('SELECT item_id, body FROM drafts').all(), service.context.db.prepare('SELECT * FROM team_leases').all()]);
    const once = dump();
    expect(stateOf(101)).toEqual({ status: 'routed', route: 'service', team_version: 2 });
    // Read again from the start (a cursor lost with a crash): nothing changes, nothing is sent.
    service.context.db.prepare('UPDATE team_link SET cursor = 0').run();
    applyChanges(service.context, log);
    expect(dump()).toBe(once);
    expect(outbox()).toEqual([]);
    // An older state never goes over a newer one.
    service.context.db.prepare('UPDATE team_link SET cursor = 0').run();
    applyChanges(service.context, numbered(1, [{ kind: 'state', commentId: 101, version: 1, state: NEW_STATE }]));
    expect(stateOf(101)).toEqual({ status: 'routed', route: 'service', team_version: 2 });
  });

  it("keeps the moderator's own state while their decision on the comment waits to be sent", async () => {
    join();
    applyChanges(service.context, workspace);
    await service.client['items-route']({ ids: [101], route: 'spotlight' });
    applyChanges(service.context, numbered(4, [{ kind: 'state', commentId: 101, version: 2, state: { ...NEW_STATE, status: 'routed', route: 'ignore', routed_at: AT } }]));
    expect(stateOf(101)).toMatchObject({ status: 'routed', route: 'spotlight' });
  });
});

describe('a team copy', () => {
  it('takes feeds and comments from the workspace only: loading the sample feeds here is refused, saying why', async () => {
    join();
    applyChanges(service.context, workspace);
    await expect(service.client['feeds-load-samples']({})).rejects.toThrow(/team server fetches the feeds for everybody: ask an owner to add/);
    expect((await service.client['feeds-list']({})).map((feed) => feed.id)).toEqual([7]);
  });
});

describe('leases', () => {
  it("refuses to act on a comment another moderator holds, naming them, and shows their lease on the row; an own or ended lease does not stop it", async () => {
    join();
    applyChanges(service.context, [
      ...workspace,
      ...numbered(4, [
        { kind: 'lease', commentId: 101, lease: { holder: 'Dana', holderId: 2, purpose: 'reply', until: Date.now() + 60_000 } },
        { kind: 'lease', commentId: 102, lease: { holder: 'Sam', holderId: 1, purpose: 'open', until: Date.now() + 60_000 } },
      ]),
    ]);
    await expect(service.client['items-route']({ ids: [101], route: 'ignore' })).rejects.toThrow(/Dana is replying to this comment: take it over/);
    expect(stateOf(101)).toMatchObject({ status: 'new', route: null });
    expect(outbox()).toEqual([]);
    const rows = (await service.client['items-list']({ view: 'inbox' })).items;
    expect(rows.find((item) => item.id === 101)?.lease).toMatchObject({ holder: 'Dana', purpose: 'reply' });
    expect(rows.find((item) => item.id === 102)?.lease).toBeUndefined();
    await service.client['items-route']({ ids: [102], route: 'spotlight' });
    applyChanges(service.context, numbered(6, [{ kind: 'lease', commentId: 101, lease: { holder: 'Dana', holderId: 2, purpose: 'reply', until: Date.now() - 1 } }]));
    await service.client['items-route']({ ids: [101], route: 'ignore' });
    expect(stateOf(101)).toMatchObject({ route: 'ignore' });
  });
});

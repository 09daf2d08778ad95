// Accepting suggestions (main/features/suggestions/accept.ts): a selection with mixed lanes, and
// every Inbox comment at or above a confidence, each as one action that one undo takes back; the
// preview says exactly what accepting then routes.
import { describe, expect, it } from 'vitest';
import type { Route } from '../../../common/types';
import { writeSuggestion } from '../../../db/tables/suggestions';
import { acceptableAbove } from '../../../main/features/suggestions/accept';
import { addFeed, addItem } from '../../support/seed';
import { fileService } from '../../support/suggestions';

/** An Inbox whose comments carry these suggestions (route, confidence); null: not scored. */
function inboxWith(suggestions: ([Route | null, number] | null)[]) {
  const service = fileService();
  const { db } = service.context;
  const feed = addFeed(db);
  const ids = suggestions.map((suggestion, n) => {
    const id = addItem(db, { feedId: feed, author: `Member ${n}`, text: `Comment number ${n}` });
    if (suggestion) writeSuggestion(db, id, { route: suggestion[0], confidence: suggestion[1], reasons: suggestion[0] ? ['a reason'] : [] }, 1);
    return id;
  });
  const state = async () => Promise.all(ids.map(async (id) => (await service.client['item-get']({ id })).route));
  return { service, db, ids, state };
}

describe('accepting suggestions', () => {
  it('routes one comment to its suggested lane, and undo puts it back', async () => {
    const { service, ids, state } = inboxWith([['spotlight', 0.8]]);
    const result = await service.client['items-accept']({ ids });
    expect(result).toMatchObject({ action: 'route', itemIds: ids, skipped: [], items: [{ id: ids[0], route: 'spotlight', status: 'routed' }] });
    await service.client['items-undo']({ auditIds: [result.auditId] });
    expect(await state()).toEqual([null]);
  });

  it('routes several comments to mixed lanes as one action, leaves the ones without a suggestion, and one undo takes all back', async () => {
    const { service, ids, state } = inboxWith([['service', 0.9], ['spotlight', 0.7], [null, 0.3], ['ignore', 0.95], null]);
    const result = await service.client['items-accept']({ ids });
    expect(result.skipped).toEqual([ids[2], ids[4]]);
    expect(await state()).toEqual(['service', 'spotlight', null, 'ignore', null]);
    expect(await service.client['items-undo']({})).toMatchObject({ auditId: result.auditId, itemIds: [ids[0], ids[1], ids[3]] });
    expect(await state()).toEqual([null, null, null, null, null]);
  });

  it('says so in plain words when none of the comments has a suggestion, or one does not exist', async () => {
    const { service, ids } = inboxWith([[null, 0.3], null]);
    await expect(service.client['items-accept']({ ids })).rejects.toThrow(`none of these 2 comments has a suggestion to accept; route them by hand`);
    await expect(service.client['items-accept']({ ids: [...ids, 999] })).rejects.toThrow('there is no comment with id 999; it may have been deleted with its feed');
  });

  it('routes exactly what the preview of "accept all at or above" counted, per lane, as one undoable action', async () => {
    const { service, ids, state } = inboxWith([['service', 0.95], ['service', 0.89], ['spotlight', 0.9], ['ignore', 0.99], [null, 0.5], null]);
    const preview = await service.client['suggestions-accept-above']({ threshold: 0.9, preview: true });
    expect(preview).toEqual({ count: 3, byRoute: { service: 1, spotlight: 1, ignore: 1 }, capped: false, auditId: null });
    expect(await state()).toEqual([null, null, null, null, null, null]);

    const accepted = await service.client['suggestions-accept-above']({ threshold: 0.9 });
    expect(accepted).toEqual({ ...preview, auditId: expect.any(Number) });
    expect(await state()).toEqual(['service', null, 'spotlight', 'ignore', null, null]);
    await service.client['items-undo']({});
    expect(await state()).toEqual([null, null, null, null, null, null]);
  });

  it('routes nothing, and says the new count, when the suggestions changed since the count the moderator was shown', async () => {
    const { service, db, ids, state } = inboxWith([['service', 0.95], ['spotlight', 0.9]]);
    const { count } = await service.client['suggestions-accept-above']({ threshold: 0.9, preview: true });
    // Scored again after learning, between the count shown and the click: one is no longer that sure.
    writeSuggestion(db, ids[1]!, { route: 'spotlight', confidence: 0.7, reasons: ['a reason'] }, 2);
    await expect(service.client['suggestions-accept-above']({ threshold: 0.9, expect: count })).rejects.toThrow(
      'the suggestions changed since you looked (they were scored again after learning): 1 Inbox comment is now at or above 90%, not 2; nothing was routed, look again',
    );
    expect(await state()).toEqual([null, null]);
    expect(await service.client['suggestions-accept-above']({ threshold: 0.9, expect: 1 })).toMatchObject({ count: 1 });
  });

  it('takes at most the most one action takes, the most confident first, and says it left the rest', () => {
    const { db, ids } = inboxWith([['service', 0.91], ['spotlight', 0.99], ['service', 0.97]]);
    const { lanes, summary } = acceptableAbove(db, 0.9, 2);
    expect(summary).toEqual({ count: 2, byRoute: { service: 1, spotlight: 1, ignore: 0 }, capped: true });
    expect([...lanes.keys()].sort()).toEqual([ids[1], ids[2]].sort());
  });

  it('routes nothing, and says so, when no Inbox comment is that sure', async () => {
    const { service } = inboxWith([['service', 0.5]]);
    expect(await service.client['suggestions-accept-above']({ threshold: 0.9 })).toEqual({ count: 0, byRoute: { service: 0, spotlight: 0, ignore: 0 }, capped: false, auditId: null });
  });
});

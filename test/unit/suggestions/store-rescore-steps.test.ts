// A pass over the Inbox scores in steps and writes what changed later, several steps at once
// (main/features/suggestions/rescore.ts): what it scored with a model that moved before the write
// must never be stored as the new model's answer.
import { describe, expect, it } from 'vitest';
import { addFeed, addItem } from '../../support/seed';
import { fileService } from '../../support/suggestions';
import { rescoreChunk } from '../../../main/features/suggestions/rescore';

describe('scoring the Inbox again in steps', () => {
  it('a rule saved between scoring and writing is in the suggestions the pass stores', async () => {
    const service = fileService();
    const { db } = service.context;
    const feed = addFeed(db);
    const ids = ['Order 4821 arrived with the lid cracked', 'Order 5530 never came, I paid two weeks ago'].map((text, n) => addItem(db, { feedId: feed, author: `Buyer ${n}`, text }));

    // The first step scores both comments and keeps their suggestions for a later write.
    expect(rescoreChunk(db)).toEqual({ done: false, changed: 0 });
    await service.client['rules-save']({ rule: { name: 'Orders', when: { pattern: 'order #?\\d{4}' }, then: { kind: 'suggest', route: 'service', weight: 5 } } });
    while (!rescoreChunk(db).done);

    for (const id of ids) expect((await service.client['item-get']({ id })).suggestion).toMatchObject({ route: 'service', reasons: expect.arrayContaining(["your rule 'Orders'"]) });
    expect((await service.client['suggestions-status']()).pendingRescore).toBe(0);
  });
});

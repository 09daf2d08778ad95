// The moderator's rules and the stored suggestions together: a rule saved after the Inbox was
// scored makes the Inbox stale, and the background pass scores it again with the rule's vote; a
// rule's pattern is run once per chunk, never a timed run per comment.
import { describe, expect, it } from 'vitest';
import { addFeed, addItem } from '../../support/seed';
import { fileService, settled } from '../../support/suggestions';

describe('rules and stored suggestions', () => {
  it("a suggest rule saved after the Inbox was scored is in the Inbox's suggestions once it is scored again, and gone again once the rule is deleted", async () => {
    const service = fileService();
    const { db } = service.context;
    const feed = addFeed(db);
    const id = addItem(db, { feedId: feed, author: 'Priya', text: 'Order 4821 arrived with the lid cracked' });
    await settled(service);
    const suggestion = async () => (await service.client['item-get']({ id })).suggestion;
    expect((await suggestion())?.reasons).not.toContain("your rule 'Orders'");

    const rule = await service.client['rules-save']({ rule: { name: 'Orders', when: { pattern: 'order #?\\d{4}' }, then: { kind: 'suggest', route: 'service', weight: 5 } } });
    expect((await service.client['suggestions-status']()).pendingRescore).toBe(1);
    await settled(service);
    expect(await suggestion()).toMatchObject({ route: 'service', reasons: expect.arrayContaining(["your rule 'Orders'"]) });

    await service.client['rules-delete']({ id: rule.id });
    await settled(service);
    expect((await suggestion())?.reasons).not.toContain("your rule 'Orders'");
  });
});

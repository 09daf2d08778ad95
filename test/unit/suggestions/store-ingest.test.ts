// Comments arrive with their suggestion (main/features/suggestions/ingest.ts through the feeds'
// port): fetched over real HTTP from a server on 127.0.0.1 into a real database file, each is
// stored scored with its thread context, and the first rule that acts on a comment acts on it at
// arrival, as an action the moderator can undo.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { suggest } from '../../../main/features/suggestions/engine';
import { storedConfidence } from '../../../db/tables/suggestions';
import type { ActiveRules } from '../../../main/features/suggestions/rules/for-ingest';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';
import { fileService } from '../../support/suggestions';

// The moderator's rules, as the rules feature would give them: one ignores comments about the guide.
const GUIDE = /\bguide\b/i;
vi.mock('../../../main/features/suggestions/rules/for-ingest', () => ({
  loadActiveRules: (): ActiveRules => ({
    votes: () => [],
    action: (subject) => (GUIDE.test(subject.text) ? { ruleId: 7, name: 'Guide chatter', action: { kind: 'route', route: 'ignore' } } : null),
  }),
}));

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

describe('a fetched comment', () => {
  it('arrives with its suggestion, scored with the comments before it in its thread', async () => {
    const service = fileService();
    const { feed } = await service.client['feeds-subscribe']({ url: server.url('/feeds/wordpress-comments.xml'), allowLocal: true });
    const stored = await service.client['items-query']({ feedId: feed.id, limit: 100 });
    expect(stored).toHaveLength(5);
    for (const item of stored) {
      const { thread } = await service.client['item-context']({ id: item.id });
      const earlier = thread.slice(0, thread.findIndex((other) => other.id === item.id)).slice(-3);
      const details = await Promise.all(earlier.map((other) => service.client['item-get']({ id: other.id })));
      const context = details.map((other) => ({ author: other.author, text: other.contentText }));
      const expected = suggest({ text: item.contentText, author: item.author, threadTitle: item.threadTitle, earlier: context });
      // Stored to the whole percent, as it is shown.
      expect(item.suggestion).toEqual({ ...expected, confidence: storedConfidence(expected.confidence) });
    }
    await service.close();
  });

  it("is acted on at arrival by the first rule that acts on it, which one undo takes back", async () => {
    const service = fileService();
    const { feed } = await service.client['feeds-subscribe']({ url: server.url('/feeds/wordpress-comments.xml'), allowLocal: true });
    const routes = async () => (await service.client['items-query']({ feedId: feed.id, limit: 100 })).map((item) => [GUIDE.test(item.contentText), item.route]);
    const before = await routes();
    expect(before.filter(([guide]) => guide)).not.toEqual([]);
    for (const [guide, route] of before) expect(route).toBe(guide ? 'ignore' : null);

    expect(await service.client['items-undo']({})).toMatchObject({ action: 'route' });
    for (const [, route] of await routes()) expect(route).toBeNull();
    await service.close();
  });
});

import MarkdownIt from 'markdown-it';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../../common/types';
import { addFeed, addItem, addThread, memoryService } from '../../support/seed';
import { xmlProblems } from '../../support/strict-xml';

const NOW = Date.UTC(2026, 10, 26, 12); // a Thursday
const DAY = 24 * 60 * 60_000;

function community() {
  const service = memoryService();
  const { db } = service.context;
  const blog = addFeed(db, 'Hostwise blog');
  const forum = addFeed(db, 'Hostwise forum');
  const thread = addThread(db, 'Webhooks stop firing', 'https://forum.example.org/t/webhooks/1');
  const say = (feedId: number, author: string, text: string, daysAgo: number) => addItem(db, { feedId, threadId: thread, author, text, publishedAt: NOW - daysAgo * DAY });
  return { service, db, blog, forum, thread, say };
}

async function memberNamed(service: ReturnType<typeof memoryService>, name: string): Promise<Member> {
  const member = await service.client['members-list']();
  return member.find((candidate) => candidate.aliases.includes(name))!;
}

describe('members', () => {
  it('count comments, features, thanks, community answers and service requests across feeds', async () => {
    const { service, blog, forum, say } = community();
    const question = say(blog, 'Priya', 'How do I rotate the token?', 10);
    const answer = say(forum, 'Marcus', 'Settings, API tokens, Rotate.', 9);
    const another = say(blog, 'Marcus', 'Also re-save the webhooks.', 8);
    await service.client['items-route']({ ids: [question], route: 'service' });
    await service.client['spotlight-act']({ id: answer, action: 'answer', answersId: question });
    await service.client['spotlight-act']({ id: another, action: 'feature', note: 'A clear fix' });
    await service.client['spotlight-act']({ id: another, action: 'thank' });

    const marcus = await memberNamed(service, 'Marcus');
    expect(marcus.stats).toMatchObject({ comments: 2, featured: 1, thanked: 1, communityAnswers: 1, serviceRequests: 0, feeds: ['Hostwise blog', 'Hostwise forum'] });
    expect((await memberNamed(service, 'Priya')).stats).toMatchObject({ comments: 1, serviceRequests: 1, communityAnswers: 0 });
    // The board ranks the most helpful first.
    expect((await service.client['members-list']())[0]?.name).toBe('Marcus');
    // Activity since a date counts only what happened since.
    const recent = await service.client['members-list']({ since: new Date(NOW - 8.5 * DAY).toISOString().slice(0, 10) });
    expect(recent.map((member) => member.name)).toEqual(['Marcus']);
  });

  it('merge two names of one person, and split them again', async () => {
    const { service, blog, say } = community();
    say(blog, 'Marcus T', 'First name', 5);
    say(blog, 'marcus_t', 'Second name', 4);
    const a = await memberNamed(service, 'Marcus T');
    const b = await memberNamed(service, 'marcus_t');
    const merged = await service.client['member-merge']({ into: a.id, from: b.id });
    expect(merged.aliases).toEqual(['Marcus T', 'marcus_t']);
    expect(merged.stats.comments).toBe(2);
    expect((await service.client['members-list']()).map((member) => member.id)).toEqual([a.id]);
    expect((await service.client['member-get']({ id: a.id })).merged).toEqual([{ id: b.id, name: 'marcus_t' }]);
    await expect(service.client['member-merge']({ into: a.id, from: a.id })).rejects.toThrow('cannot be merged into itself');

    const split = await service.client['member-split']({ id: b.id });
    expect(split).toMatchObject({ aliases: ['marcus_t'], stats: { comments: 1 } });
    expect((await service.client['member-get']({ id: a.id })).aliases).toEqual(['Marcus T']);
  });

  it("keep a private note, shown with the member's comments", async () => {
    const { service, blog, say } = community();
    const id = say(blog, 'Lee', 'Hello', 1);
    const lee = await memberNamed(service, 'Lee');
    await service.client['member-note']({ id: lee.id, note: 'Runs the Berlin meetup' });
    expect(await service.client['item-context']({ id })).toMatchObject({ member: { id: lee.id, note: 'Runs the Berlin meetup' } });
  });
});

describe('spotlight actions', () => {
  it('undo like every moderator action: the lane and the recognition both go back', async () => {
    const { service, blog, say } = community();
    const id = say(blog, 'Marcus', 'A fix', 1);
    await service.client['spotlight-act']({ id, action: 'feature', note: 'Great' });
    expect(await service.client['item-get']({ id })).toMatchObject({ status: 'routed', route: 'spotlight' });
    expect(await service.client['items-undo']()).toMatchObject({ action: 'spotlight', itemIds: [id] });
    expect(await service.client['item-get']({ id })).toMatchObject({ status: 'new', route: null });
    expect((await memberNamed(service, 'Marcus')).stats.featured).toBe(0);
  });
});

describe('milestones', () => {
  it('first comment, 3rd and 10th community answer, return after 90 days; marked on the comment in the queue', async () => {
    const { service, blog, say } = community();
    const first = say(blog, 'Ana', 'Hello all', 300);
    const returned = say(blog, 'Ana', 'Back again', 150);
    const question = say(blog, 'Bo', 'Help?', 100);
    const answers = Array.from({ length: 10 }, (_, n) => say(blog, 'Ana', `Answer ${n + 1}`, 90 - n));
    for (const answer of answers) await service.client['spotlight-act']({ id: answer, action: 'answer', answersId: question });

    const ana = await memberNamed(service, 'Ana');
    const profile = await service.client['member-get']({ id: ana.id });
    expect(profile.milestones.map((milestone) => [milestone.kind, milestone.itemId])).toEqual([
      ['first-comment', first],
      ['returned', returned],
      ['third-answer', answers[2]],
      ['tenth-answer', answers[9]],
    ]);
    expect(profile.milestones[1]?.label).toBe('Ana: back after 150 days away');
    const page = await service.client['items-list']({ view: 'all', limit: 500 });
    expect(page.items.find((item) => item.id === answers[2])?.milestone).toBe('Ana: 3rd community answer');
    expect(page.items.find((item) => item.id === answers[1])?.milestone).toBeNull();
    expect(page.items.find((item) => item.id === returned)?.milestone).toBe('Ana: back after 150 days away');
    expect(page.items.find((item) => item.id === first)?.milestone).toBeNull();
  });
});

describe('digest', () => {
  async function featured() {
    const { service, blog, say } = community();
    const id = say(blog, 'Marcus', 'Here is the <script>alert(1)</script> fix & a "quote".', 2);
    await service.client['spotlight-act']({ id, action: 'feature', note: 'Saved 40 people a ticket <b>today</b>' });
    const range = { from: new Date(NOW - 7 * DAY).toISOString().slice(0, 10), to: new Date(NOW).toISOString().slice(0, 10) };
    return { service, range };
  }

  it('as Markdown, with the quote, the attribution and the note', async () => {
    const { service, range } = await featured();
    const md = (await service.client['digest-export']({ ...range, format: 'md' })).content;
    expect(md).toContain('## Marcus in “Webhooks stop firing”');
    expect(md).toContain('*Why it stands out:* Saved 40 people a ticket \\<b\\>today\\</b\\>');
  });

  it("as Markdown that keeps the comment's line breaks when read, as the HTML digest does (issue 13)", async () => {
    const { service, blog, say } = community();
    const id = say(blog, 'Marcus', 'Settings, API tokens.\nThen Rotate.', 2);
    await service.client['spotlight-act']({ id, action: 'feature' });
    const range = { from: new Date(NOW - 7 * DAY).toISOString().slice(0, 10), to: new Date(NOW).toISOString().slice(0, 10) };
    const md = (await service.client['digest-export']({ ...range, format: 'md' })).content;
    expect(new MarkdownIt().render(md)).toContain('<p>Settings, API tokens.<br>\nThen Rotate.</p>');
  });

  it('as HTML that carries no script', async () => {
    const { service, range } = await featured();
    const html = (await service.client['digest-export']({ ...range, format: 'html' })).content;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; fix &amp; a &quot;quote&quot;');
    expect(html).toContain('<a href="https://forum.example.org/t/webhooks/1">Webhooks stop firing</a>');
  });

  it('as an Atom feed that rss-parser reads back', async () => {
    const { service, range } = await featured();
    const atom = (await service.client['digest-export']({ ...range, format: 'atom' })).content;
    const feed = await new Parser().parseString(atom);
    expect(feed.title).toMatch(/^Community highlights, /);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: 'Marcus in “Webhooks stop firing”', author: 'Marcus' });
    expect(feed.items[0]?.content).toContain('&lt;script&gt;');
  });

  it('as an Atom feed a strict XML 1.0 parser accepts, whatever the comment holds', async () => {
    const { service, blog, say } = community();
    const id = say(blog, 'Mal\uFFFEory\u0001', 'Nice \uFFFF fix \u0008 and \u{1F600} kept', 2);
    await service.client['spotlight-act']({ id, action: 'feature', note: 'odd \uFFFF note' });
    const range = { from: new Date(NOW - 7 * DAY).toISOString().slice(0, 10), to: new Date(NOW).toISOString().slice(0, 10) };
    const atom = (await service.client['digest-export']({ ...range, format: 'atom' })).content;
    expect(xmlProblems(atom)).toEqual([]);
    expect(atom).toContain('Nice  fix  and \u{1F600} kept');
    expect(atom).toContain('<name>Malory</name>');
  });

  it('refuses a period that ends before it starts', async () => {
    const { service } = await featured();
    await expect(service.client['digest-export']({ from: '2026-11-20', to: '2026-11-01', format: 'md' })).rejects.toThrow('the period ends (2026-11-01) before it starts (2026-11-20)');
  });
});

describe('dashboard', () => {
  it('counts lanes per week and feed, community answers, contributors and the service wait', async () => {
    const { service, db, blog, forum, say } = community();
    service.context.now = () => NOW;
    // Week of Monday 16 November: two routed to service, one to the spotlight.
    const old = say(blog, 'Old-timer', 'Long ago', 60);
    const a = say(blog, 'Priya', 'Down?', 9);
    const b = say(forum, 'Lee', 'Down too', 9);
    const c = say(forum, 'Old-timer', 'Try DNS flush', 9);
    db.prepare('UPDATE items SET status = ?, route = ?, routed_at = ? WHERE id IN (?, ?)').run('routed', 'service', NOW - 8 * DAY, a, b);
    db.prepare('UPDATE items SET status = ?, route = ?, routed_at = ? WHERE id = ?').run('routed', 'spotlight', NOW - 8 * DAY, c);
    db.prepare("UPDATE items SET service_state = 'exported', service_exported_at = published_at + ? WHERE id = ?").run(4 * 3_600_000, a);
    db.prepare("UPDATE items SET service_state = 'exported', service_exported_at = published_at + ? WHERE id = ?").run(10 * 3_600_000, b);
    await service.client['spotlight-act']({ id: c, action: 'answer', answersId: a });
    expect(old).toBeGreaterThan(0);

    const stats = await service.client.stats({ from: '2026-11-16', to: '2026-11-26' });
    expect(stats.weeks.map((week) => week.week)).toEqual(['2026-11-16', '2026-11-23']);
    expect(stats.weeks[0]).toMatchObject({ service: 2, spotlight: 1, ignore: 0, newContributors: 2, returningContributors: 1 });
    expect(stats.weeks[1]).toMatchObject({ communityAnswers: 1 });
    expect(stats.byFeed).toEqual([
      { feedId: blog, feedTitle: 'Hostwise blog', service: 1, spotlight: 0, ignore: 0 },
      { feedId: forum, feedTitle: 'Hostwise forum', service: 1, spotlight: 1, ignore: 0 },
    ]);
    expect(stats.medianServiceWaitHours).toBe(7);
    expect(stats.totals).toEqual({ service: 2, spotlight: 1, ignore: 0, communityAnswers: 1, newContributors: 2 });
  });
});

describe('saved replies by kind (issue 13, bug 6)', () => {
  async function replies(service: ReturnType<typeof memoryService>) {
    // Alphabetically the invitation comes first: no rule may go by name or order.
    await service.client['template-save']({ name: 'A guest post?', lane: 'spotlight', body: 'Hi {{author}}, write a guest post for us?', kind: 'invite-guest-post' });
    await service.client['template-save']({ name: 'Be a moderator', lane: 'spotlight', body: 'Hi {{author}}, moderate with us?', kind: 'invite-moderator' });
    await service.client['template-save']({ name: 'Cheers', lane: 'spotlight', body: 'Cheers {{author}}!' });
    await service.client['template-save']({ name: 'Thanks, from us', lane: 'spotlight', body: 'Thank you {{author}}, for helping in "{{thread_title}}".', kind: 'thank-you' });
  }

  it('"Answered it" and Thank draft the thank-you reply; Invite drafts the reply of the kind asked, else the built-in text', async () => {
    const { service, blog, forum, say } = community();
    await replies(service);
    const question = say(blog, 'Priya', 'How do I rotate the token?', 3);
    const answer = say(forum, 'Marcus', 'Settings, API tokens, Rotate.', 2);
    const other = say(forum, 'Lee', 'Re-save the webhooks after.', 1);
    await service.client['items-route']({ ids: [question], route: 'service' });

    await service.client['service-answered-by']({ id: question, answerId: answer });
    expect((await service.client['item-get']({ id: answer })).draft).toMatchObject({ body: 'Thank you Marcus, for helping in "Webhooks stop firing".', templates: ['Thanks, from us'] });

    await service.client['spotlight-act']({ id: other, action: 'thank' });
    expect((await service.client['item-get']({ id: other })).draft).toMatchObject({ body: 'Thank you Lee, for helping in "Webhooks stop firing".', templates: ['Thanks, from us'] });
    await service.client['draft-save']({ itemId: other, body: '' });
    await service.client['spotlight-act']({ id: other, action: 'invite', inviteKind: 'moderator' });
    expect((await service.client['item-get']({ id: other })).draft).toMatchObject({ body: 'Hi Lee, moderate with us?', templates: ['Be a moderator'] });
    await service.client['draft-save']({ itemId: other, body: '' });
    await service.client['spotlight-act']({ id: other, action: 'invite', inviteKind: 'volunteer' });
    expect((await service.client['item-get']({ id: other })).draft?.body).toContain('Would you like to volunteer with us');
  });

  it('keep one saved reply per kind, in the spotlight lane, asking for nothing', async () => {
    const { service } = community();
    await replies(service);
    expect((await service.client['templates-list']({ lane: 'spotlight' })).map((template) => [template.name, template.kind])).toEqual([
      ['A guest post?', 'invite-guest-post'],
      ['Be a moderator', 'invite-moderator'],
      ['Cheers', null],
      ['Thanks, from us', 'thank-you'],
    ]);
    await expect(service.client['template-save']({ name: 'Thanks again', lane: 'spotlight', body: 'Thanks!', kind: 'thank-you' })).rejects.toThrow(
      '"Thanks, from us" is already the thank-you reply; give it another kind (or none) first',
    );
    await expect(service.client['template-save']({ name: 'Service thanks', lane: 'service', body: 'Thanks!', kind: 'thank-you' })).rejects.toThrow('only a spotlight saved reply can be a thank-you or an invitation');
    await expect(service.client['template-save']({ name: 'Ticket thanks', lane: 'spotlight', body: 'Thanks, {{ticket}}', variables: ['ticket'], kind: 'thank-you' })).rejects.toThrow(
      'a thank-you or invitation is drafted without asking anything, so it cannot declare {{ticket}}',
    );
  });
});

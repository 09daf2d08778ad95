import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../../common/types';
import { neutralizeFormula } from '../../../main/features/customer-service/export';
import { builtInValues, fillPlaceholders, unknownPlaceholders } from '../../../common/placeholders';
import { writeFileAtomic } from '../../../main/platform/atomic-write';
import { addFeed, addItem, addThread, memoryService } from '../../support/seed';
import { tempDir } from '../../support/temp';

const NOW = Date.UTC(2026, 10, 26, 12);
const HOUR = 60 * 60_000;

function desk() {
  const service = memoryService();
  const { db } = service.context;
  const feedId = addFeed(db, 'Hostwise status blog');
  const threadId = addThread(db, 'Frankfurt outage', 'https://status.hostwise.example/outage');
  const item = (author: string, text: string, hoursAgo: number) => addItem(db, { feedId, threadId, author, text, publishedAt: NOW - hoursAgo * HOUR });
  return { service, db, feedId, item };
}

describe('placeholders', () => {
  const values = builtInValues({ author: 'Priya', threadTitle: 'Frankfurt outage', threadUrl: 'https://x.example/o', url: 'https://x.example/o#c1', feedTitle: 'Status' }, 'Sam');

  it('fill from the comment, and stack: two snippets filled one after the other', () => {
    const greeting = fillPlaceholders('Hi {{author}},', values).text;
    const body = fillPlaceholders('sorry about {{ thread_title }}. Ticket {{ticket}}. — {{moderator}}', { ...values, ticket: '#4821' }).text;
    expect(`${greeting}\n${body}`).toBe('Hi Priya,\nsorry about Frankfurt outage. Ticket #4821. — Sam');
  });

  it('leave what nothing fills, and name it', () => {
    expect(fillPlaceholders('Ticket {{ticket}} for {{author}}', values)).toEqual({ text: 'Ticket {{ticket}} for Priya', missing: ['ticket'] });
  });

  it('tell unknown placeholders from built-in and declared ones', () => {
    expect(unknownPlaceholders('{{author}} {{ticket}} {{tikcet}}', ['ticket'])).toEqual(['tikcet']);
  });
});

describe('saved replies', () => {
  it('refuse an unknown placeholder, accept declared ones, and keep names unique', async () => {
    const { service } = desk();
    await expect(service.client['template-save']({ name: 'Outage', lane: 'service', body: 'Hi {{autor}}' })).rejects.toThrow('{{autor}} is not a placeholder Switchboard knows');
    const saved = await service.client['template-save']({ name: 'Ticket', lane: 'service', body: 'Your ticket is {{ticket}}.', variables: ['ticket'] });
    expect(saved).toMatchObject({ name: 'Ticket', variables: ['ticket'] });
    await expect(service.client['template-save']({ name: 'ticket', lane: 'service', body: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.client['template-save']({ name: 'X', lane: 'service', body: '{{author}}', variables: ['author'] })).rejects.toThrow('{{author}} is filled in from the comment');
    expect((await service.client['templates-list']({ lane: 'service' })).map((template) => template.name)).toEqual(['Ticket']);
  });

  it('draft a reply from one, by name in any case or by id, filled from the comment, the moderator and the values given', async () => {
    const { service, item } = desk();
    const id = item('Priya', 'Still down!', 3);
    await service.client['items-route']({ ids: [id], route: 'service' });
    await service.client['settings-update']({ moderatorName: 'Sam' });
    const ticket = await service.client['template-save']({ name: 'Ticket', lane: 'service', body: 'Hi {{author}}, ticket {{ticket}} is open. {{moderator}}', variables: ['ticket'] });

    await expect(service.client['draft-from-template']({ itemId: id, template: 'Ticket' })).rejects.toThrow('draft: "Ticket" needs --var ticket=...');
    await expect(service.client['draft-from-template']({ itemId: id, template: 'Tickets' })).rejects.toThrow('templates: there is no saved reply named "Tickets"; "switchboard templates" lists them');
    await expect(service.client['draft-from-template']({ itemId: id, template: ticket.id + 1 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.client['draft-from-template']({ itemId: 99, template: 'Ticket' })).rejects.toThrow('items: there is no comment with id 99');
    expect((await service.client['item-get']({ id })).draft).toBeNull();

    const draft = await service.client['draft-from-template']({ itemId: id, template: 'ticket', vars: { ticket: '#4821' } });
    expect(draft).toMatchObject<Partial<Draft>>({ itemId: id, body: 'Hi Priya, ticket #4821 is open. Sam', templates: ['Ticket'] });
    expect(await service.client['item-get']({ id })).toMatchObject({ serviceState: 'drafted' });

    // Saved and marked ready together, or neither: a value that is itself a placeholder cannot be ready.
    await expect(service.client['draft-from-template']({ itemId: id, template: ticket.id, vars: { ticket: '{{ticket}}' }, ready: true })).rejects.toThrow('still has {{ticket}}');
    expect((await service.client['item-get']({ id })).draft?.body).toBe('Hi Priya, ticket #4821 is open. Sam');
    await service.client['draft-from-template']({ itemId: id, template: ticket.id, vars: { ticket: '#4822' }, ready: true });
    expect(await service.client['item-get']({ id })).toMatchObject({ serviceState: 'ready', draft: { body: 'Hi Priya, ticket #4822 is open. Sam' } });
  });
});

describe('service status flow', () => {
  it('open, drafted, ready, exported, resolved; overdue after the threshold; undoable', async () => {
    const { service, item } = desk();
    const late = item('Priya', 'Still down after 30 hours!', 30);
    const fresh = item('Lee', 'Is billing affected?', 2);
    await service.client['items-route']({ ids: [late, fresh], route: 'service' });
    expect(await service.client['item-get']({ id: late })).toMatchObject({ serviceState: 'open', draft: null });
    expect((await service.client['views-counts']()).serviceOverdue).toBe(1);
    await service.client['settings-update']({ overdueHours: 48 });
    expect((await service.client['views-counts']()).serviceOverdue).toBe(0);

    await service.client['draft-save']({ itemId: late, body: 'Hi {{author}}, your ticket is {{ticket}}.' });
    expect(await service.client['item-get']({ id: late })).toMatchObject({ serviceState: 'drafted' });
    await expect(service.client['drafts-ready']({ ids: [late] })).rejects.toThrow('the reply to comment 1 still has {{ticket}}; fill it in before marking it ready');
    await service.client['draft-save']({ itemId: late, body: 'Hi Priya, your ticket is #4821.' });
    expect((await service.client['views-counts']()).serviceReady).toBe(0);
    await service.client['drafts-ready']({ ids: [late] });
    expect((await service.client['views-counts']()).serviceReady).toBe(1);
    await expect(service.client['drafts-ready']({ ids: [fresh] })).rejects.toThrow('comment 2 has no reply drafted yet');

    const exported = await service.client['drafts-export']({ format: 'json' });
    expect(JSON.parse(exported.content)).toEqual([expect.objectContaining({ author: 'Priya', reply: 'Hi Priya, your ticket is #4821.', thread: 'Frankfurt outage' })]);
    // Nothing changes until the file is saved (a cancelled save dialog keeps them ready).
    expect(await service.client['item-get']({ id: late })).toMatchObject({ serviceState: 'ready' });
    await service.client['drafts-mark-exported']({ ids: exported.itemIds });
    expect(await service.client['item-get']({ id: late })).toMatchObject({ serviceState: 'exported' });
    expect((await service.client['views-counts']()).serviceReady).toBe(0);
    await expect(service.client['drafts-export']({ format: 'json' })).rejects.toThrow('no reply is marked ready yet');

    // Editing an exported reply makes it a draft again, to be marked ready anew.
    await service.client['draft-save']({ itemId: late, body: 'Hi Priya, your ticket #4821 is fixed.' });
    expect(await service.client['item-get']({ id: late })).toMatchObject({ serviceState: 'drafted' });
    await service.client['service-resolve']({ ids: [late] });
    expect(await service.client['item-get']({ id: late })).toMatchObject({ serviceState: 'resolved', resolution: 'replied', status: 'done' });
    await service.client['items-undo']();
    expect(await service.client['item-get']({ id: late })).toMatchObject({ serviceState: 'drafted', status: 'routed' });
    // A comment routed elsewhere is no longer an overdue service item.
    await service.client['settings-update']({ overdueHours: 24 });
    expect((await service.client['views-counts']()).serviceOverdue).toBe(1);
    await service.client['items-route']({ ids: [late], route: 'spotlight' });
    expect((await service.client['views-counts']()).serviceOverdue).toBe(0);
  });

  it('answered by the community: resolved, and the helper goes to the spotlight with a thank-you', async () => {
    const { service, item } = desk();
    const question = item('Priya', 'How do I flush DNS?', 3);
    const answer = item('Marcus', 'Run ipconfig /flushdns.', 2);
    const other = item('Lee', 'Same problem here', 2.5);
    const otherAnswer = item('Marcus', 'Flush DNS too', 2.4);
    await service.client['items-route']({ ids: [question, other], route: 'service' });
    // A reply already being written for the helper is kept, not replaced by the thank-you.
    await service.client['draft-save']({ itemId: otherAnswer, body: 'Half-written reply' });
    await service.client['service-answered-by']({ id: other, answerId: otherAnswer });
    expect((await service.client['item-get']({ id: otherAnswer })).draft?.body).toBe('Half-written reply');
    await service.client['service-answered-by']({ id: question, answerId: answer });
    expect(await service.client['item-get']({ id: question })).toMatchObject({ serviceState: 'resolved', resolution: 'answered-by-community', answeredBy: answer, status: 'done' });
    const helper = await service.client['item-get']({ id: answer });
    expect(helper).toMatchObject({ status: 'routed', route: 'spotlight' });
    expect(helper.draft?.body).toBe('Thank you, Marcus, for helping out in "Frankfurt outage". Help like yours is what makes this community work.');
  });
});

describe('incidents', () => {
  it('group look-alike complaints, and export one row per person with the shared reply filled for each', async () => {
    const { service, db, feedId, item } = desk();
    const ids = [item('Priya', 'Frankfurt sites down, checkout failing', 3), item('Lee', 'Our Frankfurt sites are down too', 2.5), item('Ana', 'Frankfurt down, losing sales', 2)];
    // Same feed, same hour, another thread and no shared words: not the outage.
    const unrelated = addItem(db, { feedId, threadId: addThread(db, 'Invoices'), author: 'Bo', text: 'How do I export invoices?', publishedAt: NOW - HOUR });
    await service.client['items-route']({ ids: [...ids, unrelated], route: 'service' });
    expect((await service.client['incident-suggest']({ id: ids[0]! })).sort()).toEqual([...ids].sort());

    const incident = await service.client['incident-create']({ ids, title: 'Frankfurt outage' });
    expect(incident.itemIds).toEqual(ids);
    await service.client['draft-save']({ incidentId: incident.id, body: 'Hi {{author}}, Frankfurt is back since 14:05. Sorry! {{moderator}}' });
    await service.client['settings-update']({ moderatorName: 'Sam from Hostwise' });
    expect((await service.client['item-get']({ id: ids[1]! })).draft).toMatchObject<Partial<Draft>>({ incidentId: incident.id });
    await service.client['drafts-ready']({ ids });

    const csv = await service.client['drafts-export']({ format: 'csv', bom: false });
    expect(csv.count).toBe(3);
    expect(csv.itemIds.sort()).toEqual([...ids].sort());
    const lines = csv.content.split('\r\n');
    expect(lines[0]).toBe('commentUrl,thread,threadUrl,author,comment,reply,templates,incident,createdAt,updatedAt');
    expect(lines.filter((line) => line.includes('Frankfurt is back'))).toHaveLength(3);
    for (const author of ['Priya', 'Lee', 'Ana']) expect(csv.content).toContain(`Hi ${author}, Frankfurt is back since 14:05. Sorry! Sam from Hostwise`);
  });

  it("suggest the same thread's other service comments even when they share no word (issue 13, bug 10)", async () => {
    const { service, db } = desk();
    const feedId = addFeed(db, 'Hostwise forum');
    const threadId = addThread(db, 'Downtime report', 'https://forum.hostwise.example/t/downtime');
    const first = addItem(db, { feedId, threadId, author: 'Kim', text: 'Site unreachable since nine', publishedAt: NOW - 30 * HOUR });
    const second = addItem(db, { feedId, threadId, author: 'Jo', text: 'Getting 502 errors on checkout', publishedAt: NOW });
    await service.client['items-route']({ ids: [first, second], route: 'service' });
    expect(await service.client['incident-suggest']({ id: first })).toEqual([first, second]);
  });

  it("mark ready a reply whose {{moderator}} the preview fills, once the name is set (issue 13, bug 8)", async () => {
    const { service, item } = desk();
    const id = item('Priya', 'Still down!', 3);
    await service.client['items-route']({ ids: [id], route: 'service' });
    await service.client['draft-save']({ itemId: id, body: 'Hi {{author}}, it is back. {{moderator}}' });
    await expect(service.client['drafts-ready']({ ids: [id] })).rejects.toThrow('still has {{moderator}}');
    await service.client['settings-update']({ moderatorName: 'Sam from Hostwise' });
    await service.client['drafts-ready']({ ids: [id] });
    expect((await service.client['item-get']({ id })).serviceState).toBe('ready');
    expect((await service.client['drafts-export']({ format: 'csv' })).content).toContain('Hi Priya, it is back. Sam from Hostwise');
  });
});

describe('export files', () => {
  it('count what "include drafts" exports: ready replies, or every drafted one (issue 13: the export dialog\'s counts)', async () => {
    const { service, item } = desk();
    const [ready, drafted, open] = [item('Priya', 'Down', 3), item('Lee', 'Billing?', 2), item('Ana', 'Slow', 1)];
    await service.client['items-route']({ ids: [ready, drafted, open], route: 'service' });
    await service.client['draft-save']({ itemId: ready, body: 'On it.' });
    await service.client['draft-save']({ itemId: drafted, body: 'Looking.' });
    await service.client['drafts-ready']({ ids: [ready] });
    const counts = await service.client['views-counts']();
    expect({ ready: counts.serviceReady, drafted: counts.serviceDrafted }).toEqual({ ready: 1, drafted: 2 });
    // The counts are what the exports hold.
    expect((await service.client['drafts-export']({ format: 'json', status: 'ready' })).count).toBe(counts.serviceReady);
    expect((await service.client['drafts-export']({ format: 'json', status: 'all' })).count).toBe(counts.serviceDrafted);
  });

  it('CSV starts with the UTF-8 mark spreadsheets read its encoding from, unless asked not to (issue 13)', async () => {
    const { service, item } = desk();
    const id = item('José Müller', 'Down — again', 1);
    await service.client['items-route']({ ids: [id], route: 'service' });
    await service.client['draft-save']({ itemId: id, body: 'Hi {{author}} — on it.' });
    const bytes = (content: string) => [...Buffer.from(content, 'utf8').subarray(0, 3)];
    const marked = (await service.client['drafts-export']({ format: 'csv', status: 'all' })).content;
    expect(bytes(marked)).toEqual([0xef, 0xbb, 0xbf]);
    expect(marked.slice(1).split('\r\n')[0]).toBe('commentUrl,thread,threadUrl,author,comment,reply,templates,incident,createdAt,updatedAt');
    expect(marked).toContain('Hi José Müller — on it.');
    const plain = (await service.client['drafts-export']({ format: 'csv', status: 'all', bom: false })).content;
    expect(plain.startsWith('commentUrl,')).toBe(true);
    // JSON and Markdown never carry it.
    expect((await service.client['drafts-export']({ format: 'json', status: 'all' })).content.startsWith('[')).toBe(true);
  });

  it("Markdown keeps the reply's and the comment's line breaks when read (issue 13)", async () => {
    const { service, item } = desk();
    const id = item('Priya', 'Checkout is down.\nSince 9:00.', 1);
    await service.client['items-route']({ ids: [id], route: 'service' });
    await service.client['draft-save']({ itemId: id, body: 'Hi Priya,\nthe fix is rolling out.\n\nSam' });
    const md = (await service.client['drafts-export']({ format: 'md', status: 'all' })).content;
    const html = new MarkdownIt().render(md);
    expect(html).toContain('<p>Hi Priya,<br>\nthe fix is rolling out.</p>\n<p>Sam</p>');
    expect(html).toContain('<p>Checkout is down.<br>\nSince 9:00.</p>');
  });

  it('neutralize cells a spreadsheet would run as a formula, and quote per RFC 4180', async () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'fine'].map(neutralizeFormula)).toEqual(["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'fine']);
    const { service, item } = desk();
    const id = item('=cmd|/C calc!A0', 'He said "hi", then left,\nquickly', 1);
    await service.client['items-route']({ ids: [id], route: 'service' });
    await service.client['draft-save']({ itemId: id, body: '@everyone read this' });
    await service.client['drafts-ready']({ ids: [id] });
    const csv = (await service.client['drafts-export']({ format: 'csv' })).content;
    expect(csv).toContain(`'=cmd|/C calc!A0`);
    expect(csv).toContain(`"He said ""hi"", then left,\nquickly"`);
    expect(csv).toContain(`'@everyone read this`);
  });

  it('groups Markdown by thread, with a link to each comment', async () => {
    const { service, item } = desk();
    const id = item('Priya', 'Down again', 1);
    await service.client['items-route']({ ids: [id], route: 'service' });
    await service.client['draft-save']({ itemId: id, body: 'On it.' });
    const md = (await service.client['drafts-export']({ format: 'md', status: 'all' })).content;
    expect(md).toContain('## [Frankfurt outage](https://status.hostwise.example/outage)');
    const { db } = service.context;
    db.prepare('UPDATE items SET content_text = ? WHERE id = ?').run('<img src=x onerror=alert(1)> [x](javascript:alert(1))', id);
    const hostile = (await service.client['drafts-export']({ format: 'md', status: 'all' })).content;
    expect(hostile).toContain('> \\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(md).toContain('### Priya');
    expect(md).toContain('> Down again');
  });

  it('Markdown: a hostile comment link stays one link, and filled values are escaped for Markdown only', async () => {
    const { service, db, item } = desk();
    const hostileUrl = 'http://host/p?x=)[Verify your account](javascript:alert(1))';
    const hostileAuthor = '<a href="javascript:alert(1)">';
    const id = item(hostileAuthor, 'Down again', 1);
    db.prepare('UPDATE items SET url = ? WHERE id = ?').run(hostileUrl, id);
    const formula = item('=HYPERLINK("http://evil.example")', 'Me too', 2);
    await service.client['items-route']({ ids: [id, formula], route: 'service' });
    await service.client['draft-save']({ itemId: id, body: 'Hi {{author}}, about [{{thread_title}}]({{comment_url}}): on it.' });
    await service.client['draft-save']({ itemId: formula, body: '{{author}}, on it.' });

    const md = (await service.client['drafts-export']({ format: 'md', status: 'all' })).content;
    expect(md).toContain('x=%29[Verify%20your%20account]%28javascript:alert%281%29%29)');
    expect(md).not.toContain('](javascript:');
    expect(md).not.toMatch(/(^|[^\\])<a href/m);
    expect(md).toContain('### \\<a href="javascript:alert\\(1\\)"\\> ([comment](http://host/p?x=%29[Verify%20your%20account]%28javascript:alert%281%29%29))');
    expect(md).toContain(
      'Hi \\<a href="javascript:alert\\(1\\)"\\>, about [Frankfurt outage](http://host/p?x=\\)\\[Verify your account\\]\\(javascript:alert\\(1\\)\\)): on it.',
    );

    const csv = (await service.client['drafts-export']({ format: 'csv', status: 'all' })).content;
    expect(csv).toContain(`Hi ${hostileAuthor.replace(/"/g, '""')}, about [Frankfurt outage](${hostileUrl}): on it.`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example""), on it."`);
    const json = JSON.parse((await service.client['drafts-export']({ format: 'json', status: 'all' })).content) as { reply: string }[];
    expect(json.map((record) => record.reply)).toEqual(expect.arrayContaining([`Hi ${hostileAuthor}, about [Frankfurt outage](${hostileUrl}): on it.`, '=HYPERLINK("http://evil.example"), on it.']));
  });

  it('an export interrupted midway leaves the earlier file intact and no stray temporary file', () => {
    const dir = tempDir();
    const target = path.join(dir, 'replies.csv');
    fs.writeFileSync(target, 'the earlier export\r\n');
    function* chunks() {
      yield 'commentUrl,thread\r\n';
      yield 'https://x.example/c1,Outage\r\n';
      throw new Error('disk unplugged');
    }
    expect(() => writeFileAtomic(target, chunks())).toThrow('disk unplugged');
    expect(fs.readFileSync(target, 'utf8')).toBe('the earlier export\r\n');
    expect(fs.readdirSync(dir)).toEqual(['replies.csv']);
    writeFileAtomic(target, ['a,b\r\n', '1,2\r\n']);
    expect(fs.readFileSync(target, 'utf8')).toBe('a,b\r\n1,2\r\n');
  });
});

import { SwitchboardError } from '../../../common/errors';
import type { FeatureHandlers } from '../../core/context';
import type { ExportResult, MemberProfile } from '../../../common/types';
import { iso } from '../../../common/time';
import { overdueBefore } from '../../../common/waiting';
import { runAndAnnounce } from '../../core/changes';
import { itemsByAuthors } from '../../../db/tables/items';
import { readSettings } from '../../../db/tables/settings';
import { highlightsBetween } from '../../../db/tables/highlights';
import { recordSpotlight } from './actions';
import { answeredByCommunity } from './answered';
import { digestAtom, digestHtml, digestMarkdown } from './digest';
import { getMember, memberOfAuthor, membersMergedInto, mergeMembers, setMemberNote, splitMember } from '../../../db/tables/members';
import { milestonesOf } from '../../../db/tables/milestones';
import { spotlightReads } from './reads';

const DAY = 24 * 60 * 60_000;

function dayRange(from: string, to: string): { start: number; end: number } {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + DAY;
  if (end <= start) throw new SwitchboardError('invalid-input', 'dates', `the period ends (${to}) before it starts (${from})`);
  return { start, end };
}

export const spotlightHandlers = {
  // Declared with the service desk's operations (it resolves a service comment); run here, where the helper is recognised.
  'service-answered-by': (ctx, input) => runAndAnnounce(ctx, 'answered-by', () => answeredByCommunity(ctx.db, input.id, input.answerId, ctx.now())),
  'spotlight-act': (ctx, input) =>
    runAndAnnounce(ctx, 'spotlight', () => recordSpotlight(ctx.db, { itemId: input.id, action: input.action, note: input.note, answersItemId: input.answersId, inviteKind: input.inviteKind }, ctx.now())),
  'members-list': (ctx, input) => ctx.reads.run(spotlightReads.members, input.since ? Date.parse(`${input.since}T00:00:00Z`) : 0),
  'member-get': (ctx, input): MemberProfile => {
    const member = getMember(ctx.db, input.id);
    const comments = itemsByAuthors(ctx.db, member.aliases, 50);
    const merged = membersMergedInto(ctx.db, member.id);
    return { ...member, milestones: milestonesOf(ctx.db, member.id, member.name), comments, merged };
  },
  'member-of-author': (ctx, input) => {
    const id = memberOfAuthor(ctx.db, input.author);
    return id === null ? null : getMember(ctx.db, id);
  },
  'member-merge': (ctx, input) => mergeMembers(ctx.db, input.into, input.from),
  'member-split': (ctx, input) => splitMember(ctx.db, input.id),
  'member-note': (ctx, input) => setMemberNote(ctx.db, input.id, input.note),
  'digest-export': (ctx, input): ExportResult => {
    const { start, end } = dayRange(input.from, input.to);
    const items = highlightsBetween(ctx.db, start, end);
    const now = iso(ctx.now());
    const content = input.format === 'md' ? digestMarkdown(items, iso(start), iso(end - DAY)) : input.format === 'html' ? digestHtml(items, iso(start), iso(end - DAY)) : digestAtom(items, iso(start), iso(end - DAY), now);
    const mimeType = { md: 'text/markdown', html: 'text/html', atom: 'application/atom+xml' }[input.format];
    return { fileName: `community-highlights-${input.from}-to-${input.to}.${input.format}`, mimeType, content, count: items.length, itemIds: items.map((item) => item.itemId) };
  },
  stats: (ctx, input) => {
    const to = input.to ? Date.parse(`${input.to}T00:00:00Z`) + DAY : ctx.now();
    const from = input.from ? Date.parse(`${input.from}T00:00:00Z`) : to - 8 * 7 * DAY;
    return ctx.reads.run(spotlightReads.dashboard, { from, to, overdueBefore: overdueBefore(ctx.now(), readSettings(ctx.db).overdueHours) });
  },
} satisfies FeatureHandlers;

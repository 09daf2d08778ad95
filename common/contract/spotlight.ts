// Operations of the community spotlight: recognition, members, digest, dashboard numbers.
import { z } from 'zod';
import { type DashboardStats, type Member, type MemberProfile, type ExportResult } from '../types';
import { returns, itemId, spotlightAction, inviteKind, digestFormat } from './shared';

export const spotlightOperations = {
  'spotlight-act': {
    summary: 'Recognise a comment: feature it (note why), thank or invite its author (a draft is started), or mark it the community answer to a question.',
    input: z
      .object({
        id: itemId,
        action: spotlightAction,
        note: z.string().max(2000).optional(),
        answersId: itemId.optional(),
        inviteKind: inviteKind.optional(),
      })
      .strict(),
    result: returns<{ actionId: number; auditId: number }>(),
  },
  'members-list': {
    summary: 'Members active since a date (all time without one), the most helpful first.',
    input: z.object({ since: z.iso.date().optional() }).strict(),
    result: returns<Member[]>(),
  },
  'member-get': {
    summary: "A member's profile: names, numbers, milestones, comments and the moderator's note.",
    input: z.object({ id: z.number().int().positive() }).strict(),
    result: returns<MemberProfile>(),
  },
  'member-of-author': {
    summary: 'The member an author name belongs to.',
    input: z.object({ author: z.string().min(1).max(300) }).strict(),
    result: returns<Member | null>(),
  },
  'member-merge': {
    summary: 'Merge member "from" into member "into" (one person, several names); member-split undoes it.',
    input: z.object({ into: z.number().int().positive(), from: z.number().int().positive() }).strict(),
    result: returns<Member>(),
  },
  'member-split': {
    summary: 'Split a merged member off again, with the names it came with.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    result: returns<Member>(),
  },
  'member-note': {
    summary: "Set the moderator's private note on a member (empty text removes it).",
    input: z.object({ id: z.number().int().positive(), note: z.string().max(10_000) }).strict(),
    result: returns<Member>(),
  },
  'digest-export': {
    summary: 'The "Community highlights" digest of the comments featured in a period, as Markdown, HTML or an Atom feed.',
    input: z.object({ from: z.iso.date(), to: z.iso.date(), format: digestFormat }).strict(),
    result: returns<ExportResult>(),
  },
  stats: {
    summary: "The dashboard's numbers for a period (default: the last 8 weeks): lanes per week and feed, service wait, contributors, community answers.",
    input: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }).strict(),
    result: returns<DashboardStats>(),
  },
} as const;

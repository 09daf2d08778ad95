// Operations of the team workspace, as the console and the CLI see them on this desktop: where it
// stands with its team, leases on the comment the moderator works on, and the decisions the
// workspace refused. Solo, team-status says so and the rest refuse in plain words. The wire between
// this desktop and the team server is a different contract: common/team-wire.ts.
import { z } from 'zod';
import type { TeamConflict, TeamStatus } from '../types';
import { returns, noInput, itemId } from './shared';
import { CHECKOUT_MAX_SECONDS, type StatsAnswer } from '../team-wire';

/** A checkout lasts this long unless the moderator says otherwise (a working day, a long flight). */
export const CHECKOUT_DEFAULT_HOURS = 8;
export const CHECKOUT_MAX_HOURS = CHECKOUT_MAX_SECONDS / 3600;
/** The most comments one checkout holds: more than a day's work offline, few enough that the team is not left with nothing. */
export const CHECKOUT_MAX_COMMENTS = 1_000;
export const CHECKOUT_DEFAULT_COMMENTS = 200;

/** What a checkout or a checkin did, as the CLI and the console say it. */
export interface CheckoutAnswer {
  view: 'inbox' | 'service' | 'spotlight';
  /** Comments this moderator now holds checked out (those already held included). */
  held: number;
  /** When those leases end (ISO), null when none is held. */
  until: string | null;
  /** Comments of the view left out because another moderator holds them. */
  heldByOthers: number;
  /** Who holds those, with how many each, most first. */
  holders: { name: string; count: number }[];
}

export const teamOperations = {
  'team-status': {
    summary: 'Whether this desktop works alone or in a team workspace; in a team: online or not, the outbox, the last sync, conflicts waiting and who else is connected.',
    input: noInput,
    result: returns<TeamStatus>(),
  },
  'team-claim': {
    summary: 'Takes (or renews) a lease on a comment while the moderator has it open or replies to it; with takeOver, takes it from whoever holds it. Refused leases say who holds them.',
    input: z.object({ itemId, purpose: z.enum(['open', 'reply']), takeOver: z.boolean().default(false) }).strict(),
    result: returns<{ held: boolean; lease: { holder: string; purpose: 'open' | 'reply' | 'checkout'; until: string } | null }>(),
  },
  'team-release': {
    summary: 'Gives back this moderator\'s lease on a comment.',
    input: z.object({ itemId }).strict(),
    result: returns<{ released: boolean }>(),
  },
  'team-checkout': {
    summary: `Before going offline: takes leases for hours (purpose checkout) on the first comments of a view nobody else holds, so decisions made on them offline go through on reconnect; others see "Dana checked it out". Default ${CHECKOUT_DEFAULT_HOURS} h and ${CHECKOUT_DEFAULT_COMMENTS} comments.`,
    input: z
      .object({
        view: z.enum(['inbox', 'service', 'spotlight']).default('inbox'),
        hours: z.number().positive().max(CHECKOUT_MAX_HOURS, `a checkout lasts at most ${CHECKOUT_MAX_HOURS} hours`).default(CHECKOUT_DEFAULT_HOURS),
        limit: z.number().int().min(1).max(CHECKOUT_MAX_COMMENTS, `a checkout holds at most ${CHECKOUT_MAX_COMMENTS.toLocaleString('en')} comments`).default(CHECKOUT_DEFAULT_COMMENTS),
      })
      .strict(),
    result: returns<CheckoutAnswer>(),
  },
  'team-checkin': {
    summary: "Gives back every comment this moderator checked out (decided or not), so the rest of the team can take them.",
    input: noInput,
    result: returns<{ released: number }>(),
  },
  'team-stats': {
    summary: "The dashboard's split by moderator: the decisions the workspace applied from one day to another (both included, this desktop's days), by who made them and where they put the comments. Read from the team server: online only.",
    input: z.object({ from: z.iso.date(), to: z.iso.date() }).strict(),
    result: returns<StatsAnswer>(),
  },
  'team-conflicts': {
    summary: 'Decisions made here that the workspace refused (changed meanwhile, or held by another moderator), oldest first.',
    input: noInput,
    result: returns<TeamConflict[]>(),
  },
  'team-resolve': {
    summary: 'Settles a conflict: keep theirs (drop this desktop\'s decision) or apply mine (send it again over theirs).',
    input: z.object({ conflictId: z.number().int().positive(), keep: z.enum(['theirs', 'mine']) }).strict(),
    result: returns<{ resolved: boolean }>(),
  },
} as const;

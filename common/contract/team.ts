// Operations of the team workspace, as the console and the CLI see them on this desktop: where it
// stands with its team, leases on the comment the moderator works on, and the decisions the
// workspace refused. Solo, team-status says so and the rest refuse in plain words. The wire between
// this desktop and the team server is a different contract: common/team-wire.ts.
import { z } from 'zod';
import type { TeamConflict, TeamStatus } from '../types';
import { returns, noInput, itemId } from './shared';

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

// The spotlight's reads that may run off the thread that answers keys (core/reads.ts): the
// dashboard (every routed comment of the period, grouped) and the members list (every member
// active since a day, with their numbers).
import { offThreadRead } from '../../core/reads';
import { listMembers } from '../../../db/tables/members';
import { dashboardStats } from './stats';

export const spotlightReads = {
  dashboard: offThreadRead('spotlight.dashboard', (db, period: { from: number; to: number; overdueBefore: number }) => dashboardStats(db, period.from, period.to, period.overdueBefore)),
  members: offThreadRead('spotlight.members', (db, since: number) => listMembers(db, since)),
};

// The team workspace's operations on this desktop (common/contract/team.ts). STUB: the sync
// helper replaces these bodies; solo they answer as a desktop without a team does.
import { SwitchboardError } from '../../../common/errors';
import type { FeatureHandlers } from '../../core/context';

const solo = (stage: string) => new SwitchboardError('unavailable', stage, 'this desktop is not in a team workspace: join one with `switchboard team join URL --token T`');

export const teamHandlers = {
  'team-status': () => ({ mode: 'solo' }),
  'team-claim': () => ({ held: true, lease: null }),
  'team-release': () => ({ released: false }),
  'team-conflicts': () => [],
  'team-resolve': () => {
    throw solo('team-resolve');
  },
} satisfies FeatureHandlers;

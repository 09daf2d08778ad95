// What the team feature needs beyond the core context: the port arriving comments are scored
// through (the same one a fetch uses, so the workspace's comments get suggestions like fetched
// ones), and the sync's state while it runs.
import type { CoreContext } from '../../core/context';
import type { ArrivalsPort } from '../../core/new-comments';
import type { TeamRuntime } from './runtime';

export interface TeamContext extends CoreContext {
  arrivals: ArrivalsPort;
  team: TeamRuntime;
}

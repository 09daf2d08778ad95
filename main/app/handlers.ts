// Joins every feature's handlers into the one table the service runs. The type makes a missing
// or misspelled handler a compile error.
import { appHandlers } from './app-info';
import { backupHandlers } from './backups';
import { feedHandlers } from '../features/feeds/handlers';
import { queueHandlers } from '../features/queue/handlers';
import { customerServiceHandlers } from '../features/customer-service/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { spotlightHandlers } from '../features/spotlight/handlers';
import { suggestionsHandlers } from '../features/suggestions/handlers';
import { rulesHandlers } from '../features/suggestions/rules-handlers';
import { teamHandlers } from '../features/team/handlers';
import type { HandlerTable } from '../core/context';
import type { ServiceContext } from './context';

export const handlers: HandlerTable<ServiceContext> = {
  ...appHandlers,
  ...backupHandlers,
  ...feedHandlers,
  ...queueHandlers,
  ...settingsHandlers,
  ...customerServiceHandlers,
  ...spotlightHandlers,
  ...suggestionsHandlers,
  ...rulesHandlers,
  ...teamHandlers,
};

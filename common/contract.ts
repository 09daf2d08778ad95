// The service contract: every operation the console, the HTTP bridge and the CLI can perform,
// declared once with its validated input and its result type, in one file per feature under
// contract/. Adding an operation is one entry there plus its handler; every door and the preload
// pick it up from this table.
// Node-free: the renderer imports it for types and names.
import type { z } from 'zod';
import { feedsOperations } from './contract/feeds';
import { queueOperations } from './contract/queue';
import { customerServiceOperations } from './contract/customer-service';
import { settingsOperations } from './contract/settings';
import { spotlightOperations } from './contract/spotlight';
import { backupOperations } from './contract/backups';
import { suggestionsOperations } from './contract/suggestions';
import { rulesOperations } from './contract/rules';
import { teamOperations } from './contract/team';

export const contract = {
  ...settingsOperations,
  ...feedsOperations,
  ...queueOperations,
  ...customerServiceOperations,
  ...spotlightOperations,
  ...backupOperations,
  ...suggestionsOperations,
  ...rulesOperations,
  ...teamOperations,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller may pass (defaults still optional). */
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives, after validation filled in defaults. */
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OperationResult<N extends OperationName> = Contract[N]['result'];

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The client view of the service: one async method per operation. Renderer, preload and tests use it. */
export type SwitchboardApi = {
  [N in OperationName]: {} extends OperationInput<N>
    ? (input?: OperationInput<N>) => Promise<OperationResult<N>>
    : (input: OperationInput<N>) => Promise<OperationResult<N>>;
};

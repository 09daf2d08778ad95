// The one typed client of the service, built from the contract: one async method per operation,
// each result typed by its contract entry. Every caller (the renderer over IPC or HTTP, the CLI
// and the tests over an opened service) brings only its transport; the contract's names and
// types come from here, so no caller casts a result.
// Node-free: the renderer imports it.
import { OPERATION_NAMES, type OperationName, type SwitchboardApi } from './contract';

/** Sends one call and resolves to its result (or rejects with its error). The door validates the input. */
export type ClientTransport = (name: OperationName, input: unknown) => Promise<unknown>;

export function createClient(call: ClientTransport): SwitchboardApi {
  const methods = Object.fromEntries(OPERATION_NAMES.map((name) => [name, (input?: unknown) => call(name, input)]));
  // The one bridge between the runtime table of names and the contract's types: each method
  // forwards to the door, which validates the input and returns that operation's result.
  return Object.freeze(methods) as SwitchboardApi;
}

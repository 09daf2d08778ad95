// What travels over IPC and HTTP for one call: the result, or the error's payload. Both doors use
// this shape so the renderer unwraps them the same way.
import { SwitchboardError, toSwitchboardError, type ErrorPayload } from './errors';

export type CallOutcome = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

export async function settle(run: () => Promise<unknown>): Promise<CallOutcome> {
  try {
    return { ok: true, result: await run() };
  } catch (error) {
    return { ok: false, error: toSwitchboardError(error).toPayload() };
  }
}

export function unwrap(outcome: CallOutcome): unknown {
  if (outcome.ok) return outcome.result;
  throw SwitchboardError.fromPayload(outcome.error);
}

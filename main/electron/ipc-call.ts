// What the IPC door does with one invoke, kept free of Electron so it is unit-tested: refuse
// callers that are not the console's main frame, refuse extra arguments, then let the service
// validate and run the call.
import { settle, type CallOutcome } from '../../common/outcome';
import type { Service } from '../app/service';
import { isAppUrl } from '../../common/urls';

export interface IpcSender {
  /** URL of the frame that sent the message, if it still exists. */
  frameUrl: string | undefined;
  /** Whether that frame is the window's top-level frame (not an iframe). */
  isMainFrame: boolean;
}

function refused(message: string): CallOutcome {
  return { ok: false, error: { code: 'invalid-input', stage: 'ipc', message: `ipc: ${message}` } };
}

export function handleIpcCall(service: Service, appEntryUrl: string, name: string, sender: IpcSender, args: unknown[]): Promise<CallOutcome> {
  if (!sender.isMainFrame || !isAppUrl(sender.frameUrl, appEntryUrl)) {
    return Promise.resolve(refused('refused a call from a page that is not the console'));
  }
  if (args.length > 1) return Promise.resolve(refused(`${name} takes one argument object, not ${args.length}`));
  return settle(() => service.call(name, args[0]));
}

// What the check worker (main/workers/check-worker.ts) is asked, and what it answers about a
// backup copy: shared by the worker and the thread that starts it.
import type { ErrorCode } from '../../common/errors';

export type CheckTask = { kind: 'check'; file: string } | { kind: 'copy'; file: string; target: string };

/** The verified copy's temporary file; or the SwitchboardError's parts that refused it; or an unexpected failure. */
export type CopyVerdict = { temporary: string } | { refused: { code: ErrorCode; stage: string; message: string } } | { failed: string };

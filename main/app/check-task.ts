// What the check worker (main/workers/check-worker.ts) is asked, and what it answers about a
// backup copy: shared by the worker and the thread that starts it.
import type { ErrorCode } from '../../common/errors';

export type CheckTask = { kind: 'check'; file: string } | { kind: 'verify-copy'; file: string; stage: string; called: string };

/** A copy's schema version; or the SwitchboardError's parts that refused it; or an unexpected failure. */
export type VerifyVerdict = { version: number } | { refused: { code: ErrorCode; stage: string; message: string } } | { failed: string };

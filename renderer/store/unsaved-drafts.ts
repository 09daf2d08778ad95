// Drafts the service could not store yet (a full disk, a database another Switchboard keeps busy,
// the connection to browser mode lost): the moderator's words stay in memory, show again when the
// comment is reopened, and are saved as soon as the service can take them.
import { SwitchboardError } from '../../common/errors';

export type DraftTarget = { itemId: number } | { incidentId: number };

export interface UnsavedDraft {
  target: DraftTarget;
  body: string;
  templates: string[];
  /** Which save call this text came from, counted up: a later text is never replaced by an earlier one. */
  order: number;
}

/** How often waiting drafts are tried again, besides every pause in typing. */
export const RETRY_MS = 5_000;

export function draftKey(target: DraftTarget): string {
  return JSON.stringify(target);
}

/**
 * Whether trying again can succeed: the service was unavailable (storage, busy) or never answered.
 * A draft it refused (too long, its comment gone) would be refused the same way every time.
 */
export function worthRetrying(error: unknown): boolean {
  return !(error instanceof SwitchboardError) || error.code === 'unavailable' || error.code === 'internal';
}

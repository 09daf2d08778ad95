// Recognising members: feature a comment (with why), thank them, invite them (guest post,
// volunteer, moderator), or mark a comment as the community answer to a question. Thank and invite
// start a draft from the saved reply of their kind (replies.ts), exported like service drafts.
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { SpotlightActionKind } from '../../../common/types';
import { getItem } from '../../../db/tables/items';
import { applyAction, undoAlsoRemovesSpotlightAction } from '../../../db/tables/audit-log';
import { recordSpotlightAction } from '../../../db/tables/spotlight-actions';
import { suggestDraft } from '../../../db/tables/drafts';
import { writeTransaction } from '../../../db/write';
import { recognitionDraft } from './replies';

export interface SpotlightRequest {
  itemId: number;
  action: SpotlightActionKind;
  note?: string;
  answersItemId?: number;
  inviteKind?: 'guest-post' | 'volunteer' | 'moderator';
}

export function recordSpotlight(db: Db, request: SpotlightRequest, now: number): { actionId: number; auditId: number } {
  getItem(db, request.itemId);
  if (request.action === 'answer') {
    if (request.answersItemId === undefined) throw new SwitchboardError('invalid-input', 'spotlight', 'say which question it answered (answersId in the API, --answers ITEM_ID on the command line)');
    if (request.answersItemId === request.itemId) throw new SwitchboardError('invalid-input', 'spotlight', 'a comment cannot answer itself');
    getItem(db, request.answersItemId);
  }
  return writeTransaction(db, () => {
    // Recognising a comment puts it in the spotlight lane; like every moderator action it is
    // recorded with what undoes it (the lane it came from, and the recognition itself).
    const audit = applyAction(
      db,
      'spotlight',
      [request.itemId],
      (item) => (item.route === 'spotlight' && item.status === 'routed' ? {} : { status: 'routed', route: 'spotlight', routed_at: now }),
      { ...request },
      now,
    );
    const actionId = recordSpotlightAction(db, request, now);
    undoAlsoRemovesSpotlightAction(db, audit.auditId, actionId);
    if (request.action === 'thank') suggestDraft(db, request.itemId, recognitionDraft(db, request.itemId, 'thank-you'), now);
    if (request.action === 'invite') suggestDraft(db, request.itemId, recognitionDraft(db, request.itemId, `invite-${request.inviteKind ?? 'guest-post'}`), now);
    // The audit entry, like every action's answer: a console keeps it to undo its own actions.
    return { actionId, auditId: audit.auditId };
  });
}

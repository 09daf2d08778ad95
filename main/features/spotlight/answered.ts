// "Answered by the community": another comment of the thread already solved the problem. The
// service comment is resolved that way, and the helper's comment goes to the spotlight with the
// thank-you reply suggested (replies.ts), all as one undoable action. It lives with the spotlight
// because recognising the helper is what it adds to a plain resolve.
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { ActionResult } from '../../../common/types';
import { applyAction } from '../../../db/tables/audit-log';
import { suggestDraft } from '../../../db/tables/drafts';
import { replyContext } from '../../../db/tables/reply-context';
import { writeTransaction } from '../../../db/write';
import { recognitionDraft } from './replies';

export function answeredByCommunity(db: Db, itemId: number, answerId: number, now: number): ActionResult {
  if (itemId === answerId) throw new SwitchboardError('invalid-input', 'service', 'a comment cannot answer itself');
  return writeTransaction(db, () => {
    if (!replyContext(db, answerId)) throw new SwitchboardError('not-found', 'service', `there is no comment with id ${answerId}`);
    const result = applyAction(
      db,
      'answered-by',
      [itemId, answerId],
      (item) =>
        item.id === itemId
          ? { service_state: 'resolved', resolution: 'answered-by-community', answered_by: answerId, status: 'done' }
          : { status: 'routed', route: 'spotlight', routed_at: now, snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0 },
      { answerId },
      now,
    );
    suggestDraft(db, answerId, recognitionDraft(db, answerId, 'thank-you'), now);
    return result;
  });
}

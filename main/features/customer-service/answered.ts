// "Answered by the community": another comment of the thread already solved the problem. The
// service comment is resolved that way, and the helper's comment goes to the spotlight with a
// thank-you suggested, all as one undoable action.
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { ActionResult } from '../../../common/types';
import { applyAction } from '../../../db/tables/audit-log';
import { readSettings } from '../../../db/tables/settings';
import { suggestDraft } from '../../../db/tables/drafts';
import { replyContext } from '../../../db/tables/reply-context';
import { builtInValues, fillPlaceholders } from '../../../common/placeholders';
import { listTemplates } from '../../../db/tables/templates';
import { writeTransaction } from '../../../db/write';

const DEFAULT_THANKS = 'Thank you, {{author}}, for helping out in "{{thread_title}}". Answers like yours are what make this community work.';

export function answeredByCommunity(db: Db, itemId: number, answerId: number, now: number): ActionResult {
  if (itemId === answerId) throw new SwitchboardError('invalid-input', 'service', 'a comment cannot answer itself');
  return writeTransaction(db, () => {
    const helper = replyContext(db, answerId);
    if (!helper) throw new SwitchboardError('not-found', 'service', `there is no comment with id ${answerId}`);
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
    const template = listTemplates(db, 'spotlight')[0];
    const values = builtInValues(helper, readSettings(db).moderatorName);
    const thanks = fillPlaceholders(template && template.variables.length === 0 ? template.body : DEFAULT_THANKS, values).text;
    suggestDraft(db, answerId, { body: thanks, templates: template && template.variables.length === 0 ? [template.name] : [] }, now);
    return result;
  });
}

// "Answered by the community": another comment of the thread already solved the problem. The
// service comment is resolved that way, and the helper's comment goes to the spotlight with a
// thank-you suggested, all as one undoable action.
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { ActionResult } from '../../../common/types';
import { applyAction } from '../../../db/tables/audit-log';
import { readSettings } from '../../../db/tables/settings';
import { suggestDraft } from '../../../db/tables/drafts';
import { builtInValues, fillPlaceholders } from '../../../common/placeholders';
import { listTemplates } from '../../../db/tables/templates';

const DEFAULT_THANKS = 'Thank you, {{author}}, for helping out in "{{thread_title}}". Answers like yours are what make this community work.';

export function answeredByCommunity(db: Db, itemId: number, answerId: number, now: number): ActionResult {
  if (itemId === answerId) throw new SwitchboardError('invalid-input', 'service', 'a comment cannot answer itself');
  return db.transaction(() => {
    const helper = db
      .prepare<[number], { author: string; url: string | null; thread_title: string | null; thread_url: string | null; feed_title: string }>(
        `SELECT i.author, i.url, t.title AS thread_title, t.url AS thread_url, f.title AS feed_title
           FROM items i JOIN feeds f ON f.id = i.feed_id LEFT JOIN threads t ON t.id = i.thread_id WHERE i.id = ?`,
      )
      .get(answerId);
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
    const values = builtInValues({ author: helper.author, threadTitle: helper.thread_title ?? '', threadUrl: helper.thread_url, url: helper.url, feedTitle: helper.feed_title }, readSettings(db).moderatorName);
    const thanks = fillPlaceholders(template && template.variables.length === 0 ? template.body : DEFAULT_THANKS, values).text;
    suggestDraft(db, answerId, { body: thanks, templates: template && template.variables.length === 0 ? [template.name] : [] }, now);
    return result;
  })();
}

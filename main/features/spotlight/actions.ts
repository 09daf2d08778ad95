// Recognising members: feature a comment (with why), thank them, invite them (guest post,
// volunteer, moderator), or mark a comment as the community answer to a question. Thank and invite
// start a draft from the spotlight lane's saved replies, exported like service drafts.
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { SpotlightActionKind } from '../../../common/types';
import { getItem } from '../../../db/tables/items';
import { readSettings } from '../../../db/tables/settings';
import { applyAction, undoAlsoRemovesSpotlightAction } from '../../../db/tables/audit-log';
import { recordSpotlightAction } from '../../../db/tables/spotlight-actions';
import { suggestDraft } from '../../../db/tables/drafts';
import { builtInValues, fillPlaceholders } from '../../../common/placeholders';
import { listTemplates } from '../../../db/tables/templates';
import { syncMembers } from '../../../db/tables/members';
import { writeTransaction } from '../../../db/write';

export interface SpotlightRequest {
  itemId: number;
  action: SpotlightActionKind;
  note?: string;
  answersItemId?: number;
  inviteKind?: 'guest-post' | 'volunteer' | 'moderator';
}

const THANKS = 'Thank you, {{author}}, for your comment on "{{thread_title}}". This is the kind of help that makes the community work.';
const INVITATIONS: Record<NonNullable<SpotlightRequest['inviteKind']>, string> = {
  'guest-post': 'Hi {{author}}, your comments on "{{thread_title}}" stood out. Would you like to write a guest post for us about it?',
  volunteer: 'Hi {{author}}, your comments on "{{thread_title}}" stood out. Would you like to volunteer with us, helping others the way you just did?',
  moderator: 'Hi {{author}}, your comments on "{{thread_title}}" stood out. Would you consider joining us as a community moderator?',
};

function draftText(db: Db, itemId: number, kind: 'thank' | 'invite', inviteKind: SpotlightRequest['inviteKind'] = 'guest-post'): { body: string; templates: string[] } {
  const item = getItem(db, itemId);
  // A spotlight saved reply whose name mentions the action wins; it must need no extra variables.
  const template = listTemplates(db, 'spotlight').find((candidate) => candidate.variables.length === 0 && candidate.name.toLowerCase().includes(kind === 'thank' ? 'thank' : 'invit'));
  const values = builtInValues(item, readSettings(db).moderatorName);
  const fallback = kind === 'thank' ? THANKS : INVITATIONS[inviteKind];
  return { body: fillPlaceholders(template?.body ?? fallback, values).text, templates: template ? [template.name] : [] };
}

export function recordSpotlight(db: Db, request: SpotlightRequest, now: number): { actionId: number; auditId: number } {
  getItem(db, request.itemId);
  if (request.action === 'answer') {
    if (request.answersItemId === undefined) throw new SwitchboardError('invalid-input', 'spotlight', 'say which question it answered (answersId in the API, --answers ITEM_ID on the command line)');
    if (request.answersItemId === request.itemId) throw new SwitchboardError('invalid-input', 'spotlight', 'a comment cannot answer itself');
    getItem(db, request.answersItemId);
  }
  return writeTransaction(db, () => {
    syncMembers(db, now);
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
    if (request.action === 'thank' || request.action === 'invite') suggestDraft(db, request.itemId, draftText(db, request.itemId, request.action, request.inviteKind), now);
    // The audit entry, like every action's answer: a console keeps it to undo its own actions.
    return { actionId, auditId: audit.auditId };
  });
}

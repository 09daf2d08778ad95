// The reply a spotlight action drafts for a comment's author: the saved reply the moderator
// declared for that kind, else Switchboard's own words, filled for this comment. Thank, Invite and
// "Answered it" draft through here, from the console and the CLI alike.
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import { fillReply } from '../../../common/placeholders';
import type { TemplateKind } from '../../../common/types';
import { replyContext } from '../../../db/tables/reply-context';
import { readSettings } from '../../../db/tables/settings';
import { templateOfKind } from '../../../db/tables/templates';

const BUILT_IN: Record<TemplateKind, string> = {
  'thank-you': 'Thank you, {{author}}, for helping out in "{{thread_title}}". Help like yours is what makes this community work.',
  'invite-guest-post': 'Hi {{author}}, your comments on "{{thread_title}}" stood out. Would you like to write a guest post for us about it?',
  'invite-volunteer': 'Hi {{author}}, your comments on "{{thread_title}}" stood out. Would you like to volunteer with us, helping others the way you just did?',
  'invite-moderator': 'Hi {{author}}, your comments on "{{thread_title}}" stood out. Would you consider joining us as a community moderator?',
};

/** The draft of `kind` for the author of `itemId`, and the saved reply it came from (none for the built-in text). */
export function recognitionDraft(db: Db, itemId: number, kind: TemplateKind): { body: string; templates: string[] } {
  const context = replyContext(db, itemId);
  if (!context) throw new SwitchboardError('not-found', 'spotlight', `there is no comment with id ${itemId}`);
  const template = templateOfKind(db, kind);
  return { body: fillReply(template?.body ?? BUILT_IN[kind], context, readSettings(db).moderatorName).text, templates: template ? [template.name] : [] };
}

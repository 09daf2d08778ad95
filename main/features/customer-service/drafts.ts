// Reply drafts through the customer-service desk: a draft can start from a saved reply with its
// placeholders filled; marking one ready checks that filling it for each person (as the preview
// and the export do) leaves no placeholder, since exports never carry one; resolving closes the
// comment.
import type { Db } from '../../../db/connection';
import { applyAction } from '../../../db/tables/audit-log';
import { draftFor, saveDraft } from '../../../db/tables/drafts';
import { incidentOfItem } from '../../../db/tables/incidents';
import { getItem } from '../../../db/tables/items';
import { readSettings } from '../../../db/tables/settings';
import { listTemplates } from '../../../db/tables/templates';
import { SwitchboardError } from '../../../common/errors';
import type { Draft, Template } from '../../../common/types';
import { builtInValues, fillPlaceholders, fillReply } from '../../../common/placeholders';
import { replyContext } from '../../../db/tables/reply-context';
import { writeTransaction } from '../../../db/write';

export function markReady(db: Db, itemIds: number[], now: number) {
  const moderator = readSettings(db).moderatorName;
  for (const id of itemIds) {
    const incident = incidentOfItem(db, id);
    const context = replyContext(db, id);
    if (!incident || !context) throw new SwitchboardError('not-found', 'draft', `there is no comment with id ${id}`);
    const draft = draftFor(db, id, incident.incidentId);
    if (!draft || draft.body.trim() === '') throw new SwitchboardError('invalid-input', 'draft', `comment ${id} has no reply drafted yet`);
    const unfilled = fillReply(draft.body, context, moderator).missing;
    if (unfilled.length) {
      throw new SwitchboardError('invalid-input', 'draft', `the reply to comment ${id} still has ${unfilled.map((name) => `{{${name}}}`).join(', ')}; fill it in before marking it ready`);
    }
  }
  return applyAction(db, 'draft-ready', itemIds, { service_state: 'ready' }, {}, now);
}

/** Resolved: answered (by the company's reply); the comment is done. */
export function resolveItems(db: Db, itemIds: number[], now: number) {
  return applyAction(db, 'resolve', itemIds, { service_state: 'resolved', resolution: 'replied', status: 'done' }, {}, now);
}

/** A saved reply by id, or by name in any case. */
function findTemplate(db: Db, template: number | string): Template {
  const templates = listTemplates(db);
  if (typeof template === 'number') {
    const found = templates.find((t) => t.id === template);
    if (!found) throw new SwitchboardError('not-found', 'templates', `there is no saved reply with id ${template}`);
    return found;
  }
  const found = templates.find((t) => t.name.toLowerCase() === template.toLowerCase());
  if (!found) throw new SwitchboardError('not-found', 'templates', `there is no saved reply named "${template}"; "switchboard templates" lists them`);
  return found;
}

export interface TemplateDraftInput {
  itemId: number;
  template: number | string;
  vars: Record<string, string>;
  ready: boolean;
}

/**
 * Drafts the reply to a comment from a saved reply, its placeholders filled from the comment, the
 * moderator's name and the values given (which win). Refused while any placeholder stays unfilled;
 * with ready, the draft is saved and marked ready together or not at all.
 */
export function draftFromTemplate(db: Db, input: TemplateDraftInput, now: number): Draft {
  const item = getItem(db, input.itemId);
  const template = findTemplate(db, input.template);
  const filled = fillPlaceholders(template.body, { ...builtInValues(item, readSettings(db).moderatorName), ...input.vars });
  if (filled.missing.length) {
    throw new SwitchboardError('invalid-input', 'draft', `"${template.name}" needs ${filled.missing.map((name) => `--var ${name}=...`).join(' ')}`);
  }
  return writeTransaction(db, () => {
    const draft = saveDraft(db, { itemId: item.id, body: filled.text, templates: [template.name] }, now);
    if (input.ready) markReady(db, [item.id], now);
    return draft;
  });
}

// Reply drafts through the customer-service desk: a draft can start from a saved reply with its
// placeholders filled; marking one ready checks that no placeholder is left unfilled, since
// exports never carry one; resolving closes the comment.
import type { Db } from '../../../db/connection';
import { applyAction } from '../../../db/tables/audit-log';
import { draftFor, saveDraft } from '../../../db/tables/drafts';
import { incidentOfItem } from '../../../db/tables/incidents';
import { getItem } from '../../../db/tables/items';
import { readSettings } from '../../../db/tables/settings';
import { listTemplates } from '../../../db/tables/templates';
import { SwitchboardError } from '../../../common/errors';
import type { Draft, Template } from '../../../common/types';
import { BUILT_IN_PLACEHOLDERS, builtInValues, fillPlaceholders, placeholdersIn } from '../../../common/placeholders';
import { writeTransaction } from '../../../db/write';

/**
 * Placeholders still in a draft that an export could not fill: any but the built-in ones in an
 * incident's shared draft (filled per person), any at all in a single comment's draft.
 */
export function unfilledPlaceholders(draft: Draft): string[] {
  const builtIn = new Set<string>(BUILT_IN_PLACEHOLDERS);
  return placeholdersIn(draft.body).filter((name) => draft.incidentId === null || !builtIn.has(name));
}

export function markReady(db: Db, itemIds: number[], now: number) {
  for (const id of itemIds) {
    const incident = incidentOfItem(db, id);
    if (!incident) throw new SwitchboardError('not-found', 'draft', `there is no comment with id ${id}`);
    const draft = draftFor(db, id, incident.incidentId);
    if (!draft || draft.body.trim() === '') throw new SwitchboardError('invalid-input', 'draft', `comment ${id} has no reply drafted yet`);
    const unfilled = unfilledPlaceholders(draft);
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

import type { FeatureHandlers } from '../../core/context';
import { runAndAnnounce } from '../../core/changes';
import { saveDraft } from '../../../db/tables/drafts';
import { draftFromTemplate, markReady, resolveItems } from './drafts';
import { exportDrafts, markExported } from './export';
import { createIncident, getIncident, suggestIncident } from './incidents';
import { deleteTemplate, listTemplates, saveTemplate } from '../../../db/tables/templates';

export const customerServiceHandlers = {
  'templates-list': (ctx, input) => listTemplates(ctx.db, input.lane),
  'template-save': (ctx, input) => saveTemplate(ctx.db, input, ctx.now()),
  'template-delete': (ctx, input) => deleteTemplate(ctx.db, input.id),
  'draft-save': (ctx, input) => saveDraft(ctx.db, input, ctx.now()),
  // Marked ready, the comment changes lanes' counts like drafts-ready; a plain draft, like draft-save, does not.
  'draft-from-template': (ctx, input) =>
    input.ready ? runAndAnnounce(ctx, 'ready', () => draftFromTemplate(ctx.db, input, ctx.now())) : draftFromTemplate(ctx.db, input, ctx.now()),
  'drafts-ready': (ctx, input) => runAndAnnounce(ctx, 'ready', () => markReady(ctx.db, input.ids, ctx.now())),
  'service-resolve': (ctx, input) => runAndAnnounce(ctx, 'resolve', () => resolveItems(ctx.db, input.ids, ctx.now())),
  'incident-create': (ctx, input) => runAndAnnounce(ctx, 'incident', () => createIncident(ctx.db, input.ids, input.title, ctx.now())),
  'incident-get': (ctx, input) => getIncident(ctx.db, input.id),
  'incident-suggest': (ctx, input) => suggestIncident(ctx.db, input.id),
  'drafts-export': (ctx, input) => exportDrafts(ctx.db, { format: input.format, status: input.status, itemIds: input.ids, bom: input.bom }, ctx.now()),
  'drafts-mark-exported': (ctx, input) => runAndAnnounce(ctx, 'export', () => markExported(ctx.db, input.ids, ctx.now())),
} satisfies FeatureHandlers;

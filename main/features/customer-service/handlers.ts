import type { Handlers } from '../../app/service';
import { act } from '../queue/handlers';
import { answeredByCommunity } from './answered';
import { markReady, resolveItems, saveDraft } from './drafts';
import { exportDrafts, markExported } from './export';
import { createIncident, getIncident, suggestIncident } from './incidents';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';

export const customerServiceHandlers = {
  'templates-list': (ctx, input) => listTemplates(ctx.db, input.lane),
  'template-save': (ctx, input) => saveTemplate(ctx.db, input, ctx.now()),
  'template-delete': (ctx, input) => deleteTemplate(ctx.db, input.id),
  'draft-save': (ctx, input) => saveDraft(ctx.db, input, ctx.now()),
  'drafts-ready': (ctx, input) => act(ctx, 'ready', () => markReady(ctx.db, input.ids, ctx.now())),
  'service-resolve': (ctx, input) => act(ctx, 'resolve', () => resolveItems(ctx.db, input.ids, ctx.now())),
  'service-answered-by': (ctx, input) => act(ctx, 'answered-by', () => answeredByCommunity(ctx.db, input.id, input.answerId, ctx.now())),
  'incident-create': (ctx, input) => act(ctx, 'incident', () => createIncident(ctx.db, input.ids, input.title, ctx.now())),
  'incident-get': (ctx, input) => getIncident(ctx.db, input.id),
  'incident-suggest': (ctx, input) => suggestIncident(ctx.db, input.id),
  'drafts-export': (ctx, input) => exportDrafts(ctx.db, { format: input.format, status: input.status, itemIds: input.ids }, ctx.now()),
  'drafts-mark-exported': (ctx, input) => act(ctx, 'export', () => markExported(ctx.db, input.ids, ctx.now())),
} satisfies Partial<Handlers>;

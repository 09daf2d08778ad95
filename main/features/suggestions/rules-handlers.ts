// The moderator's routing rules: kept in order, previewed on the Inbox before saving, applied to
// it as one undoable action, exported and imported as JSON. Matching lives in rules/.
import type { FeatureHandlers } from '../../core/context';
import { runAndAnnounce } from '../../core/changes';
import { deleteRule, getRule, importRules, listRules, moveRule, saveRule, touchRules } from '../../../db/tables/routing-rules';
import { SwitchboardError } from '../../../common/errors';
import { readRulesFile, type RulesFile } from '../../../common/contract/rules';
import type { Route } from '../../../common/types';
import { rulesReads } from './rules/reads';
import { applyRuleAction } from './rules/apply';

const noRoutes = (): Record<Route, number> => ({ service: 0, spotlight: 0, ignore: 0 });

export const rulesHandlers = {
  'rules-list': (ctx) => listRules(ctx.db),
  'rules-save': (ctx, input) => saveRule(ctx.db, input.rule, ctx.now(), input.id),
  'rules-delete': (ctx, input) => ({ deleted: deleteRule(ctx.db, input.id) }),
  'rules-move': (ctx, input) => moveRule(ctx.db, input.id, input.position),
  'rules-preview': (ctx, input) => ctx.reads.run(rulesReads.preview, input.rule),
  'rules-apply': async (ctx, input) => {
    const rule = getRule(ctx.db, input.id);
    const { then } = rule;
    const scan = await ctx.reads.run(rulesReads.scan, rule);
    if (then.kind === 'suggest') {
      // A suggestion is scored, not applied: a new rules version asks for the Inbox to be scored again (rules/for-ingest.ts).
      touchRules(ctx.db);
      return { count: scan.ids.length, byRoute: noRoutes(), snoozed: 0, auditId: null };
    }
    const acting = { ...rule, then };
    const result = scan.ids.length === 0 ? null : runAndAnnounce(ctx, then.kind, () => applyRuleAction(ctx.db, acting, scan.ids, ctx.now()));
    const count = result?.itemIds.length ?? 0;
    const byRoute = noRoutes();
    if (then.kind === 'route') byRoute[then.route] = count;
    return { count, byRoute, snoozed: then.kind === 'snooze' ? count : 0, auditId: result?.auditId ?? null };
  },
  'rules-export': (ctx): RulesFile => ({ switchboardRules: 1, rules: listRules(ctx.db).map(({ name, enabled, when, then }) => ({ name, enabled, when, then })) }),
  'rules-import': (ctx, input) => {
    let file: RulesFile;
    try {
      file = readRulesFile(input.file);
    } catch (error) {
      throw new SwitchboardError('invalid-input', 'rules-import', (error as Error).message);
    }
    return { added: file.rules.length, rules: importRules(ctx.db, file.rules, input.replace, ctx.now()) };
  },
} satisfies FeatureHandlers;

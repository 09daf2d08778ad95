// A rule tried on the Inbox's stored comments, newest first: what its preview shows and what
// applying it acts on are the same scan, so "would match 143" is what apply changes. At most
// MOST_IN_ONE_ACTION comments, the most one undoable action takes.
import type { Db } from '../../../../db/connection';
import { inboxSubjectPages } from '../../../../db/tables/rule-subjects';
import { itemSummaries } from '../../../../db/tables/items';
import { MOST_IN_ONE_ACTION } from '../../../../common/contract/shared';
import type { RulePreview, RulesFile } from '../../../../common/contract/rules';
import { CompiledRule } from './compile';

export interface RuleScan {
  /** The matching comments, newest first. */
  ids: number[];
  /** More matched than MOST_IN_ONE_ACTION: the scan stopped there. */
  capped: boolean;
  /** Comments the pattern was stopped on (they do not match). */
  timedOut: number;
}

/** How many of the newest matches a preview lists. */
export const PREVIEW_ITEMS = 50;

export function scanInbox(db: Db, rule: RulesFile['rules'][number]): RuleScan {
  const compiled = new CompiledRule(rule);
  const scan: RuleScan = { ids: [], capped: false, timedOut: 0 };
  for (const page of inboxSubjectPages(db)) {
    const results = compiled.matchMany(page);
    for (let index = 0; index < page.length; index++) {
      if (results[index] === 'timed-out') scan.timedOut += 1;
      else if (results[index]) {
        if (scan.ids.length === MOST_IN_ONE_ACTION) return { ...scan, capped: true };
        scan.ids.push(page[index]!.id);
      }
    }
  }
  return scan;
}

export function previewRule(db: Db, rule: RulesFile['rules'][number]): RulePreview {
  const scan = scanInbox(db, rule);
  const newest = scan.ids.slice(0, PREVIEW_ITEMS);
  const summaries = new Map(itemSummaries(db, newest).map((item) => [item.id, item]));
  return { count: scan.ids.length, capped: scan.capped, items: newest.flatMap((id) => summaries.get(id) ?? []), timedOut: scan.timedOut };
}

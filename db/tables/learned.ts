// What the model has learned from the moderator's decisions (migration 013): per feature and lane
// how many learned comments have it, per lane how many were learned, and which comments were
// learned as which lane with the features they added. The queue of comments whose lane changed is
// filled by a trigger on items, whichever door changed them, and emptied by the learner.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { Route } from '../../common/types';

/** The learned counts as stored, read whole (the model every process caches). */
export function readLearned(db: Db): { decisions: Record<Route, number>; features: Map<string, Record<Route, number>> } {
  const decisions: Record<Route, number> = { service: 0, spotlight: 0, ignore: 0 };
  for (const row of prepared<[], { route: Route; decisions: number }>(db, 'SELECT route, decisions FROM learned_totals').all()) decisions[row.route] = row.decisions;
  const features = new Map<string, Record<Route, number>>();
  for (const row of prepared<[], { feature: string; route: Route; count: number }>(db, 'SELECT feature, route, count FROM learned_features').iterate()) {
    let counts = features.get(row.feature);
    if (!counts) {
      counts = { service: 0, spotlight: 0, ignore: 0 };
      features.set(row.feature, counts);
    }
    counts[row.route] = row.count;
  }
  return { decisions, features };
}

/** The next comments whose lane changed (in no particular order: each is learned as it is now, whatever happened between). */
export function queuedForLearning(db: Db, most: number): number[] {
  return prepared<[number], { item_id: number }>(db, 'SELECT item_id FROM learn_queue LIMIT ?')
    .all(most)
    .map((row) => row.item_id);
}

export function queuedCount(db: Db): number {
  return prepared<[], { n: number }>(db, 'SELECT COUNT(*) AS n FROM learn_queue').get()?.n ?? 0;
}

export function dequeue(db: Db, ids: readonly number[]): void {
  prepared<[string]>(db, 'DELETE FROM learn_queue WHERE item_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
}

/** Each of these comments' current lane, and the lane and features it was learned as, if it was. */
export function learningState(db: Db, ids: readonly number[]): { id: number; route: Route | null; exists: boolean; learnedRoute: Route | null; learnedFeatures: string | null }[] {
  return prepared<[string], { id: number; route: Route | null; exists: number; learned_route: Route | null; learned_features: string | null }>(
    db,
    `SELECT q.value AS id, i.route, i.id IS NOT NULL AS "exists", l.route AS learned_route, l.features AS learned_features
       FROM json_each(?) q LEFT JOIN items i ON i.id = q.value LEFT JOIN learned_items l ON l.item_id = q.value`,
  )
    .all(JSON.stringify(ids))
    .map((row) => ({ id: row.id, route: row.route, exists: row.exists === 1, learnedRoute: row.learned_route, learnedFeatures: row.learned_features }));
}

/** Sets a feature's count in a lane as the model now holds it; 0 deletes the row, so forgetting leaves no trace. */
export function setFeatureCount(db: Db, feature: string, route: Route, count: number): void {
  if (count > 0) prepared<[string, Route, number]>(db, 'INSERT INTO learned_features (feature, route, count) VALUES (?, ?, ?) ON CONFLICT (feature, route) DO UPDATE SET count = excluded.count').run(feature, route, count);
  else prepared<[string, Route]>(db, 'DELETE FROM learned_features WHERE feature = ? AND route = ?').run(feature, route);
}

/** Sets how many comments were learned as a lane; 0 deletes the row. */
export function setDecisions(db: Db, route: Route, decisions: number): void {
  if (decisions > 0) prepared<[Route, number]>(db, 'INSERT INTO learned_totals (route, decisions) VALUES (?, ?) ON CONFLICT (route) DO UPDATE SET decisions = excluded.decisions').run(route, decisions);
  else prepared<[Route]>(db, 'DELETE FROM learned_totals WHERE route = ?').run(route);
}

export function rememberLearned(db: Db, id: number, route: Route, features: readonly string[]): void {
  prepared<[number, Route, string]>(db, 'INSERT OR REPLACE INTO learned_items (item_id, route, features) VALUES (?, ?, ?)').run(id, route, JSON.stringify(features));
}

export function forgetLearned(db: Db, id: number): void {
  prepared<[number]>(db, 'DELETE FROM learned_items WHERE item_id = ?').run(id);
}

/** Forgets everything learned (Settings → Reset learning): counts, learned comments and the queue. */
export function clearLearned(db: Db): void {
  db.exec('DELETE FROM learned_features; DELETE FROM learned_totals; DELETE FROM learned_items; DELETE FROM learn_queue;');
}

/** Comments learned per lane. */
export function learnedTotals(db: Db): Record<Route, number> {
  const totals: Record<Route, number> = { service: 0, spotlight: 0, ignore: 0 };
  for (const row of prepared<[], { route: Route; decisions: number }>(db, 'SELECT route, decisions FROM learned_totals').all()) totals[row.route] = row.decisions;
  return totals;
}

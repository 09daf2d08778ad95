// The model suggestions are scored with, cached per connection: the learned counts and the
// moderator's rules, loaded once and again only when the model's version in the database moved
// (learning here or in another process, a reset, a rule saved). Checking is one small read.
import type { Db } from '../../../db/connection';
import { readLearned } from '../../../db/tables/learned';
import { modelState } from '../../../db/tables/suggestions';
import type { LearnedCounts } from './engine';
import { loadActiveRules, type ActiveRules } from './rules/for-ingest';

export interface Model {
  /** What the suggestions it scores are stored as scored with (db/tables/suggestions.ts: the learned counts' version and the rules' together). */
  version: number;
  /** The learned counts' own version: they are read again only when it moved. */
  learnedVersion: number;
  learned: LearnedCounts;
  rules: ActiveRules;
}

const models = new WeakMap<Db, Model>();

/** The model at the database's current version. */
export function currentModel(db: Db): Model {
  const state = modelState(db);
  let model = models.get(db);
  if (!model || model.learnedVersion !== state.learnedVersion) {
    model = { version: state.version, learnedVersion: state.learnedVersion, learned: readLearned(db), rules: loadActiveRules(db) };
    models.set(db, model);
  }
  // The rules feature keeps its rules compiled until they change (one small read).
  model.rules = loadActiveRules(db);
  model.version = state.version;
  return model;
}

/**
 * The learner changed the counts in memory as it wrote them, and raised their version from `from`
 * to `to`: the cache stays, at the new version, without reading every count again. Had anything
 * else moved the version meanwhile, the cache is dropped and read afresh next time.
 */
export function advanceModel(db: Db, model: Model, from: number, to: number): void {
  if (to !== from + 1) return void models.delete(db);
  model.learnedVersion = to;
  model.version += 1;
}

export function forgetModel(db: Db): void {
  models.delete(db);
}

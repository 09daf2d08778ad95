// A moderator's regular expression, run with a time limit. JavaScript's RegExp backtracks, so a
// pattern like `^(a+)+$` takes longer than the universe's age on 40 characters; nothing in the
// language stops a running match, but Node's vm module does: code run with a `timeout` is
// interrupted by a watchdog, a RegExp's native match included. The watchdog is a thread started
// per run (about 50 µs), so many comments are tested in one run that records how far it got; when
// it is stopped, the comment it stood on is tried again alone, and only a comment that takes too
// long on its own counts as stopped. Measured on the 2-core machine (`npm run bench:rules`): about
// 1.2 µs per comment tested in runs of 500, 43 µs for a single comment: so a batch of comments
// (a fetch's new ones, a re-scoring chunk) is best tested at once first (remember()).
//
// Why not a linear-time engine (re2js)? It never needs stopping, but it is about 4 µs a comment,
// knows no lookbehind or backreferences, and the rule's pattern is written in JavaScript's syntax
// (common/contract/rules.ts), which the editor checks with the same RegExp this runs.
import vm from 'node:vm';
import { PATTERN_FLAGS, PATTERN_GIVE_UP_AFTER, PATTERN_TIME_LIMIT_MS } from '../../../../common/contract/rules';

/** Whether a comment matched, or the pattern was stopped on it. */
export type PatternResult = boolean | 'timed-out';

// One context for every pattern of this thread: runs are one at a time, each setting what it reads.
const sandbox = vm.createContext({ re: /$^/, texts: [] as readonly string[], hits: new Uint8Array(0), i: 0 });
const run = new vm.Script('for (; i < texts.length; i++) hits[i] = re.test(texts[i]) ? 1 : 0;');

function timedOut(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

export class TimedPattern {
  private readonly re: RegExp;
  /** Comments this pattern was stopped on so far. */
  stops = 0;

  /** `source` must compile (the contract refuses one that does not). */
  constructor(readonly source: string) {
    this.re = new RegExp(source, PATTERN_FLAGS);
  }

  private get givenUp(): boolean {
    return this.stops >= PATTERN_GIVE_UP_AFTER;
  }

  /** Runs texts[from..] until done or stopped; returns where it stood when stopped, or null when it finished. */
  private runFrom(texts: readonly string[], hits: Uint8Array, from: number): number | null {
    Object.assign(sandbox, { re: this.re, texts, hits, i: from });
    try {
      run.runInContext(sandbox, { timeout: PATTERN_TIME_LIMIT_MS });
      return null;
    } catch (error) {
      if (!timedOut(error)) throw error;
      return sandbox.i as number;
    } finally {
      Object.assign(sandbox, { texts: [], hits: new Uint8Array(0) });
    }
  }

  // The results of the latest batch remembered (remember()), by text: a batch's comments are then
  // tested one by one (votes, then action) without a run each.
  private remembered = new Map<string, PatternResult>();

  /** One comment: what remember() found for its text, else a run of its own. */
  test(text: string): PatternResult {
    return this.remembered.get(text) ?? this.testMany([text])[0]!;
  }

  /** Tests a batch at once and keeps its results (only this batch's) for test(). */
  remember(texts: readonly string[]): void {
    const results = this.testMany(texts);
    this.remembered = new Map(texts.map((text, index) => [text, results[index]!]));
  }

  /** Many comments in as few runs as the limit allows (each comment still has the whole limit to itself). */
  testMany(texts: readonly string[]): PatternResult[] {
    const results: PatternResult[] = new Array<PatternResult>(texts.length);
    const hits = new Uint8Array(texts.length);
    let from = 0;
    while (from < texts.length) {
      if (this.givenUp) {
        results.fill('timed-out', from);
        break;
      }
      const stuck = this.runFrom(texts, hits, from);
      const upTo = stuck ?? texts.length;
      for (let index = from; index < upTo; index++) results[index] = hits[index] === 1;
      if (stuck === null) break;
      // Stopped on texts[stuck]: maybe only because the ones before used the time. Alone, it has all of it.
      const alone = new Uint8Array(1);
      if (this.runFrom([texts[stuck]!], alone, 0) === null) results[stuck] = alone[0] === 1;
      else {
        this.stops += 1;
        results[stuck] = 'timed-out';
      }
      from = stuck + 1;
    }
    return results;
  }
}

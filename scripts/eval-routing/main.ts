// `npm run eval:routing [-- FOLDER_OR_FILE... --strict]`: how well the routing engine suggests
// lanes on the labelled evaluation set (eval/routing/*.json), with the built-in signals alone and
// after learning from the moderator's decisions, against the issue's goals. Prints a report;
// exits non-zero when a goal fails only with --strict.
import { DEFAULT_THRESHOLD } from '../../main/features/suggestions/engine';
import type { Route } from '../../common/types';
import { loadExamples, EvalSetError, BLOG_SOURCES, SOURCES, type Example } from './dataset';
import { LANES, accuracy, bootstrapMacroF1, confusion, coverageAt, macroF1, perLane, type Scored } from './metrics';
import { randomHalves, olderNewer, partition } from './splits';
import { learnFrom, score } from './score';
import { microsecondsPerComment, loadAverage, PASSES } from './speed';

const SEEDS = [1, 2, 3, 4, 5];
/** More random halves beside the goal's five: a weight chosen while watching five seeds can flatter them; a change should help here too. */
const CHECK_SEEDS = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
const CURVE = [25, 50, 100, 200];
const THRESHOLDS = [...new Set([0.4, 0.5, 0.6, 0.7, DEFAULT_THRESHOLD, 0.8, 0.9])].sort((x, y) => x - y);
const GOALS = { builtInF1: 0.8, learnedF1: 0.88, coverage: 0.7, coveredAccuracy: 0.92 };

const pct = (x: number): string => (Number.isNaN(x) ? '  -  ' : `${(x * 100).toFixed(1)}%`);
const num = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
const pad = (text: string | number, width: number): string => String(text).padStart(width);
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const out = (line = ''): void => void process.stdout.write(`${line}\n`);

function summary(label: string, scored: readonly Scored[], extra = ''): void {
  const m = confusion(scored);
  const ci = bootstrapMacroF1(scored);
  out(`  ${label}: accuracy ${pct(accuracy(m))}, macro-F1 ${num(macroF1(m))} (95% interval ${num(ci.low)} to ${num(ci.high)})${extra}`);
}

function details(scored: readonly Scored[]): void {
  const m = confusion(scored);
  const lanes = perLane(m);
  out(`    ${'lane'.padEnd(10)} ${pad('precision', 9)} ${pad('recall', 7)} ${pad('F1', 6)}   confusion (rows: label, columns: top lane)`);
  out(`    ${''.padEnd(10)} ${''.padEnd(9)} ${''.padEnd(7)} ${''.padEnd(6)}   ${LANES.map((l) => pad(l, 10)).join('')}`);
  LANES.forEach((lane, i) => {
    const { precision, recall, f1 } = lanes[i]!;
    out(`    ${lane.padEnd(10)} ${pad(pct(precision), 9)} ${pad(pct(recall), 7)} ${pad(num(f1), 6)}   ${m[i]!.map((n) => pad(n, 10)).join('')}`);
  });
  out(`    coverage against accuracy by confidence threshold:`);
  out(`    ${'threshold'.padEnd(12)}${THRESHOLDS.map((t) => pad(t === DEFAULT_THRESHOLD ? `${t} (default)` : t, 15)).join('')}`);
  const rows = THRESHOLDS.map((t) => coverageAt(scored, t));
  out(`    ${'coverage'.padEnd(12)}${rows.map((r) => pad(pct(r.coverage), 15)).join('')}`);
  out(`    ${'accuracy'.padEnd(12)}${rows.map((r) => pad(pct(r.accuracy), 15)).join('')}`);
}

function majorityBaseline(train: readonly Example[], test: readonly Example[]): Scored[] {
  const counts: Record<Route, number> = { service: 0, spotlight: 0, ignore: 0 };
  for (const e of train) counts[e.label]++;
  const majority = LANES.reduce((best, lane) => (counts[lane] > counts[best] ? lane : best));
  return test.map((e) => ({ truth: e.label, top: majority, confidence: 1 }));
}

function describeSet(files: readonly string[], examples: readonly Example[]): void {
  const by = (key: (e: Example) => string): string => {
    const counts = new Map<string, number>();
    for (const e of examples) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
    return [...counts].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  };
  out(`Routing evaluation: ${examples.length} labelled comments in ${new Set(examples.map((e) => e.key.split(':').slice(0, 2).join(':'))).size} threads (${files.join(', ')})`);
  out(`  labels: ${by((e) => e.label)}`);
  out(`  sources: ${by((e) => e.source)}`);
  out(`  languages: ${by((e) => e.lang)}`);
  out(`  F1 and accuracy are on the forced choice: the lane with the most evidence, even below the threshold.`);
  out(`  Coverage: the share of comments whose confidence reaches the threshold (they get a suggestion); accuracy beside it is on those.`);
  out(`  Default threshold: ${DEFAULT_THRESHOLD}. Each comment is scored with up to 5 earlier comments of its thread.`);
}

interface GoalLine {
  pass: boolean;
  text: string;
}

function main(argv: readonly string[]): number {
  const strict = argv.includes('--strict');
  const targets = argv.filter((a) => !a.startsWith('--'));
  const { files, examples } = loadExamples(targets.length > 0 ? targets : ['eval/routing']);
  describeSet(files, examples);
  const goals: GoalLine[] = [];

  out();
  out('Baselines (whole set)');
  summary('always the majority lane', majorityBaseline(examples, examples));
  const builtIn = score(examples);
  summary('built-in signals alone', builtIn);

  out();
  out('Built-in signals alone (whole set, nothing learned)');
  summary('built-in', builtIn);
  details(builtIn);
  const builtInF1 = macroF1(confusion(builtIn));
  const builtInAtDefault = coverageAt(builtIn, DEFAULT_THRESHOLD);

  out();
  out(`After learning from a random half, tested on the other half (seeds ${SEEDS.join(', ')}; figures pooled over the ${SEEDS.length} test halves, F1 also averaged)`);
  const pooledLearned: Scored[] = [];
  const pooledBuiltIn: Scored[] = [];
  const pooledMajority: Scored[] = [];
  const f1s: number[] = [];
  for (const seed of SEEDS) {
    const { train, test } = randomHalves(examples, seed);
    const learned = score(test, learnFrom(train));
    f1s.push(macroF1(confusion(learned)));
    pooledLearned.push(...learned);
    pooledBuiltIn.push(...score(test));
    pooledMajority.push(...majorityBaseline(train, test));
  }
  const learnedF1 = mean(f1s);
  summary('majority lane of the learned half', pooledMajority);
  summary('built-in alone on the same halves', pooledBuiltIn);
  summary('after learning', pooledLearned, `; macro-F1 per seed ${f1s.map(num).join(' ')}, mean ${num(learnedF1)}`);
  const checkF1s = CHECK_SEEDS.map((seed) => {
    const { train, test } = randomHalves(examples, seed);
    return macroF1(confusion(score(test, learnFrom(train))));
  });
  out(`  check on seeds ${CHECK_SEEDS[0]} to ${CHECK_SEEDS.at(-1)} (not a goal): macro-F1 after learning, mean ${num(mean(checkF1s))} (lowest ${num(Math.min(...checkF1s))}, highest ${num(Math.max(...checkF1s))})`);
  details(pooledLearned);
  const learnedAtDefault = coverageAt(pooledLearned, DEFAULT_THRESHOLD);

  out();
  const { train: older, test: newer } = olderNewer(examples);
  out(`After learning from the older half (${older.length} comments up to ${older.at(-1)?.publishedAt.slice(0, 10)}), tested on the newer half (${newer.length})`);
  summary('built-in alone on the newer half', score(newer));
  const newerLearned = score(newer, learnFrom(older));
  summary('after learning', newerLearned);
  details(newerLearned);

  out();
  out(`Learning curve: the first k decisions of a random half, tested on the other half (mean of ${SEEDS.length} seeds)`);
  out(`    ${'decisions'.padEnd(10)} ${pad('macro-F1', 9)} ${pad('accuracy', 9)} ${pad(`coverage@${DEFAULT_THRESHOLD}`, 13)} ${pad('its accuracy', 13)}`);
  for (const k of [0, ...CURVE]) {
    const rows = SEEDS.map((seed) => {
      const { train, test } = randomHalves(examples, seed);
      if (k > train.length) return null;
      const scored = score(test, k === 0 ? null : learnFrom(train.slice(0, k)));
      const m = confusion(scored);
      return { f1: macroF1(m), acc: accuracy(m), ...coverageAt(scored, DEFAULT_THRESHOLD) };
    });
    if (rows.includes(null)) {
      out(`    ${String(k).padEnd(10)} (the learned half has fewer than ${k} comments)`);
      continue;
    }
    const ok = rows as NonNullable<(typeof rows)[number]>[];
    out(
      `    ${String(k).padEnd(10)} ${pad(num(mean(ok.map((r) => r.f1))), 9)} ${pad(pct(mean(ok.map((r) => r.acc))), 9)} ${pad(pct(mean(ok.map((r) => r.coverage))), 13)} ${pad(pct(mean(ok.map((r) => r.accuracy))), 13)}`,
    );
  }

  out();
  out('Across sources: built-in signals alone, per source');
  out(`    ${'source'.padEnd(11)} ${pad('comments', 8)} ${pad('accuracy', 9)} ${pad('macro-F1', 9)} ${pad(`coverage@${DEFAULT_THRESHOLD}`, 13)} ${pad('its accuracy', 13)}`);
  for (const source of SOURCES) {
    const scored = score(examples.filter((e) => e.source === source));
    if (scored.length === 0) continue;
    const m = confusion(scored);
    const at = coverageAt(scored, DEFAULT_THRESHOLD);
    out(`    ${source.padEnd(11)} ${pad(scored.length, 8)} ${pad(pct(accuracy(m)), 9)} ${pad(num(macroF1(m)), 9)} ${pad(pct(at.coverage), 13)} ${pad(pct(at.accuracy), 13)}`);
  }
  const { train: blogs, test: forums } = partition(examples, (e) => BLOG_SOURCES.includes(e.source));
  out(`  Learning from the blog comments (${BLOG_SOURCES.join(', ')}: ${blogs.length}), tested on the forum, Reddit and Hacker News comments (${forums.length})`);
  if (blogs.length === 0 || forums.length === 0) out('    (the set needs both blog and forum comments for this)');
  else {
    summary('  built-in alone', score(forums));
    const across = score(forums, learnFrom(blogs));
    summary('  after learning from blogs', across, `; coverage@${DEFAULT_THRESHOLD} ${pct(coverageAt(across, DEFAULT_THRESHOLD).coverage)} at accuracy ${pct(coverageAt(across, DEFAULT_THRESHOLD).accuracy)}`);
  }

  out();
  const fast = microsecondsPerComment(examples, null);
  const learnedAll = learnFrom(examples);
  const fastLearned = microsecondsPerComment(examples, learnedAll);
  out(`Speed: suggest() per comment over the whole set (each comment's fastest of ${PASSES} timings; ${loadAverage()})`);
  out(`  built-in signals alone: median ${fast.median.toFixed(1)} µs, p95 ${fast.p95.toFixed(1)} µs`);
  out(`  with ${examples.length} decisions learned (${learnedAll.features.size} features): median ${fastLearned.median.toFixed(1)} µs, p95 ${fastLearned.p95.toFixed(1)} µs`);

  out();
  out('Goals');
  goals.push({ pass: builtInF1 >= GOALS.builtInF1, text: `macro-F1 with the built-in signals alone >= ${GOALS.builtInF1}: ${num(builtInF1)}` });
  goals.push({ pass: learnedF1 >= GOALS.learnedF1, text: `macro-F1 after learning from half the set >= ${GOALS.learnedF1}: ${num(learnedF1)} (mean of ${SEEDS.length} seeds)` });
  goals.push({
    pass: learnedAtDefault.coverage >= GOALS.coverage && learnedAtDefault.accuracy >= GOALS.coveredAccuracy,
    text: `at the default threshold ${DEFAULT_THRESHOLD}, after learning from half: coverage >= ${pct(GOALS.coverage)} with accuracy >= ${pct(GOALS.coveredAccuracy)}: coverage ${pct(learnedAtDefault.coverage)}, accuracy ${pct(learnedAtDefault.accuracy)} (built-in alone: coverage ${pct(builtInAtDefault.coverage)}, accuracy ${pct(builtInAtDefault.accuracy)})`,
  });
  for (const goal of goals) out(`  ${goal.pass ? 'PASS' : 'FAIL'}  ${goal.text}`);
  const failed = goals.filter((g) => !g.pass).length;
  out(`${goals.length - failed} of ${goals.length} goals met.`);
  return strict && failed > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof EvalSetError)) throw error;
  process.stderr.write(`eval:routing: ${error.message}\n`);
  process.exitCode = 1;
}

// The layer rules (.dependency-cruiser.cjs) fail the build on the imports they exist to stop.
// Each fixture under test/fixtures/layers/ is a tiny tree with one wrong-way import; `npm test`
// runs the same rules over the real tree (scripts/test.cjs).
import path from 'node:path';
import { createRequire } from 'node:module';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '..', '..');
const config = require(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration;

async function violationsIn(fixture: string): Promise<{ rule: string; from: string; to: string }[]> {
  const result = await cruise(['.'], { ruleSet: { forbidden: config.forbidden }, doNotFollow: { path: 'node_modules' }, validate: true, baseDir: path.join(root, 'test', 'fixtures', 'layers', fixture) });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((violation) => ({ rule: violation.rule.name, from: violation.from, to: violation.to }));
}

describe('layer rules', () => {
  it('refuse a feature importing another feature’s internals, naming the rule', async () => {
    expect(await violationsIn('feature-reaches-into-another')).toEqual([
      { rule: 'feature-imports-no-other-feature', from: 'main/features/queue/queries.ts', to: 'main/features/spotlight/milestones.ts' },
    ]);
  });

  it('refuse an import circle', async () => {
    const [violation, ...others] = await violationsIn('circle');
    expect(others).toEqual([]);
    expect(violation?.rule).toBe('no-circular');
    expect([violation?.from, violation?.to].sort()).toEqual(['main/features/feeds/refresh.ts', 'main/features/feeds/scheduler.ts']);
  });

  it('refuse the renderer importing main', async () => {
    expect(await violationsIn('renderer-imports-main')).toEqual([{ rule: 'renderer-imports-only-common', from: 'renderer/List.ts', to: 'main/features/queue/queries.ts' }]);
  });

  it('refuse a Node module in common/', async () => {
    expect((await violationsIn('common-imports-node')).map((violation) => violation.rule)).toContain('common-has-no-node');
  });

  it('refuse Node modules and Node-side packages in the renderer', async () => {
    expect((await violationsIn('renderer-imports-node')).map((violation) => violation.rule).sort()).toEqual(['renderer-and-preload-have-no-node', 'renderer-uses-only-browser-packages']);
  });

  it('accept imports that go down the layers', async () => {
    expect(await violationsIn('clean')).toEqual([]);
  });
});

// `npm run eval:routing` end to end, on the development threads of test/fixtures/routing and on a broken file.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/eval-routing/run.mjs', ...args], { encoding: 'utf8' });

describe('eval:routing', () => {
  it('prints every section and the goals for a set', () => {
    const { stdout, stderr, status } = run('test/fixtures/routing');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    for (const heading of [
      'Baselines (whole set)',
      'Built-in signals alone (whole set, nothing learned)',
      'After learning from a random half',
      'After learning from the older half',
      'Learning curve',
      'Across sources: built-in signals alone, per source',
      'Speed: suggest() per comment',
      'Goals',
    ]) {
      expect(stdout).toContain(heading);
    }
    expect(stdout).toMatch(/^ {2}(PASS|FAIL) {2}macro-F1 with the built-in signals alone >= 0\.8: \d\.\d{3}$/m);
    expect(stdout).toContain('F1 and accuracy are on the forced choice');
    expect(stdout).toMatch(/^ {2}check on seeds 6 to 20 \(not a goal\): macro-F1 after learning, mean \d\.\d{3} \(lowest \d\.\d{3}, highest \d\.\d{3}\)$/m);
  });

  it('says what is wrong with a broken file, and exits 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-routing-'));
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ threads: [{ id: 't', source: 'myspace' }] }));
    const { stdout, stderr, status } = run(dir);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^eval:routing: .*broken\.json does not follow the evaluation set's format:\n {2}threads\[0\]\.source: /);
  });

  it('with --strict, exits 1 when a goal fails', () => {
    // One thread of two comments: nothing to learn from, so the learned goals cannot pass.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-routing-'));
    const comment = (id: string, text: string, label: string) => ({ id, author: id, publishedAt: '2026-01-01T00:00:00Z', lang: 'en', text, label });
    fs.writeFileSync(
      path.join(dir, 'tiny.json'),
      JSON.stringify({ threads: [{ id: 't', source: 'reddit', site: 'r', title: 'x', situation: 'other', comments: [comment('a', 'The new logo is blue.', 'service'), comment('b', 'ok', 'spotlight')] }] }),
    );
    expect(run(dir).status).toBe(0);
    const strict = run(dir, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/FAIL/);
  });
});

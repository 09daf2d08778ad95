// The evaluation set's format: a broken file is refused with where and what is wrong.
import { describe, expect, it } from 'vitest';
import { parseEvalFile, examplesOf } from '../../../scripts/eval-routing/dataset';

const good = {
  threads: [
    {
      id: 't1',
      source: 'discourse',
      site: 'forum.example.org',
      title: 'Export stopped working',
      situation: 'how-to',
      comments: [
        { id: 'c2', author: 'Bo', publishedAt: '2026-03-01T10:05:00Z', lang: 'en', text: 'Clear the cache, then export again.', label: 'spotlight' },
        { id: 'c1', author: 'Al', publishedAt: '2026-03-01T10:00:00Z', lang: 'en', text: 'Export fails with an error?', label: 'service' },
      ],
    },
  ],
};

describe('evaluation set format', () => {
  it('reads a good file into comments with their thread’s earlier comments, by time', () => {
    const examples = examplesOf('good.json', parseEvalFile('good.json', JSON.stringify(good)));
    expect(examples.map((e) => e.key)).toEqual(['good.json:t1:c1', 'good.json:t1:c2']);
    expect(examples[1]!.comment.earlier).toEqual([{ author: 'Al', text: 'Export fails with an error?' }]);
    expect(examples[1]!.comment.threadTitle).toBe('Export stopped working');
  });

  it('names the place and the problem in a broken file', () => {
    const broken = structuredClone(good);
    (broken.threads[0]!.comments[1] as { label: string }).label = 'support';
    expect(() => parseEvalFile('broken.json', JSON.stringify(broken))).toThrow(/broken\.json does not follow the evaluation set's format:\n {2}threads\[0\]\.comments\[1\]\.label: /);
  });

  it('refuses a file that is not JSON, and two comments with one id', () => {
    expect(() => parseEvalFile('bad.json', '{"threads": [')).toThrow(/bad\.json is not valid JSON/);
    const twice = structuredClone(good);
    twice.threads[0]!.comments[1]!.id = 'c2';
    expect(() => parseEvalFile('twice.json', JSON.stringify(twice))).toThrow(/thread t1 has two comments with the id c2/);
  });
});

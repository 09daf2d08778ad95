// What the moderator's routing rules cost: per comment at ingest (one comment at a time, as the
// storing step asks), and a preview of an Inbox of 50,000 comments (the scan apply also runs),
// for words, a pattern (run under its time limit), and a catastrophic pattern stopped by it.
// Prints figures, asserts nothing. `npm run bench:rules` (INBOX=n to change the Inbox's size).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { openDatabase } from '../db/connection';
import { ruleDraft, type RuleDraft } from '../common/contract/rules';
import { CompiledRule } from '../main/features/suggestions/rules/compile';
import { loadActiveRules, type RuleSubject } from '../main/features/suggestions/rules/for-ingest';
import { saveRule } from '../db/tables/routing-rules';
import { previewRule } from '../main/features/suggestions/rules/scan';

const INBOX = Number(process.env.INBOX ?? 50_000);
const SAYINGS = [
  'The dashboard shows a 502 again after the deploy, when will it be back? I pay for this.',
  'Try clearing the cache and restarting the worker, that worked for me yesterday: https://docs.example/guide',
  'Thanks everyone for the meetup last night, slides are up for anyone who missed it 🎉',
  'BUY CHEAP FOLLOWERS http://spam.example',
  'I asked for a refund three days ago and nobody answers. Order 1142.',
  'Has anyone got the export to work with the new API? Mine stops after 200 rows.',
];

function subjects(count: number): RuleSubject[] {
  return Array.from({ length: count }, (_, n) => ({ text: `${SAYINGS[n % SAYINGS.length]} (#${n})`, author: `Member ${n % 500}`, feedId: 1 + (n % 7), threadTitle: `Post number ${n % 300}` }));
}

const rule = (when: RuleDraft['when'], then: RuleDraft['then'] = { kind: 'route', route: 'service' }) => ruleDraft.parse({ name: 'Bench', when, then });

/** Microseconds per call of `run` over `items`, the best of 5 passes. */
function perItem<T>(items: readonly T[], run: (item: T) => unknown): number {
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const started = performance.now();
    for (const item of items) run(item);
    best = Math.min(best, ((performance.now() - started) * 1000) / items.length);
  }
  return best;
}

it('prints what rules cost per comment and per Inbox preview', () => {
  const sample = subjects(5_000);
  const lines: string[] = ['rules per comment at ingest (µs, best of 5 passes over 5,000 comments of 100 characters):'];
  const cases: [string, RuleDraft['when']][] = [
    ['words (3 words and a phrase)', { words: ['refund', 'chargeback', 'money back', 'nobody answers'] }],
    ['author and feed', { author: 'member 7', feedId: 3 }],
    ['link or emoji only', { linkOrEmojiOnly: true }],
    ['pattern, alone (one vm run per comment)', { pattern: 'order #?\\d{4}' }],
    ['pattern after words that rarely match', { words: ['chargeback'], pattern: 'order #?\\d{4}' }],
  ];
  for (const [name, when] of cases) {
    const compiled = new CompiledRule(rule(when));
    lines.push(`  ${name.padEnd(44)} ${perItem(sample, (subject) => compiled.matches(subject)).toFixed(2)}`);
  }
  const batched = new CompiledRule(rule({ pattern: 'order #?\\d{4}' }));
  lines.push(`  ${'pattern, 500 comments per vm run (preview)'.padEnd(44)} ${(perItem([sample], (all) => { for (let at = 0; at < all.length; at += 500) batched.matchMany(all.slice(at, at + 500)); }) / sample.length).toFixed(2)}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-rules-bench-'));
  const db = openDatabase(path.join(dir, 'rules.db'));
  saveRule(db, rule({ words: ['refund', 'nobody answers'] }, { kind: 'suggest', route: 'service', weight: 3 }), 0);
  saveRule(db, rule({ linkOrEmojiOnly: true, maxLength: 80 }, { kind: 'route', route: 'ignore' }), 0);
  saveRule(db, rule({ author: 'Member 7' }, { kind: 'suggest', route: 'spotlight', weight: 2 }), 0);
  saveRule(db, rule({ words: ['worked for me', 'try'], hasLink: true }, { kind: 'suggest', route: 'spotlight', weight: 3 }), 0);
  saveRule(db, rule({ thread: 'outage', words: ['when will'] }, { kind: 'snooze', hours: 4 }), 0);
  const active = loadActiveRules(db);
  lines.push(`  ${'5 rules without a pattern: votes + action'.padEnd(44)} ${perItem(sample, (subject) => (active.votes(subject), active.action(subject))).toFixed(2)}`);
  saveRule(db, rule({ pattern: 'order #?\\d{4}' }, { kind: 'suggest', route: 'service', weight: 3 }), 0);
  const withPattern = loadActiveRules(db);
  const both = (subject: RuleSubject) => (withPattern.votes(subject), withPattern.action(subject));
  lines.push(`  ${'6 rules, one a pattern: votes + action'.padEnd(44)} ${perItem(sample, both).toFixed(2)}`);
  const batches = Array.from({ length: sample.length / 500 }, (_, n) => sample.slice(n * 500, n * 500 + 500));
  const prepared = perItem(batches, (batch) => {
    withPattern.prepare!(batch);
    batch.forEach(both);
  });
  lines.push(`  ${'the same, prepare()d 500 at a time'.padEnd(44)} ${(prepared / 500).toFixed(2)}`);

  // An Inbox to preview on: the same comments, INBOX of them.
  const feed = Number(db.prepare("INSERT INTO feeds (url, site, title, created_at) VALUES ('https://blog.example/comments/feed/', 'blog.example', 'Blog', 0)").run().lastInsertRowid);
  const insert = db.prepare('INSERT INTO items (feed_id, guid, author, published_at, content_html, content_text, fetched_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)');
  db.transaction(() => subjects(INBOX).forEach((subject, n) => insert.run(feed, `g${n}`, subject.author, n, `<p>${subject.text}</p>`, subject.text)))();
  lines.push(`preview of an Inbox of ${INBOX.toLocaleString('en')} comments (ms, the scan applying it runs too):`);
  for (const [name, when] of [
    ['words', { words: ['refund', 'nobody answers'] }],
    ['pattern', { pattern: 'order #?\\d{4}' }],
    ['catastrophic pattern (a+)+$ on 12 comments that stop it', { pattern: '(a+)+$' }],
  ] as [string, RuleDraft['when']][]) {
    if (name.startsWith('catastrophic')) db.transaction(() => { for (let n = 0; n < 12; n++) insert.run(feed, `stuck${n}`, 'Spammer', INBOX + n, '<p>a</p>', `${'a'.repeat(33)}!`); })();
    const started = performance.now();
    const preview = previewRule(db, rule(when));
    lines.push(`  ${name.padEnd(56)} ${(performance.now() - started).toFixed(0).padStart(6)} ms  (${preview.count} matched, ${preview.timedOut} stopped)`);
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(lines.join('\n'));
});

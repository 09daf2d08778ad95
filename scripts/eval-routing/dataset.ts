// The labelled evaluation set (eval/routing/*.json): its format, checked with zod so a broken file
// is named with what is wrong and where, and flattened into comments scored with their thread.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Route } from '../../common/types';
import type { CommentToScore } from '../../main/features/suggestions/engine';

export const SOURCES = ['wordpress', 'typepad', 'discourse', 'reddit', 'hackernews'] as const;
export type Source = (typeof SOURCES)[number];
/** Blogs: what a moderator has before adding forums (the across-sources check learns here). */
export const BLOG_SOURCES: readonly Source[] = ['wordpress', 'typepad'];

const nonEmpty = z.string().trim().min(1);
const commentSchema = z.strictObject({
  id: nonEmpty,
  author: nonEmpty,
  publishedAt: z.iso.datetime({ offset: true }),
  lang: z.string().regex(/^[a-z]{2}$/, 'a two-letter ISO 639-1 code like "en"'),
  text: nonEmpty,
  label: z.enum(['service', 'spotlight', 'ignore']),
  note: z.string().optional(),
});
const threadSchema = z.strictObject({
  id: nonEmpty,
  source: z.enum(SOURCES),
  site: nonEmpty,
  title: z.string(),
  situation: z.enum(['outage', 'launch', 'pricing', 'how-to', 'meetup', 'spam-wave', 'policy', 'other']),
  comments: z.array(commentSchema).min(1),
});
export const evalFileSchema = z.strictObject({ threads: z.array(threadSchema).min(1) });
export type EvalFile = z.infer<typeof evalFileSchema>;

/** One labelled comment, as the engine reads it at ingest: with the comments before it in its thread. */
export interface Example {
  /** file:thread:comment, unique across the set. */
  key: string;
  source: Source;
  situation: string;
  lang: string;
  publishedAt: string;
  label: Route;
  comment: CommentToScore;
}

/** How many earlier comments of the thread go with a comment: the storage helper's thread lookup gives as many. */
export const EARLIER_GIVEN = 5;

export class EvalSetError extends Error {}

function where(issuePath: readonly PropertyKey[]): string {
  return issuePath.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') || 'the top level';
}

/** Reads and checks one file; a broken one throws an EvalSetError naming the file, the place and the problem. */
export function parseEvalFile(name: string, body: string): EvalFile {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new EvalSetError(`${name} is not valid JSON (${(error as Error).message}); fix the file or move it out of the folder.`);
  }
  const parsed = evalFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `  ${where(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? [`  and ${parsed.error.issues.length - 5} more problems`] : [];
    throw new EvalSetError([`${name} does not follow the evaluation set's format:`, ...problems, ...more].join('\n'));
  }
  for (const thread of parsed.data.threads) {
    const seen = new Set<string>();
    for (const comment of thread.comments) {
      if (seen.has(comment.id)) throw new EvalSetError(`${name}: thread ${thread.id} has two comments with the id ${comment.id}; give each its own id.`);
      seen.add(comment.id);
    }
  }
  return parsed.data;
}

/** Flattens a file's threads into examples, each comment with its thread's earlier comments (by time). */
export function examplesOf(name: string, file: EvalFile): Example[] {
  const out: Example[] = [];
  for (const thread of file.threads) {
    const ordered = [...thread.comments].sort((x, y) => Date.parse(x.publishedAt) - Date.parse(y.publishedAt));
    ordered.forEach((c, i) => {
      const earlier = ordered.slice(Math.max(0, i - EARLIER_GIVEN), i).map((e) => ({ author: e.author, text: e.text }));
      out.push({
        key: `${name}:${thread.id}:${c.id}`,
        source: thread.source,
        situation: thread.situation,
        lang: c.lang,
        publishedAt: c.publishedAt,
        label: c.label,
        comment: { text: c.text, author: c.author, threadTitle: thread.title, earlier },
      });
    });
  }
  return out;
}

/** Every *.json file of the folders (or the files) given, read, checked and flattened. */
export function loadExamples(targets: readonly string[]): { files: string[]; examples: Example[] } {
  const files: string[] = [];
  for (const target of targets) {
    if (!fs.existsSync(target)) throw new EvalSetError(`${target} does not exist; give a folder of evaluation files (eval/routing by default) or a file.`);
    if (fs.statSync(target).isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) if (entry.endsWith('.json')) files.push(path.join(target, entry));
    } else files.push(target);
  }
  if (files.length === 0) throw new EvalSetError(`no .json evaluation file in ${targets.join(', ')}.`);
  const examples = files.flatMap((file) => examplesOf(path.basename(file), parseEvalFile(file, fs.readFileSync(file, 'utf8'))));
  return { files, examples };
}

// Finds the lexicon's phrases in a comment's words in one pass: the phrases are compiled once into
// a table keyed by their first word, so each word costs one map lookup however long the lexicon.
import { LEXICON, type Cue } from './lexicon';

const CUES = Object.keys(LEXICON) as Cue[];
const CUE_INDEX = new Map<Cue, number>(CUES.map((cue, i) => [cue, i]));

interface Entry {
  rest: readonly string[];
  cue: number;
}

const TABLE = new Map<string, Entry[]>();
for (const [i, cue] of CUES.entries()) {
  for (const phrase of LEXICON[cue]) {
    const [first, ...rest] = phrase.split(' ');
    const list = TABLE.get(first!) ?? [];
    list.push({ rest, cue: i });
    TABLE.set(first!, list);
  }
}

/** How often each cue's phrases occur in a comment, and where the first one starts. */
export class CueHits {
  readonly counts = new Uint8Array(CUES.length);
  readonly firstAt = new Int16Array(CUES.length).fill(-1);

  count(cue: Cue): number {
    return this.counts[CUE_INDEX.get(cue)!]!;
  }

  has(cue: Cue): boolean {
    return this.counts[CUE_INDEX.get(cue)!]! > 0;
  }
}

export function findCues(words: readonly string[]): CueHits {
  const hits = new CueHits();
  for (let i = 0; i < words.length; i++) {
    const entries = TABLE.get(words[i]!);
    if (entries === undefined) continue;
    for (const { rest, cue } of entries) {
      let j = 0;
      while (j < rest.length && words[i + 1 + j] === rest[j]) j++;
      if (j < rest.length) continue;
      if (hits.counts[cue]! < 255) hits.counts[cue] = hits.counts[cue]! + 1;
      if (hits.firstAt[cue] === -1) hits.firstAt[cue] = i;
    }
  }
  return hits;
}

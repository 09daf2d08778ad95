// Counts in words ("1 comment", "2 comments"), one rule for the console and the CLI. English's
// plural categories come from Intl.PluralRules; the irregular plurals are listed by their caller.
const rules = new Intl.PluralRules('en');

/** The word alone for `n` of it: "comment" for 1, "comments" otherwise (`plural` when adding an s is wrong). */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return rules.select(n) === 'one' ? singular : plural;
}

/** "1 comment", "2 comments", "0 replies". */
export function count(n: number, singular: string, plural?: string): string {
  return `${n.toLocaleString('en')} ${noun(n, singular, plural)}`;
}

// Counts in words ("1 comment", "2 comments"), one rule for the console and the CLI. English's
// plural categories come from Intl.PluralRules; the irregular plurals are listed by their caller.
const rules = new Intl.PluralRules('en');

/** "1 comment", "2 comments", "0 replies" (`plural` when adding an s is wrong). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${rules.select(n) === 'one' ? singular : plural}`;
}

// Words and phrases as whole words, ignoring case: "refund" finds "Refund!" but not "refunded";
// a phrase's words may be apart by any spaces or line breaks. One RegExp per condition, with no
// nested repetition, so it needs no time limit.
const WORD_CHARACTER = '[\\p{L}\\p{N}_]';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function wholeWords(phrases: readonly string[]): RegExp {
  const alternatives = phrases.map((phrase) => phrase.trim().split(/\s+/u).map(escaped).join('\\s+'));
  return new RegExp(`(?<!${WORD_CHARACTER})(?:${alternatives.join('|')})(?!${WORD_CHARACTER})`, 'iu');
}

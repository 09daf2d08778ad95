/**
 * Turns what a moderator types into an FTS5 query that cannot be a syntax error: each word is a
 * quoted phrase, the last one a prefix ("refun" finds "refund"), all of them required. A prefix
 * costs what every word it starts costs together: a one-letter last word is matched whole (every
 * word starting with "t" is most of the index), 2 to 4 letters are read from the prefix indexes
 * (db/migrations/010_view_indexes.sql), and longer ones start few words.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}_'-]*/gu)?.slice(0, 16) ?? [];
  if (words.length === 0) return null;
  return words.map((word, index) => `"${word.replace(/"/g, '""')}"${index === words.length - 1 && [...word].length > 1 ? '*' : ''}`).join(' ');
}

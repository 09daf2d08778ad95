// The search index's query language, written for what a moderator types and the filters they set.

/** The columns words are looked for in; the fourth, scope, holds the feed and month words below. */
const TEXT_COLUMNS = '{content_text author thread_title}';
/** A date filter longer than this is not narrowed by month words: the filter alone decides. */
const MAX_MONTHS = 36;

/**
 * Turns what a moderator types into an FTS5 query that cannot be a syntax error: each word is a
 * quoted phrase, the last one a prefix ("refun" finds "refund"), all of them required, looked for
 * in the comment, its author and its thread title. A prefix costs what every word it starts costs
 * together: a one-letter last word is matched whole (every word starting with "t" is most of the
 * index), 2 to 4 letters are read from the prefix indexes (db/migrations/010_view_indexes.sql),
 * and longer ones start few words.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}_'-]*/gu)?.slice(0, 16) ?? [];
  if (words.length === 0) return null;
  const phrases = words.map((word, index) => `"${word.replace(/"/g, '""')}"${index === words.length - 1 && [...word].length > 1 ? '*' : ''}`);
  return `${TEXT_COLUMNS} : (${phrases.join(' ')})`;
}

/** A comment's month as its scope word: the UTC month of strftime('%Y%m') in the index's SQL. */
function monthWord(ms: number): string {
  return `"m${new Date(ms).toISOString().slice(0, 7).replace('-', '')}"`;
}

/**
 * The scope words that narrow a search to a feed and to the months of a date range (both ends
 * given): the search index then hands over only matches of that feed and those months, instead of
 * every newer match being read and dropped. The exact filters still apply to each row.
 */
export function scopeQuery(filters: { feedId?: number; from?: number; to?: number }): string | null {
  const parts: string[] = [];
  if (filters.feedId !== undefined) parts.push(`scope : "f${Math.floor(filters.feedId)}"`);
  if (filters.from !== undefined && filters.to !== undefined && filters.to > filters.from) {
    const months: string[] = [];
    const day = new Date(filters.from);
    let year = day.getUTCFullYear();
    let month = day.getUTCMonth();
    const last = monthWord(filters.to - 1);
    while (months.length <= MAX_MONTHS) {
      const word = monthWord(Date.UTC(year, month, 1));
      months.push(word);
      if (word === last) break;
      month += 1;
      if (month === 12) [year, month] = [year + 1, 0];
    }
    if (months.length <= MAX_MONTHS) parts.push(`scope : (${months.join(' OR ')})`);
  }
  return parts.length ? parts.join(' AND ') : null;
}

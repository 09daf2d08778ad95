// Placeholders in saved replies: {{author}}, {{thread_title}}, ... filled from the comment, plus
// the ones a template declares (say {{ticket}}), asked for before insertion. Plain data and pure
// functions: the renderer fills replies with the same code the export uses.

export const BUILT_IN_PLACEHOLDERS = ['author', 'thread_title', 'thread_url', 'comment_url', 'feed_title', 'moderator'] as const;
export type BuiltInPlaceholder = (typeof BUILT_IN_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w-]*)\s*\}\}/g;

/** Every placeholder name used in a text, once each, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/** The placeholders a template uses that are neither built in nor declared by it. */
export function unknownPlaceholders(body: string, declared: readonly string[]): string[] {
  const known = new Set<string>([...BUILT_IN_PLACEHOLDERS, ...declared]);
  return placeholdersIn(body).filter((name) => !known.has(name));
}

/**
 * Fills the placeholders that have a value; the others stay as they are (and are listed).
 * `escape` makes each value safe for the format the text ends up in (Markdown, say); the
 * template's own text is the moderator's and is left alone.
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string | null | undefined>>,
  escape: (value: string) => string = (value) => value,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      missing.add(name);
      return whole;
    }
    return escape(value);
  });
  return { text: filled, missing: [...missing] };
}

export interface PlaceholderSource {
  author: string;
  threadTitle: string;
  threadUrl: string | null;
  url: string | null;
  feedTitle: string;
}

/** The built-in values for one comment. */
export function builtInValues(item: PlaceholderSource, moderator: string): Record<BuiltInPlaceholder, string | null> {
  return {
    author: item.author || null,
    thread_title: item.threadTitle || null,
    thread_url: item.threadUrl,
    comment_url: item.url,
    feed_title: item.feedTitle || null,
    moderator: moderator || null,
  };
}

/**
 * A reply as it goes out to this comment's author: the built-in placeholders filled from the
 * comment and the moderator's name, `missing` naming what is still unfilled. The composer's
 * preview, Mark ready and the exports all fill through this, so what the preview shows filled
 * is what the service accepts.
 */
export function fillReply(
  body: string,
  item: PlaceholderSource,
  moderator: string,
  escape?: (value: string) => string,
): { text: string; missing: string[] } {
  return fillPlaceholders(body, builtInValues(item, moderator), escape);
}

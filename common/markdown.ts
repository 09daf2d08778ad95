// Writing untrusted text into Markdown that someone may publish: characters Markdown (or the
// HTML it allows) would act on are escaped, and link targets are percent-encoded where they could
// end the link.

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (char) => `\\${char}`);
}

/**
 * A link destination that cannot end the link or start another, and reads back as the same URL:
 * ( ) < >, whitespace and control characters percent-encoded; a backslash and & escaped with a backslash, since
 * Markdown reads `\)` as a parenthesis that does not end the link and `&amp;` as an entity.
 */
export function markdownDestination(url: string): string {
  // encodeURIComponent leaves ( and ) as they are, so every character is encoded by hand.
  return url
    .replace(/[\\&]/g, (char) => `\\${char}`)
    .replace(/[<>()\s\u0000-\u001F\u007F]/g, (char) => encodeURIComponent(char).replace(/[()]/g, (paren) => `%${paren.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** [label](url), the label escaped (brackets included), the destination kept inside the link. */
export function markdownLink(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](${markdownDestination(url)})`;
}

/**
 * Text whose single line breaks stay line breaks when the Markdown is read: a reply's "Hi Ann,"
 * on its own line, a quoted comment's lines. CommonMark joins consecutive lines into one
 * paragraph; two trailing spaces make a hard break, and unlike a trailing backslash they mean the
 * same after any character, including the moderator's own backslash.
 */
export function keepLineBreaks(lines: string[]): string[] {
  return lines.map((line, index) => (line.trim() && lines[index + 1]?.trim() ? `${line.replace(/ +$/, '')}  ` : line));
}

// Writing untrusted text into Markdown that someone may publish: characters Markdown (or the
// HTML it allows) would act on are escaped, and link targets are percent-encoded where they could
// end the link.

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (char) => `\\${char}`);
}

export function markdownLink(label: string, url: string): string {
  const target = url.replace(/[<>()\s]/g, (char) => encodeURIComponent(char));
  return `[${escapeMarkdown(label)}](${target})`;
}

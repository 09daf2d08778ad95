// "Community highlights": the comments featured in a period, with quotes, attribution, links and
// the moderator's note, as Markdown, HTML (every bit escaped, no script) or an Atom feed. The
// featured comments are read by db/tables/highlights.ts.
import { escapeHtml, escapeXml } from '../../../common/escape';
import { escapeMarkdown, keepLineBreaks, markdownLink } from '../../../common/markdown';
import type { Highlight } from '../../../db/tables/highlights';
import { isSafeExternalUrl } from '../../../common/urls';

/** Only plain web addresses go in; anything else is left out rather than escaped into a live href. */
function safeHref(url: string | null): string | null {
  return url && isSafeExternalUrl(url) ? url : null;
}

const period = (from: string, to: string) => `${from.slice(0, 10)} to ${to.slice(0, 10)}`;

export function digestMarkdown(items: Highlight[], from: string, to: string): string {
  const lines = [`# Community highlights`, '', `${period(from, to)}: ${items.length} highlight${items.length === 1 ? '' : 's'}.`, ''];
  for (const item of items) {
    lines.push(`## ${escapeMarkdown(item.author || 'Anonymous')}${item.threadTitle ? ` in “${escapeMarkdown(item.threadTitle)}”` : ''}`, '');
    lines.push(...keepLineBreaks(item.text.split('\n').map((line) => `> ${escapeMarkdown(line)}`)), '');
    if (item.note) lines.push(`*Why it stands out:* ${escapeMarkdown(item.note)}`, '');
    const link = safeHref(item.url);
    if (link) lines.push(markdownLink('Read the comment', link), '');
  }
  return lines.join('\n');
}

export function digestHtml(items: Highlight[], from: string, to: string): string {
  const entries = items.map((item) => {
    const link = safeHref(item.url);
    const thread = safeHref(item.threadUrl);
    const where = item.threadTitle ? ` in ${thread ? `<a href="${escapeHtml(thread)}">${escapeHtml(item.threadTitle)}</a>` : escapeHtml(item.threadTitle)}` : '';
    return [
      '<article>',
      `  <h2>${escapeHtml(item.author || 'Anonymous')}${where}</h2>`,
      `  <blockquote>${item.text.split('\n').map(escapeHtml).join('<br>')}</blockquote>`,
      item.note ? `  <p><em>Why it stands out:</em> ${escapeHtml(item.note)}</p>` : '',
      link ? `  <p><a href="${escapeHtml(link)}">Read the comment</a></p>` : '',
      '</article>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Community highlights</title></head>',
    '<body>',
    `<h1>Community highlights</h1>`,
    `<p>${escapeHtml(period(from, to))}: ${items.length} highlight${items.length === 1 ? '' : 's'}.</p>`,
    ...entries,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function digestAtom(items: Highlight[], from: string, to: string, now: string): string {
  const entries = items.map((item) => {
    const link = safeHref(item.url);
    const content = `<blockquote>${item.text.split('\n').map(escapeHtml).join('<br>')}</blockquote>${item.note ? `<p><em>Why it stands out:</em> ${escapeHtml(item.note)}</p>` : ''}`;
    return [
      '  <entry>',
      `    <id>tag:switchboard.invalid,2026:highlight-${item.itemId}</id>`,
      `    <title>${escapeXml(`${item.author || 'Anonymous'}${item.threadTitle ? ` in “${item.threadTitle}”` : ''}`)}</title>`,
      link ? `    <link rel="alternate" href="${escapeXml(link)}"/>` : '',
      `    <author><name>${escapeXml(item.author || 'Anonymous')}</name></author>`,
      `    <updated>${item.featuredAt}</updated>`,
      `    <content type="html">${escapeXml(content)}</content>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>tag:switchboard.invalid,2026:highlights-${from.slice(0, 10)}-${to.slice(0, 10)}</id>`,
    `  <title>Community highlights, ${escapeXml(period(from, to))}</title>`,
    `  <updated>${now}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

// OPML, the file format feed readers exchange subscriptions in.
import { Parser as XmlParser } from 'htmlparser2';
import { MAX_OPML_OUTLINES } from '../../../common/types';
import { escapeXml } from '../../../common/escape';
import { plainText } from './sanitize/plain-text';

export interface OpmlOutline {
  url: string;
  title: string;
}

export { MAX_OPML_OUTLINES };

/** Every outline with an xmlUrl, nested folders included, in document order. */
export function readOpml(text: string): OpmlOutline[] {
  return readOpmlCounted(text).outlines;
}

/**
 * The first MAX_OPML_OUTLINES outlines with an xmlUrl, in document order, and how many more the
 * file held: those are left out, and the import says so rather than dropping them silently.
 * Also the folders (outlines without an xmlUrl) that hold feeds, by name in document order:
 * Switchboard has no folders, and an import names the ones it did not keep.
 */
export function readOpmlCounted(text: string): { outlines: OpmlOutline[]; leftOut: number; folders: string[] } {
  const outlines: OpmlOutline[] = [];
  let leftOut = 0;
  let sawOpml = false;
  // Every open <outline>: its folder name, or null for a feed.
  const open: (string | null)[] = [];
  const folders = new Set<string>();
  const parser = new XmlParser(
    {
      onopentag(name, attributes) {
        if (name.toLowerCase() === 'opml') sawOpml = true;
        if (name.toLowerCase() !== 'outline') return;
        const url = attributes.xmlUrl ?? attributes.xmlurl;
        open.push(url ? null : plainText(attributes.title ?? attributes.text) || 'Untitled folder');
        if (!url) return;
        for (const folder of open) if (folder !== null) folders.add(folder);
        if (outlines.length < MAX_OPML_OUTLINES) outlines.push({ url: url.trim(), title: plainText(attributes.title ?? attributes.text) });
        else leftOut += 1;
      },
      onclosetag(name) {
        if (name.toLowerCase() === 'outline') open.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  if (!sawOpml) throw new Error('opml: this file is not OPML (it has no <opml> element)');
  return { outlines, leftOut, folders: [...folders] };
}

export function writeOpml(feeds: { url: string; title: string; siteUrl: string | null }[], createdAt: Date): string {
  const lines = feeds.map((feed) => {
    const html = feed.siteUrl ? ` htmlUrl="${escapeXml(feed.siteUrl)}"` : '';
    const title = escapeXml(feed.title || feed.url);
    return `    <outline type="rss" text="${title}" title="${title}" xmlUrl="${escapeXml(feed.url)}"${html}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Switchboard subscriptions</title>',
    `    <dateCreated>${createdAt.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

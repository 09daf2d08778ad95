// What an OPML import did, in the same sentences in the subscribe dialog and from
// `switchboard opml import`: what was added, what was there already, each outline skipped and
// why, the folders Switchboard did not keep, and what a too-long file left out.
import { MAX_OPML_OUTLINES, type OpmlImportResult } from './types';
import { count } from './plural';

const number = (n: number) => n.toLocaleString('en');

export interface OpmlImportReport {
  /** One sentence: the counts. */
  summary: string;
  /** One sentence for each thing a moderator may want to act on. */
  notes: string[];
}

export function opmlImportReport(result: OpmlImportResult): OpmlImportReport {
  const counts = [`${number(result.alreadySubscribed)} already subscribed`, `${number(result.skipped.length)} skipped`];
  if (result.leftOut) counts.push(`${number(result.leftOut)} left out past the first ${number(MAX_OPML_OUTLINES)}`);
  if (result.local) counts.push(`${number(result.local.length)} on your own computer or local network left out`);
  const notes = result.skipped.map(({ url, reason }) => `Skipped ${url}: ${reason}.`);
  if (result.droppedFolders) {
    const names = result.droppedFolders.map((name) => `“${name}”`).join(', ');
    notes.push(`Folders not kept: ${names}. Switchboard has no folders, so their feeds came in without them.`);
  }
  if (result.leftOut) notes.push(`Left out ${count(result.leftOut, 'outline')} after the first ${number(MAX_OPML_OUTLINES)}: an import reads at most ${number(MAX_OPML_OUTLINES)}; import the rest from a second file.`);
  return { summary: `Imported ${count(result.added, 'feed')} (${counts.join(', ')}).`, notes };
}

// Exporting reply drafts: one record per person (an incident's shared reply is filled in for each
// of its comments), as CSV (RFC 4180, through csv-stringify, formula cells neutralized), JSON or
// Markdown grouped by thread. The drafts exported become "exported", with the time.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { ExportFormat, ExportResult } from '../../../common/types';
import { escapeMarkdown, keepLineBreaks, markdownLink } from '../../../common/markdown';
import { isSafeExternalUrl } from '../../../common/urls';
import { iso } from '../../../common/time';
import { applyAction } from '../../../db/tables/audit-log';
import { readSettings } from '../../../db/tables/settings';
import { draftFor } from '../../../db/tables/drafts';
import { repliesToExport } from '../../../db/tables/reply-context';
import { fillReply } from '../../../common/placeholders';

export interface ExportRecord {
  commentUrl: string;
  thread: string;
  threadUrl: string;
  author: string;
  comment: string;
  reply: string;
  templates: string;
  incident: string;
  createdAt: string;
  updatedAt: string;
}

const EXCERPT = 280;
const COLUMNS: (keyof ExportRecord)[] = ['commentUrl', 'thread', 'threadUrl', 'author', 'comment', 'reply', 'templates', 'incident', 'createdAt', 'updatedAt'];

/** A spreadsheet runs a cell that starts like a formula; a leading apostrophe makes it text. */
export function neutralizeFormula(cell: string): string {
  return /^\s*[=+\-@]|^[\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Spreadsheets (Excel above all) read a CSV file as the system's legacy code page unless it starts with this mark. */
const UTF8_BOM = '\uFEFF';

export function toCsv(records: ExportRecord[], bom: boolean): string {
  return (bom ? UTF8_BOM : '') + stringify(
    records.map((record) => COLUMNS.map((column) => neutralizeFormula(record[column]))),
    { header: true, columns: COLUMNS, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

export function toMarkdown(records: ExportRecord[], exportedAt: string): string {
  const threads = new Map<string, ExportRecord[]>();
  for (const record of records) threads.set(record.thread, [...(threads.get(record.thread) ?? []), record]);
  const lines = [`# Replies from Switchboard`, '', `Exported ${exportedAt}, ${records.length} ${records.length === 1 ? 'reply' : 'replies'}.`, ''];
  for (const [thread, group] of threads) {
    const url = group[0]?.threadUrl;
    const title = thread || 'Untitled thread';
    lines.push(`## ${url && isSafeExternalUrl(url) ? markdownLink(title, url) : escapeMarkdown(title)}`, '');
    for (const record of group) {
      const link = isSafeExternalUrl(record.commentUrl) ? ` (${markdownLink('comment', record.commentUrl)})` : '';
      lines.push(`### ${escapeMarkdown(record.author || 'Anonymous')}${link}`, '');
      lines.push(...keepLineBreaks(record.comment.split('\n').map((line) => `> ${escapeMarkdown(line)}`)), '');
      // The reply is the moderator's own text, written to be pasted as it is, its lines kept.
      lines.push(...keepLineBreaks(record.reply.split('\n')), '');
    }
  }
  return lines.join('\n');
}

/** The export file's content; nothing changes until markExported says the file was written. */
export function exportDrafts(db: Db, request: { format: ExportFormat; status: 'ready' | 'all'; itemIds?: number[]; bom: boolean }, now: number): ExportResult {
  const moderator = readSettings(db).moderatorName;
  const records: ExportRecord[] = [];
  const problems: string[] = [];
  const ids: number[] = [];
  for (const row of repliesToExport(db, request)) {
    const draft = draftFor(db, row.itemId, row.incidentId);
    if (!draft || !draft.body.trim()) continue;
    // Values come from the feed (an author name can be HTML): in Markdown they are escaped like
    // every other feed text; CSV and JSON carry them as they are (CSV cells are neutralized below).
    const filled = fillReply(draft.body, row, moderator, request.format === 'md' ? escapeMarkdown : undefined);
    if (filled.missing.length) {
      problems.push(`comment ${row.itemId}: ${filled.missing.map((name) => `{{${name}}}`).join(', ')}`);
      continue;
    }
    ids.push(row.itemId);
    records.push({
      commentUrl: row.url ?? '',
      thread: row.threadTitle,
      threadUrl: row.threadUrl ?? '',
      author: row.author,
      comment: row.contentText.slice(0, EXCERPT),
      reply: filled.text,
      templates: draft.templates.join(', '),
      incident: row.incidentTitle ?? '',
      createdAt: draft.createdAt,
      updatedAt: draft.updatedAt,
    });
  }
  if (problems.length) {
    throw new SwitchboardError('invalid-input', 'export', `these replies have placeholders nothing fills, so nothing was exported: ${problems.join('; ')}`);
  }
  if (records.length === 0) throw new SwitchboardError('invalid-input', 'export', request.status === 'ready' ? 'no reply is marked ready yet' : 'no reply is drafted yet');
  const exportedAt = iso(now);
  const content = request.format === 'csv' ? toCsv(records, request.bom) : request.format === 'json' ? `${JSON.stringify(records, null, 2)}\n` : toMarkdown(records, exportedAt);
  const mimeType = { csv: 'text/csv', json: 'application/json', md: 'text/markdown' }[request.format];
  return { fileName: `switchboard-replies-${exportedAt.slice(0, 10)}.${request.format}`, mimeType, content, count: records.length, itemIds: ids };
}

/** Once the exported file is safely written: those replies are exported, with the time. */
export function markExported(db: Db, itemIds: number[], now: number) {
  return applyAction(db, 'export', itemIds, { service_state: 'exported', service_exported_at: now }, {}, now);
}

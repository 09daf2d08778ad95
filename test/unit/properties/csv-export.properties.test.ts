// Property tests (fast-check) for the CSV export of reply drafts: for any values, no cell is one a
// spreadsheet would run as a formula, and reading the file back (csv-parse, RFC 4180) gives every
// value as it was, with the apostrophe the formula guard puts before the ones that needed it.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, type ExportRecord } from '../../../main/features/customer-service/export';

const COLUMNS: (keyof ExportRecord)[] = ['commentUrl', 'thread', 'threadUrl', 'author', 'comment', 'reply', 'templates', 'incident', 'createdAt', 'updatedAt'];

// Any UTF-16 units, biased towards what starts a formula, what CSV quotes, and what spreadsheets trim.
const cellChar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 1 }),
  fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', ' ', '\u00A0', '\u3000', '\uFEFF', '"', ',', ';', "'", '|', '!', 'A', '1', '(', ')'),
);
const cell = fc.oneof(
  fc.array(cellChar, { maxLength: 16 }).map((chars) => chars.join('')),
  fc.constantFrom('=HYPERLINK("http://evil.example","click")', '=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1:A2)', ' =1+1', '\n=1', '\t=1', '\r=1', "'=1", ''),
);
const record: fc.Arbitrary<ExportRecord> = fc.record(Object.fromEntries(COLUMNS.map((column) => [column, cell])) as Record<keyof ExportRecord, typeof cell>);

/**
 * Would a spreadsheet read this cell as a formula? It starts with = + - or @, possibly after
 * whitespace (spreadsheets trim it when they import), or with a tab or carriage return (OWASP's
 * CSV injection list). Written here from that rule, not taken from the export's code.
 */
function readAsFormula(value: string): boolean {
  return /^[\t\r]/.test(value) || /^[=+\-@]/.test(value.replace(/^\s+/, ''));
}

describe('the CSV export, for any values', () => {
  it('reads back, row by row and cell by cell, as the values it was given; only formula cells get an apostrophe, and no cell reads as a formula', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), (records) => {
        // As a spreadsheet reads it: the byte order mark (on by default) read as the encoding, not as text.
        const rows = parse(toCsv(records, true), { relax_column_count: false, bom: true }) as string[][];
        expect(rows[0]).toEqual(COLUMNS);
        expect(rows.slice(1)).toEqual(records.map((r) => COLUMNS.map((column) => (readAsFormula(r[column]) ? `'${r[column]}` : r[column]))));
        for (const row of rows.slice(1)) for (const value of row) expect(readAsFormula(value), JSON.stringify(value)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { escapeXml, stripControlChars, terminalText } from '../../../common/escape';
import { table } from '../../../main/doors/cli/context';
import { sanitizeComment } from '../../../main/features/feeds/sanitize/sanitize';
import { htmlToText, plainText } from '../../../main/features/feeds/sanitize/plain-text';
import { readXml, xmlProblems } from '../../support/strict-xml';

describe('escapeXml', () => {
  it('drops every character XML 1.0 forbids, lone surrogates included, and keeps pairs', () => {
    const hostile = 'a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDFFFi\u{1F600}j\tk\nl\rm\uE000n\uFFFD';
    expect(escapeXml(hostile)).toBe('abcdefghi\u{1F600}j&#9;k&#10;l&#13;m\uE000n\uFFFD');
    expect(escapeXml('\uDBFF\uDFFF\uDC00\uD800')).toBe('\uDBFF\uDFFF');
    for (const quote of ['"', "'"]) expect(xmlProblems(`<a x=${quote}${escapeXml(`${hostile}<&>"'`)}${quote}>${escapeXml(hostile)}</a>`)).toEqual([]);
  });

  it('keeps tabs, line feeds and carriage returns, which a parser would otherwise turn into spaces or line feeds', () => {
    // XML 1.0 reads a literal CR (or CR LF) as LF everywhere (§2.11), and a literal tab or line
    // feed in an attribute as a space (§3.3.3); only a character reference keeps them.
    const value = 'a\tb\nc\rd\r\ne';
    const [element] = readXml(`<a title="${escapeXml(value)}">${escapeXml(value)}</a>`);
    expect(element).toEqual({ name: 'a', attributes: { title: value }, text: value });
  });
});

describe('stripControlChars', () => {
  it('removes C0 and C1 controls and DEL, keeps tab, line feed and everything printable', () => {
    expect(stripControlChars('a\u0000\u001b]0;pwned\u0007b\u009b2J\u0085\u007f\r\tc\nd\u00a0\u{1F600}')).toBe('a]0;pwnedb2J\tc\nd\u00a0\u{1F600}');
  });

  it('leaves none in stored feed text: names, titles and the plain text of comments', () => {
    const sequence = '&#x1b;]0;pwned&#x7; \u009b2J';
    expect(plainText(`Mallory${sequence}`)).toBe('Mallory]0;pwned 2J');
    expect(htmlToText(`<p>a${sequence}</p><pre>b\u001b[1A </pre>`)).toBe('a]0;pwned 2J\n\nb[1A');
    expect(sanitizeComment(`<p>a${sequence}</p>`).text).toBe('a]0;pwned 2J');
  });
});

// Issue 11, failure 12: bidi controls in a name reorder the text around it ("\u202Etroppus laiciffO"
// shows as "Official support"). Stored text keeps them (Hebrew and Arabic use the marks; the
// console isolates names in <bdi>); a terminal cannot isolate, so the CLI drops them.
describe('terminalText', () => {
  const BIDI = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';

  it('drops control characters and every bidi embedding, override, isolate and mark', () => {
    expect(terminalText(`Mallory\u202Etroppus laiciffO${BIDI}\u001b[2J ok\tend\n`)).toBe('Mallorytroppus laiciffO[2J ok\tend\n');
    expect(terminalText('שלום עולם \u{1F600} abc')).toBe('שלום עולם \u{1F600} abc');
  });

  it('is what the CLI prints in tables', () => {
    expect(table([['id', 'author'], ['1', '\u202Etroppus laiciffO\u2066x\u2069']])).toBe('id  author\n1   troppus laiciffOx');
  });

  it('leaves stored text its marks: only the terminal drops them', () => {
    expect(stripControlChars(`a${BIDI}b`)).toBe(`a${BIDI}b`);
  });
});

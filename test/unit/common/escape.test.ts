import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../common/escape';
import { xmlProblems } from '../../support/strict-xml';

describe('escapeXml', () => {
  it('drops every character XML 1.0 forbids, lone surrogates included, and keeps pairs', () => {
    const hostile = 'a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDFFFi\u{1F600}j\tk\nl\rm\uE000n\uFFFD';
    expect(escapeXml(hostile)).toBe('abcdefghi\u{1F600}j\tk\nl\rm\uE000n\uFFFD');
    expect(escapeXml('\uDBFF\uDFFF\uDC00\uD800')).toBe('\uDBFF\uDFFF');
    for (const quote of ['"', "'"]) expect(xmlProblems(`<a x=${quote}${escapeXml(`${hostile}<&>"'`)}${quote}>${escapeXml(hostile)}</a>`)).toEqual([]);
  });
});

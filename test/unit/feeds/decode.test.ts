import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeedBody, decodePageBody, stripInvalidXmlChars } from '../../../main/features/feeds/fetch/decode';

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('decodeFeedBody', () => {
  it('decodes UTF-8 by default', () => {
    expect(decodeFeedBody(Buffer.from('<rss>café ’ €</rss>'), null)).toBe('<rss>café ’ €</rss>');
  });

  it('honours and strips a UTF-8 BOM', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0"?><rss>é</rss>')]);
    expect(decodeFeedBody(body, null)).toBe('<?xml version="1.0"?><rss>é</rss>');
  });

  it('honours a UTF-16LE BOM and a UTF-16BE BOM', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><rss>é€𝄞</rss>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeFeedBody(le, 'text/xml')).toBe('<?xml version="1.0"?><rss>é€𝄞</rss>');
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeFeedBody(be, null)).toBe('<?xml version="1.0"?><rss>é€𝄞</rss>');
  });

  it('recognises UTF-16 without a BOM from "<?"', () => {
    expect(decodeFeedBody(Buffer.from('<?xml version="1.0"?><a>é</a>', 'utf16le'), null)).toBe('<?xml version="1.0"?><a>é</a>');
  });

  it('uses the header charset windows-1252 (é, ’, €)', () => {
    const body = bytes('<rss>caf', [0xe9], ' ', [0x92], ' ', [0x80], '</rss>');
    expect(decodeFeedBody(body, 'application/rss+xml; charset=windows-1252')).toBe('<rss>café ’ €</rss>');
    expect(decodeFeedBody(body, 'text/xml;Charset="Windows-1252"')).toBe('<rss>café ’ €</rss>');
  });

  it('uses the XML declaration when there is no header charset, and drops its encoding', () => {
    const body = bytes('<?xml version="1.0" encoding="iso-8859-1"?>\n<rss>na', [0xef], 've ', [0xa9], '</rss>');
    expect(decodeFeedBody(body, null)).toBe('<?xml version="1.0"?>\n<rss>naïve ©</rss>');
    expect(decodeFeedBody(body, 'application/xml')).toBe('<?xml version="1.0"?>\n<rss>naïve ©</rss>');
  });

  it('reads a Shift_JIS declaration', () => {
    const body = bytes("<?xml version='1.0' encoding='Shift_JIS' standalone='yes'?><t>", [0x93, 0xfa, 0x96, 0x7b], '</t>');
    expect(decodeFeedBody(body, null)).toBe("<?xml version='1.0' standalone='yes'?><t>日本</t>");
  });

  it('lets the header beat the declaration, and removes the now-wrong encoding', () => {
    const body = Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><rss>café</rss>', 'utf8');
    expect(decodeFeedBody(body, 'text/xml; charset=utf-8')).toBe('<?xml version="1.0"?><rss>café</rss>');
  });

  it('keeps a declaration that says UTF-8', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>';
    expect(decodeFeedBody(Buffer.from(text), 'text/xml; charset=utf-8')).toBe(text);
  });

  it('lets the BOM beat the header', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>café €</rss>')]);
    expect(decodeFeedBody(body, 'text/xml; charset=windows-1252')).toBe('<rss>café €</rss>');
  });

  it('falls back to UTF-8 for unknown labels instead of throwing', () => {
    const body = Buffer.from('<?xml version="1.0" encoding="x-klingon"?><rss>café</rss>');
    expect(decodeFeedBody(body, 'text/xml; charset=bogus-8')).toBe('<?xml version="1.0"?><rss>café</rss>');
    expect(decodeFeedBody(Buffer.from('<rss>é</rss>'), 'text/xml; charset=')).toBe('<rss>é</rss>');
  });

  it('skips an unknown header label in favour of a usable declaration', () => {
    const body = bytes('<?xml version="1.0" encoding="windows-1252"?><r>', [0x80], '</r>');
    expect(decodeFeedBody(body, 'text/xml; charset=nonsense')).toBe('<?xml version="1.0"?><r>€</r>');
  });

  it('strips control characters XML 1.0 forbids but keeps tab, LF and CR', () => {
    const body = bytes('<r>a', [0x00], 'b', [0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f], 'c\t\n\rd</r>');
    expect(decodeFeedBody(body, null)).toBe('<r>abc\t\n\rd</r>');
  });

  it('strips lone surrogates, U+FFFE and U+FFFF but keeps astral characters', () => {
    expect(stripInvalidXmlChars('a\uD800b\uDC00c\uFFFEd\uFFFFe😀\uFEFF')).toBe('abcde😀\uFEFF');
    // Encoded surrogates (CESU-8) never come out as lone surrogates either.
    const decoded = decodeFeedBody(bytes('<r>', [0xed, 0xa0, 0x80], '</r>'), null);
    expect(decoded).not.toMatch(/[\uD800-\uDFFF]/);
    expect(decoded.startsWith('<r>') && decoded.endsWith('</r>')).toBe(true);
  });

  it('handles an empty body', () => {
    expect(decodeFeedBody(Buffer.alloc(0), null)).toBe('');
  });
});

describe('decodePageBody', () => {
  // "Café" in windows-1252: é is the single byte 0xE9, not valid UTF-8.
  const page = (head: string) => bytes(`<html><head>${head}<title>Caf`, [0xe9], '</title></head></html>');
  const title = (text: string) => /<title>(.*)<\/title>/.exec(text)?.[1];

  it('reads the charset of <meta charset> and of <meta http-equiv="Content-Type">', () => {
    expect(title(decodePageBody(page('<meta charset="windows-1252">'), 'text/html'))).toBe('Café');
    expect(title(decodePageBody(page('<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">'), 'text/html'))).toBe('Café');
  });

  it('lets the HTTP header win over <meta>', () => {
    const utf8 = Buffer.from('<meta charset="windows-1252"><title>Café</title>', 'utf8');
    expect(title(decodePageBody(utf8, 'text/html; charset=utf-8'))).toBe('Café');
  });

  it('ignores a charset inside a comment or inside another attribute, as browsers do', () => {
    const utf8 = (head: string) => Buffer.from(`<html><head>${head}<title>Café</title></head></html>`, 'utf8');
    expect(title(decodePageBody(utf8('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">'), 'text/html'))).toBe('Café');
    expect(title(decodePageBody(utf8('<meta name="description" content="a charset=koi8-r page"><meta charset="utf-8">'), 'text/html'))).toBe('Café');
  });

  it('falls back to an XHTML page\'s XML declaration, and reads UTF-16 named by the page as UTF-8', () => {
    expect(title(decodePageBody(bytes('<?xml version="1.0" encoding="iso-8859-1"?><html><title>Caf', [0xe9], '</title></html>'), 'application/xhtml+xml'))).toBe('Café');
    expect(title(decodePageBody(Buffer.from('<meta charset="utf-16"><title>Café</title>', 'utf8'), 'text/html'))).toBe('Café');
    expect(title(decodePageBody(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><html><title>Café</title></html>', 'utf8'), 'application/xhtml+xml'))).toBe('Café');
    const utf16 = Buffer.from('<?xml version="1.0" encoding="UTF-16"?><html><title>Café</title></html>', 'utf16le');
    expect(title(decodePageBody(utf16, 'application/xhtml+xml'))).toBe('Café');
  });

  it('reads a quoted charset in http-equiv content, and looks past a label nobody knows', () => {
    expect(title(decodePageBody(page(`<meta http-equiv="Content-Type" content="text/html; charset='windows-1252'">`), 'text/html'))).toBe('Café');
    expect(title(decodePageBody(page('<meta charset="no-such-charset"><meta charset="windows-1252">'), 'text/html'))).toBe('Café');
  });
});

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=ISO-8859-1', 'ISO-8859-1'],
    ['text/xml;charset="utf-8"', 'utf-8'],
    ['text/xml; foo=bar; CHARSET=koi8-r ', 'koi8-r'],
    ['text/xml', null],
    [null, null],
  ])('%s → %s', (header, charset) => {
    expect(charsetFromContentType(header)).toBe(charset);
  });
});

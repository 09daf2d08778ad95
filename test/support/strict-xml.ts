// A strict XML 1.0 check for documents Switchboard writes: sax in strict mode for the structure,
// plus the Char production (https://www.w3.org/TR/xml/#charsets), which sax does not enforce.
// Written independently of common/escape.ts on purpose: it checks that code, it does not reuse it.
import sax from 'sax';

/** XML 1.0's Char production, for one code point (a lone surrogate is its own code point here). */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The problems a strict XML 1.0 parser would report; empty when the document is well-formed. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  for (let i = 0; i < xml.length; i++) {
    const unit = xml.charCodeAt(i);
    let cp = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = xml.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (!isXmlChar(cp)) problems.push(`character U+${cp.toString(16).toUpperCase().padStart(4, '0')} at ${i}`);
  }
  const parser = sax.parser(true);
  parser.onerror = (error) => {
    problems.push(error.message.split('\n')[0] ?? error.message);
    parser.error = null as unknown as Error;
  };
  parser.write(xml).close();
  return problems;
}

/** The text content of a well-formed document's root element, as sax reads it. */
export function xmlText(xml: string): string {
  let text = '';
  const parser = sax.parser(true);
  parser.ontext = (chunk) => (text += chunk);
  parser.write(xml).close();
  return text;
}

// Feed bytes → text. Picks the charset the way XML and HTTP intend (BOM, then the HTTP header,
// then the XML declaration, else UTF-8), never throws on a bad label, and leaves only characters
// an XML 1.0 parser accepts, so one stray control byte cannot make a whole feed unparseable.
import { TextDecoder } from 'node:util';
import { Parser as HtmlParser } from 'htmlparser2';

interface Choice {
  decoder: Pick<TextDecoder, 'decode'>;
  /** Bytes to skip before decoding (a BOM). */
  skip: number;
}

// What windows-1252 has at 0x80–0x9F, where latin1 has C1 controls. WHATWG maps the iso-8859-1,
// latin1 and us-ascii labels to windows-1252 too, which is what real feeds mean by them.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Node 20's TextDecoder takes a latin1 fast path for windows-1252 and returns C1 controls for
 *  0x80–0x9F (€ ’ “ … would vanish as forbidden characters), so that encoding is decoded here. */
class Windows1252Decoder {
  readonly encoding = 'windows-1252';
  decode(bytes: Uint8Array): string {
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
  }
}

type Decoder = Pick<TextDecoder, 'decode' | 'encoding'>;

/** A decoder for a WHATWG encoding label, or null when the label is unknown (never throws). */
function decoderFor(label: string | null | undefined): Decoder | null {
  if (!label) return null;
  try {
    const decoder = new TextDecoder(label.trim());
    return decoder.encoding === 'windows-1252' ? new Windows1252Decoder() : decoder;
  } catch {
    return null;
  }
}

function fromBom(body: Buffer): Choice | null {
  const [b0, b1, b2] = body;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { decoder: new TextDecoder('utf-8'), skip: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2 };
  return null;
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? null) : null;
}

const DECLARATION = /^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*(["'])([^"'>]*)\2/;

/** UTF-16 without a BOM, recognised from how "<?" is spelled in bytes (XML 1.0 Appendix F). */
function utf16ByBytes(body: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x3f && body[3] === 0x00) return 'utf-16le';
  if (body[0] === 0x00 && body[1] === 0x3c && body[2] === 0x00 && body[3] === 0x3f) return 'utf-16be';
  return null;
}

/** The label of the XML declaration's encoding, read as latin1 so any ASCII-compatible charset shows it. */
function declaredLabel(body: Buffer): string | null {
  return DECLARATION.exec(body.subarray(0, 1024).toString('latin1'))?.[3] ?? null;
}

/** The encoding a feed's bytes show or its XML declaration names. */
function declaredEncoding(body: Buffer): string | null {
  return utf16ByBytes(body) ?? declaredLabel(body);
}

/** A charset named from inside a page: UTF-16 there can only mean UTF-8 (the label was readable as
 *  ASCII bytes), as the HTML and XML encoding rules say. */
function fromInside(label: string | null): Decoder | null {
  return label && /^\s*utf-?16/i.test(label) ? new TextDecoder('utf-8') : decoderFor(label);
}

/** The decoder for the first usable charset a page's <meta charset> or <meta http-equiv="Content-Type"
 *  content="…; charset=…"> names in its first 1024 bytes, as browsers look for it: with a real HTML
 *  parser, so comments and other attributes' values do not count, and past a label nobody knows. */
function metaDecoder(body: Buffer): Decoder | null {
  let found: Decoder | null = null;
  const parser = new HtmlParser({
    onopentag(name, attributes) {
      if (found || name !== 'meta') return;
      const httpEquiv = attributes['http-equiv']?.trim().toLowerCase() === 'content-type';
      const label = attributes.charset ?? (httpEquiv ? charsetFromContentType(`;${attributes.content ?? ''}`) : null);
      found = fromInside(label?.replace(/^\s*['"]|['"]\s*$/g, '') ?? null);
    },
  });
  parser.end(body.subarray(0, 1024).toString('latin1'));
  return found;
}

/** An XHTML page's XML declaration: UTF-16 that the bytes show is honoured, UTF-16 only named is UTF-8. */
function declarationDecoder(body: Buffer): Decoder | null {
  const shown = utf16ByBytes(body);
  return shown ? decoderFor(shown) : fromInside(declaredLabel(body));
}

/** Bytes to text: a BOM decides and is skipped; otherwise the first decoder the document's rules
 *  find, else UTF-8. The text never starts with a BOM. */
function decodeBody(body: Buffer, byDocumentRules: () => Decoder | null): string {
  const choice: Choice = fromBom(body) ?? { decoder: byDocumentRules() ?? new TextDecoder('utf-8'), skip: 0 };
  const text = choice.decoder.decode(body.subarray(choice.skip));
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Decodes a web page (for feed discovery): BOM, then the HTTP header, then its <meta> charset,
 *  then an XML declaration (XHTML pages), else UTF-8. */
export function decodePageBody(body: Buffer, contentType: string | null): string {
  return decodeBody(body, () => decoderFor(charsetFromContentType(contentType)) ?? metaDecoder(body) ?? declarationDecoder(body));
}

/** Removes every character XML 1.0 forbids: controls other than tab/LF/CR, U+FFFE/U+FFFF and
 *  lone surrogates (with the u flag a lone surrogate is one code point outside every range). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/**
 * Decodes a feed body to text. The result starts without a BOM, contains only XML 1.0 characters,
 * and its XML declaration carries no encoding other than UTF-8 (see below).
 */
export function decodeFeedBody(body: Buffer, contentType: string | null): string {
  const text = stripInvalidXmlChars(decodeBody(body, () => decoderFor(charsetFromContentType(contentType)) ?? decoderFor(declaredEncoding(body))));
  // The text is decoded now: whatever the declaration says about bytes no longer holds. If it names
  // another charset than the one actually used (a header that overrode it, a BOM, a bad label) a
  // parser that trusts it would decode a second time and garble the feed; even when it matched, the
  // string will be UTF-8 if it is ever turned back into bytes. So any encoding other than UTF-8 is
  // removed, which XML reads as "UTF-8 or UTF-16, as the document shows" — true for this text.
  return text.replace(DECLARATION, (whole: string, before: string, _quote: string, label: string) =>
    /^\s*utf-?8\s*$/i.test(label) ? whole : before,
  );
}

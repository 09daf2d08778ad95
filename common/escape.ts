// Escaping text for the markup Switchboard writes (HTML digests, Atom, OPML, plain-text content),
// and for the terminal the CLI prints on.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Characters XML 1.0 forbids anywhere in a document (https://www.w3.org/TR/xml/#charsets): C0
// controls other than tab, line feed and carriage return, U+FFFE and U+FFFF, and lone surrogates.
// A parser must reject a document holding one, and no escape (not even &#x...;) can carry it.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters XML 1.0 cannot carry dropped. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

// Tab, line feed and carriage return go as character references: a parser reads a literal CR (or
// CR LF) as LF everywhere, and a literal tab or line feed in an attribute as a space (XML 1.0
// §2.11, §3.3.3), so only a reference gives the value back as it was.
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** For XML text and attributes (either quote): markup escaped, what XML 1.0 cannot carry dropped, and the rest read back exactly. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"'\t\n\r]/g, (char) => XML_ESCAPES[char]!);
}

// C0 and C1 control characters (and DEL) other than tab and line feed. A terminal acts on them
// (ESC starts OSC/CSI sequences: window title, clear screen, hyperlinks; U+009B is CSI by itself),
// and in a name or a comment they only serve to spoof or hide text.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Text with every control character but tab and line feed removed: for stored feed text and for what the CLI prints. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL, '');
}

// Bidi controls: the embeddings and overrides (U+202A–U+202E), the isolates (U+2066–U+2069) and
// the marks (U+200E, U+200F, U+061C). In a name they reorder the text beside it ("\u202Etroppus
// laiciffO" reads "Official support"). Stored text keeps them, since right-to-left writing uses
// them and the console shows each name isolated (renderer/ui/Name.tsx); a terminal cannot
// isolate, so what the CLI prints drops them.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text for a terminal: control characters (stripControlChars) and bidi controls removed. Everything the CLI prints as text goes through it. */
export function terminalText(text: string): string {
  return stripControlChars(text).replace(BIDI_CONTROL, '');
}

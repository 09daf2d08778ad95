// One pass over a comment's text that every signal family reads: its words (lowercased, curly
// apostrophes straightened, links and @mentions folded to one token each), where sentences start,
// and the counts the structural signals need (letters, capitals, links, question marks, emoji).
// Scoring runs for every arriving comment, so the text examined is capped and scanned once.

/** A comment longer than this is judged on its beginning: the signals are in the first lines. */
export const MAX_CHARS = 1_500;

export const URL_TOKEN = '<url>';
export const MENTION_TOKEN = '<@>';

export interface Analysis {
  /** The text examined (capped), as written. */
  text: string;
  /** Words in order; a link is URL_TOKEN, an @mention MENTION_TOKEN. */
  words: string[];
  /** For each word: 1 when it begins a sentence, a clause (after a comma), a line or a list item. */
  starts: Uint8Array;
  /** The names @mentioned, as written (without the @). */
  mentions: string[];
  links: number;
  /** Characters taken by links: a comment that is mostly link is link-only. */
  linkChars: number;
  letters: number;
  capitals: number;
  questionMarks: number;
  exclamations: number;
  /** Emoji and pictographs. */
  emoji: number;
  /** Letters of scripts other than Latin (Cyrillic, Greek, Arabic, CJK...): the language check looks closer only when there are some. */
  otherScriptLetters: number;
  /** Lines that begin like a list item ("1.", "2)", "-", "*"). */
  listItems: number;
  /** Menu paths given ("Settings > Billing", "File → Export"): where to click. */
  menuPaths: number;
}

// A link (with its scheme or www.), an @mention, a word (letters and digits, with inner
// apostrophes: "can't", "it’s"), or what ends a sentence or a clause ("Kai, open the album, then
// click Edit"). The alternation order matters: a link wins over the words inside it.
const LINK = String.raw`https?:\/\/[^\s<>"]+|www\.[^\s<>"]+`;
const REST = String.raw`|@([\p{L}\p{N}_][\p{L}\p{N}_.-]*)|([\p{L}\p{N}]+(?:['’][\p{L}]+)*)|([.!?:;,]+|\n)`;
const TOKEN = new RegExp(`(${LINK})${REST}`, 'gu');
// A bare domain of a common top-level domain ("deals.example/promo") is a link too. Trying it at
// every word would double the scan, so it is tried only in texts where one may be.
const DOMAIN = String.raw`[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|dev|app|co|info|biz|xyz|shop|site|online|example|me|ai|ly|gg|tv|uk|de|fr|es|it|nl|eu|us|ca|au|in)(?:\/[^\s<>"]*)?(?![\w.]*\w)`;
const TOKEN_WITH_DOMAINS = new RegExp(`(${LINK}|${DOMAIN})${REST}`, 'gu');
const MAY_HAVE_DOMAIN = /\w\.[a-z]{2,}/i;
const LIST_ITEM = /(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]+\S/g;
// A step of a menu path leads to a named item: "Settings > Billing", "Security > 2FA"; not "here -> a
// link", nor a comparison of figures ("1.31 MB > 1 MB").
const MENU_PATH = /\w[\w"')]* ?(?:>|→|»|->) ?["'(]?(?:[A-Z]|\d+[A-Za-z])/g;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;

export function analyze(full: string): Analysis {
  const text = full.length > MAX_CHARS ? full.slice(0, MAX_CHARS) : full;
  const words: string[] = [];
  const startFlags: number[] = [];
  const mentions: string[] = [];
  let links = 0;
  let linkChars = 0;
  let boundary = true;
  const token = MAY_HAVE_DOMAIN.test(text) ? TOKEN_WITH_DOMAINS : TOKEN;
  // Lowercased once rather than word by word; where lowercasing changes the length (a dotted
  // capital I), positions would shift, so each word is lowercased on its own there.
  const folded = text.toLowerCase().replaceAll('’', "'");
  const scanned = folded.length === text.length ? folded : text;
  token.lastIndex = 0;
  for (let m = token.exec(scanned); m !== null; m = token.exec(scanned)) {
    if (m[1] !== undefined) {
      links += 1;
      linkChars += m[1].length;
      words.push(URL_TOKEN);
    } else if (m[2] !== undefined) {
      // The name as written, for the reason ("replies to another member (Kai)").
      mentions.push(text.slice(m.index + 1, m.index + 1 + m[2].length).replace(/[.-]+$/, ''));
      words.push(MENTION_TOKEN);
    } else if (m[3] !== undefined) {
      words.push(scanned === folded ? m[3] : m[3].toLowerCase().replace('’', "'"));
    } else {
      boundary = true;
      continue;
    }
    startFlags.push(boundary ? 1 : 0);
    boundary = false;
  }

  let letters = 0;
  let capitals = 0;
  let questionMarks = 0;
  let exclamations = 0;
  let otherScriptLetters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) letters++;
    else if (c >= 65 && c <= 90) {
      letters++;
      capitals++;
    } else if (c === 63) questionMarks++;
    else if (c === 33) exclamations++;
    else if (c > 127) {
      if (c >= 0x370) otherScriptLetters++;
      const ch = text[i]!;
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      if (lower !== upper) {
        letters++;
        if (ch === upper) capitals++;
      } else if (c === 0xff1f) questionMarks++; // the full-width question mark
    }
  }
  PICTOGRAPH.lastIndex = 0;
  const emoji = text.match(PICTOGRAPH)?.length ?? 0;
  LIST_ITEM.lastIndex = 0;
  const listItems = text.match(LIST_ITEM)?.length ?? 0;
  MENU_PATH.lastIndex = 0;
  const menuPaths = text.includes('>') || text.includes('→') || text.includes('»') ? (text.match(MENU_PATH)?.length ?? 0) : 0;
  return {
    text,
    words,
    starts: Uint8Array.from(startFlags),
    mentions,
    links,
    linkChars,
    letters,
    capitals,
    questionMarks,
    exclamations,
    emoji,
    otherScriptLetters,
    listItems,
    menuPaths,
  };
}

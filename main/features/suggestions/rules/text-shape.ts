// What a comment's shape says, for the rules' "has a link", "link or emoji only" and length
// conditions. Links are read from the comment's HTML where it is at hand (the plain text keeps a
// link's words, not its address), else from addresses written in the text.
import type { RuleSubject } from './subject';

const LINK_IN_HTML = /<a\s[^>]*href\s*=\s*["']?https?:/i;
const ADDRESS = String.raw`(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+`;
const EMOJI = String.raw`[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200D\uFE0F\u20E3]`;
const AN_ADDRESS = new RegExp(ADDRESS, 'iu');
const EVERY_ADDRESS = new RegExp(ADDRESS, 'giu');
const AN_EMOJI = new RegExp(EMOJI, 'u');
const EVERY_EMOJI = new RegExp(EMOJI, 'gu');
const WORDS = /[\p{L}\p{N}]/u;

export function hasLink(subject: RuleSubject): boolean {
  return (subject.html !== undefined && LINK_IN_HTML.test(subject.html)) || AN_ADDRESS.test(subject.text);
}

/** The comment's HTML without its links (their words included), tags and character references. */
function withoutLinks(html: string): string {
  let rest = '';
  let at = 0;
  const lower = html.toLowerCase();
  for (;;) {
    const open = lower.indexOf('<a ', at);
    if (open < 0) break;
    const close = lower.indexOf('</a>', open);
    rest += html.slice(at, open) + ' ';
    if (close < 0) return rest;
    at = close + 4;
  }
  return (rest + html.slice(at)).replace(/<[^>]*>/g, ' ').replace(/&#?\w+;/g, ' ');
}

/** Nothing but links and emoji (and the spaces and punctuation between them), and at least one of them. */
export function linkOrEmojiOnly(subject: RuleSubject): boolean {
  const shown = subject.html !== undefined && subject.html !== '' ? withoutLinks(subject.html) : subject.text;
  const rest = shown.replace(EVERY_ADDRESS, ' ').replace(EVERY_EMOJI, ' ');
  if (WORDS.test(rest)) return false;
  return hasLink(subject) || AN_EMOJI.test(subject.text);
}

/** The text's length in characters as a person counts them (an emoji is one, not two UTF-16 units). */
export function lengthOf(text: string): number {
  let length = 0;
  for (const _character of text.trim()) length++;
  return length;
}

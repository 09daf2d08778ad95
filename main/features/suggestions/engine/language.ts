// Which language a comment is written in, enough to know whether the built-in signals (English
// words) can read it. A script check (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Hangul,
// kana, Han) and, for Latin script, a count of each language's commonest short words.
// Why not a library: franc and its kin compare letter trigrams against tables of a hundred kilobytes
// and take tens to hundreds of microseconds a comment, while scoring has 20 µs in all at ingest;
// the question asked here is only "English or not, and if not, which", which common words answer.

const STOPWORDS: Record<string, readonly string[]> = {
  en: [
    'the', 'and', 'is', 'are', 'was', 'were', "it's", 'this', 'that', 'with', 'for', 'you', 'your', 'my', 'i', "i'm",
    'have', 'has', 'not', 'but', 'what', 'when', 'how', 'why', 'can', "can't", "don't", 'will', 'would', 'just',
    'they', 'there', 'here', 'of', 'to', 'on', 'at', 'from', 'be', 'been', 'we', 'our', 'thanks', 'please', 'it',
    'do', 'does', 'an', 'if', 'so', 'any', 'all', 'still', 'too', 'me', 'or', 'get', 'got', 'about', 'after', 'again',
    'they', 'their', 'which', 'should', 'could', 'did', 'anyone', 'who', 'by', 'out', 'up', 'now', 'some', 'know',
  ],
  de: [
    'der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'sie', 'ein', 'eine', 'einen', 'mit', 'auf', 'für', 'den',
    'dem', 'zu', 'von', 'wir', 'auch', 'aber', 'noch', 'wie', 'mein', 'meine', 'seit', 'bei', 'sind', 'kann',
    'habe', 'wird', 'schon', 'nur', 'immer', 'keine', 'kein', 'bitte', 'danke', 'warum', 'wann', 'wieder', 'oder',
    'sich', 'dass', 'über', 'gibt', 'geht', 'funktioniert', 'ihr', 'euch', 'hier', 'jetzt', 'mal', 'doch',
  ],
  fr: [
    'le', 'la', 'les', 'et', 'est', 'je', 'pas', 'une', 'des', 'du', 'que', 'qui', 'pour', 'avec', 'sur', 'mon',
    'ma', 'mes', 'ce', 'cette', 'il', 'elle', 'nous', 'vous', 'ne', 'plus', 'mais', 'où', 'très', 'depuis',
    'merci', 'bonjour', 'pourquoi', 'quand', 'aussi', "j'ai", "c'est", "n'est", 'suis', 'sont', 'été', 'ça', 'au',
    'aux', 'dans', 'votre', 'vos', 'fait', 'rien', 'toujours', 'encore',
  ],
  es: [
    'el', 'los', 'las', 'y', 'es', 'que', 'por', 'para', 'con', 'mi', 'está', 'están', 'pero', 'muy', 'lo', 'se',
    'una', 'del', 'al', 'su', 'como', 'cuando', 'qué', 'hola', 'gracias', 'porque', 'también', 'tengo', 'hay',
    'sin', 'desde', 'todo', 'nada', 'ya', 'esto', 'este', 'esta', 'puedo', 'mis', 'sus', 'ustedes', 'nadie',
    'funciona', 'cuenta', 'sigue', 'todavía',
  ],
  pt: [
    'o', 'os', 'e', 'é', 'não', 'um', 'uma', 'do', 'da', 'dos', 'das', 'para', 'com', 'meu', 'minha', 'está',
    'mas', 'muito', 'você', 'vocês', 'obrigado', 'obrigada', 'quando', 'porque', 'também', 'tenho', 'isso', 'sem',
    'ao', 'já', 'ainda', 'foi', 'são', 'nós', 'ninguém', 'funciona', 'conta', 'olá',
  ],
  it: [
    'il', 'lo', 'gli', 'e', 'è', 'che', 'non', 'un', 'una', 'di', 'per', 'con', 'mio', 'mia', 'ma', 'sono',
    'anche', 'molto', 'grazie', 'perché', 'quando', 'questo', 'questa', 'ho', 'ha', 'del', 'della', 'nel', 'già',
    'ancora', 'come', 'tutto', 'niente', 'ciao', 'funziona', 'nessuno', 'vostro',
  ],
  nl: [
    'de', 'het', 'een', 'en', 'is', 'niet', 'ik', 'van', 'dat', 'op', 'voor', 'met', 'mijn', 'maar', 'ook', 'nog',
    'wel', 'geen', 'zijn', 'heb', 'kan', 'bij', 'naar', 'wat', 'hoe', 'waarom', 'wanneer', 'dank', 'bedankt', 'er',
    'dit', 'deze', 'jullie', 'werkt', 'niemand',
  ],
};

const LANGS = Object.keys(STOPWORDS);
const WORD_LANGS = new Map<string, number[]>();
for (const [i, lang] of LANGS.entries()) {
  for (const word of STOPWORDS[lang]!) {
    const list = WORD_LANGS.get(word) ?? [];
    if (!list.includes(i)) list.push(i);
    WORD_LANGS.set(word, list);
  }
}

// Scripts that name their language by themselves (ranges of the letters, not punctuation).
const SCRIPTS: readonly (readonly [number, number, string])[] = [
  [0x0400, 0x04ff, 'ru'],
  [0x0370, 0x03ff, 'el'],
  [0x0590, 0x05ff, 'he'],
  [0x0600, 0x06ff, 'ar'],
  [0x0900, 0x097f, 'hi'],
  [0x0e00, 0x0e7f, 'th'],
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
];
const UKRAINIAN_LETTERS = /[іїєґ]/i;

/** How many of a text's first words the common-word count looks at: enough to tell. */
const LANGUAGE_WORDS = 60;
/** How many of a text's first characters the script check looks at. */
const SCRIPT_SAMPLE = 300;

function scriptLanguage(text: string): string | null {
  const n = Math.min(text.length, SCRIPT_SAMPLE);
  let latin = 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if (c >= 0x370) {
      for (const [from, to, lang] of SCRIPTS) {
        if (c >= from && c <= to) {
          counts.set(lang, (counts.get(lang) ?? 0) + 1);
          break;
        }
      }
    }
  }
  let best: string | null = null;
  let most = 0;
  for (const [lang, count] of counts) if (count > most) [best, most] = [lang, count];
  if (best === null || most < latin) return null;
  // Japanese mixes kana into Han; Han alone is Chinese.
  if (best === 'zh' && (counts.get('ja') ?? 0) > 0) return 'ja';
  if (best === 'ru' && UKRAINIAN_LETTERS.test(text.slice(0, n))) return 'uk';
  return best;
}

/**
 * The language of a comment's (lowercased) words and text: ISO 639-1, or 'und' when it cannot
 * tell (a few words, or a language it does not know).
 */
export function languageOfWords(words: readonly string[], text: string, otherScriptLetters = 1): string {
  const script = otherScriptLetters > 0 ? scriptLanguage(text) : null;
  if (script !== null) return script;
  const hits = new Array<number>(LANGS.length).fill(0);
  const n = Math.min(words.length, LANGUAGE_WORDS);
  for (let w = 0; w < n; w++) {
    const langs = WORD_LANGS.get(words[w]!);
    if (langs !== undefined) for (const i of langs) hits[i]! += 1;
  }
  let best = -1;
  let most = 0;
  for (let i = 0; i < hits.length; i++) {
    if (hits[i]! > most) [best, most] = [i, hits[i]!];
  }
  // One common word in a short text is chance ("die", "come"): two are needed, or one in three words.
  if (best < 0 || (most < 2 && words.length > 3)) return 'und';
  return LANGS[best]!;
}

/** A word too common to tell comments apart ("the", "und"): never named in a reason. */
export function isCommonWord(word: string): boolean {
  return word.length < 3 || WORD_LANGS.has(word);
}

// Languages the signals do not read, and texts with nothing to go on, get low confidence and no suggestion.
import { describe, expect, it } from 'vitest';
import { suggest, languageOf, DEFAULT_THRESHOLD } from '../../../main/features/suggestions/engine';
import { comment } from './engine-helpers';

describe('language and weak evidence', () => {
  it.each([
    ['Die Seite lädt seit heute Morgen nicht, und der Support antwortet auch nicht. Wann geht das wieder?', 'de'],
    ['Le site ne marche plus depuis ce matin, et personne ne répond à mes messages.', 'fr'],
    ['No puedo entrar a mi cuenta desde ayer y nadie contesta el correo.', 'es'],
    ['Сайт не открывается с утра, когда это исправят?', 'ru'],
    ['サイトが朝から表示されません。いつ直りますか？', 'ja'],
    ['The site has been down since this morning and nobody answers the phone.', 'en'],
    ['ok', 'und'],
  ])('tells the language of %j', (text, lang) => {
    expect(languageOf(text)).toBe(lang);
  });

  it.each([
    'Die Seite lädt seit heute Morgen nicht, und der Support antwortet auch nicht. Wann geht das wieder?',
    'Le site ne marche plus depuis ce matin, et personne ne répond à mes messages.',
    'Сайт не открывается с утра, когда это исправят?',
  ])('a language the signals do not read gets no suggestion, and says why: %j', (text) => {
    const suggestion = suggest(comment(text));
    expect(suggestion.route).toBeNull();
    expect(suggestion.confidence).toBeLessThan(DEFAULT_THRESHOLD);
    expect(suggestion.reasons[0]).toMatch(/^written in \w+, which the built-in signals do not read$/);
  });

  it('a bare link is link-only in any language', () => {
    expect(suggest(comment('https://gewinnspiel.example.de/jetzt')).route).toBe('ignore');
  });

  it.each(['', '   ', 'The new colour is a bit darker than the old one and the icons moved slightly to the left.'])(
    'no evidence, low confidence and no suggestion: %j',
    (text) => {
      const suggestion = suggest(comment(text));
      expect(suggestion.route).toBeNull();
      expect(suggestion.confidence).toBeLessThan(0.4);
    },
  );
});

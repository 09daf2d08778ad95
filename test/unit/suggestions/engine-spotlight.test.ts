// Community spotlight signals: members helping each other and building the community.
import { describe, expect, it } from 'vitest';
import { suggest, signalsOf, weigh } from '../../../main/features/suggestions/engine';
import { comment } from './engine-helpers';

const question = [{ author: 'Kai Moreno', text: 'Does anyone know how to move my photos to the new album layout?' }];

describe('community spotlight signals', () => {
  it('gives steps to another member who asked', () => {
    const text = 'Kai, open the album, then click Edit layout. Drag the photos into the new grid and press Save.';
    const suggestion = suggest(comment(text, question));
    expect(suggestion.route).toBe('spotlight');
    expect(suggestion.reasons).toEqual(expect.arrayContaining(['gives steps to follow', 'replies to another member (Kai)']));
    expect(signalsOf(comment(text, question)).map((s) => s.id)).toContain('answers-question');
  });

  it.each([
    ['a workaround', 'Kai, in the meantime the old upload page still works for me at /classic, that is my workaround until they fix it.', 'gives another member a workaround'],
    ['a guide of their own', 'I wrote a guide to the new album layout with screenshots, hope it helps: https://notes.example.org/albums', 'links to a guide or something they made'],
    ['an offer of help', 'Kai, if you need a hand migrating a big library, happy to help. I moved 40,000 photos last month, ping me.', 'offers to help'],
  ])('routes %s, in reply to a question, to the spotlight', (_, text, reason) => {
    const suggestion = suggest(comment(text, question));
    expect(suggestion.route).toBe('spotlight');
    expect(suggestion.reasons).toContain(reason);
  });

  it.each([
    ['a meetup', 'We are organising a photo walk in Lisbon on the 12th, anyone in town is welcome to join us.', 'organises a meetup or brings members together'],
    ['thanks to a member', '@kai thanks so much, that did it!', 'thanks another member'],
  ])('routes %s to the spotlight', (_, text, reason) => {
    const suggestion = suggest(comment(text));
    expect(suggestion.route).toBe('spotlight');
    expect(suggestion.reasons).toContain(reason);
  });

  it('one piece of evidence alone leans spotlight without being sure enough to suggest it', () => {
    const weighed = weigh(comment('That is my workaround until it is fixed.'));
    expect(weighed.top).toBe('spotlight');
    expect(weighed.reasons).toEqual(['gives another member a workaround']);
    expect(suggest(comment('That is my workaround until it is fixed.')).route).toBeNull();
  });

  it('counter-examples: a request to the company is not advice, @support is not a member', () => {
    const ids = signalsOf(comment('Can you add a way to move photos between albums?')).map((s) => s.id);
    expect(ids).not.toContain('advises');
    const toSupport = signalsOf(comment('@support my album page shows an error since yesterday')).map((s) => s.id);
    expect(toSupport).not.toContain('replies-to-member');
    expect(suggest(comment('@support my album page shows an error since yesterday')).route).toBe('service');
  });

  it('a menu path shows where to find a setting; an arrow to a link does not', () => {
    const ids = signalsOf(comment('It moved: Settings > Sharing > Public links, the toggle at the bottom.')).map((s) => s.id);
    expect(ids).toContain('menu-path');
    expect(signalsOf(comment('Great deals here -> deals.example/now')).map((s) => s.id)).not.toContain('menu-path');
    // A bug report comparing figures is no menu path (the sample's "1.31 MB > 1 MB" was read as one, suggesting Spotlight 89%).
    expect(signalsOf(comment('Deploy fails with "bundle too large (1.31 MB > 1 MB)" but my bundle is 880 KB.')).map((s) => s.id)).not.toContain('menu-path');
    expect(signalsOf(comment('Turn it on under Security > 2FA, then log in again.')).map((s) => s.id)).toContain('menu-path');
  });
});

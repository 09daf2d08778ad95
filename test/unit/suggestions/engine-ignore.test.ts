// Ignore signals: noise and spam, in any language where they are about shape rather than words.
import { describe, expect, it } from 'vitest';
import { suggest, signalsOf } from '../../../main/features/suggestions/engine';
import { comment } from './engine-helpers';

describe('ignore signals', () => {
  it.each([
    ['a bare link', 'https://deals.example.net/offer?id=77', 'link-only'],
    ['emoji only', '🔥🔥🔥', 'emoji only'],
    ['spam phrases', 'Guaranteed returns!! Earn 300 per day from home, click here to invest now', 'known spam phrase'],
    ['empty praise', 'Nice article, well written.', 'empty praise, nothing to answer'],
    ['very short', 'ok cool', 'very short, nothing to answer'],
  ])('routes %s to ignore', (_, text, reason) => {
    const suggestion = suggest(comment(text));
    expect(suggestion.route).toBe('ignore');
    expect(suggestion.reasons).toContain(reason);
  });

  it('a comment posted again in the thread is repeated text', () => {
    const text = 'Visit my profile for a surprise';
    const ids = signalsOf(comment(text, [{ author: 'Someone Else', text: 'visit my   profile for a surprise' }])).map((s) => s.id);
    expect(ids).toContain('repeated');
  });

  it('shouting is noticed, but a shouted complaint is still customer service', () => {
    const text = 'MY SITE IS DOWN AGAIN AND NOBODY ANSWERS MY TICKET';
    expect(signalsOf(comment(text)).map((s) => s.id)).toContain('shouting');
    expect(suggest(comment(text)).route).toBe('service');
  });

  it('counter-examples: a short question is not noise, a link with an answer is not link-only', () => {
    expect(signalsOf(comment('Refund status?')).map((s) => s.id)).not.toContain('very-short');
    const ids = signalsOf(comment('You can fix the export by clearing the cache, the steps are here: https://help.example.org/cache')).map((s) => s.id);
    expect(ids).not.toContain('link-only');
  });

  it('a reply in the company’s own voice needs no routing, and trips no complaint signal', () => {
    const text = 'Thanks for the reports, everyone. We are aware of the login errors and we will update this thread within the hour.';
    const ids = signalsOf(comment(text, [{ author: 'Ana Ruiz', text: 'Login is broken for me.' }])).map((s) => s.id);
    expect(ids).toContain('staff');
    expect(ids).not.toContain('reports-broken');
    expect(ids).not.toContain('answers-question');
    expect(suggest(comment(text)).route).toBe('ignore');
  });

  it('an aside about the company, or nothing to act on, leans ignore without a suggestion', () => {
    const aside = comment('Funny how they always ship the big redesign right before the holidays.');
    expect(signalsOf(aside).map((s) => s.id)).toEqual(['talks-about', 'nothing-to-act-on']);
    expect(suggest(aside).route).toBeNull();
    const plain = comment('The new colour is a bit darker than the old one.');
    expect(signalsOf(plain).map((s) => s.id)).toEqual(['nothing-to-act-on']);
  });

  it('counter-examples: speaking to the company, or a problem of one’s own, is not an aside', () => {
    expect(signalsOf(comment('Why do you always ship the big redesign right before the holidays?')).map((s) => s.id)).not.toContain('talks-about');
    expect(signalsOf(comment('They charged my card twice and my invoice shows it.')).map((s) => s.id)).not.toContain('talks-about');
  });

  it('a representative introducing themselves speaks for the company', () => {
    const ids = signalsOf(comment('Hi all, Dana from Pinecloud here. The new plans start in March and nothing changes before then.')).map((s) => s.id);
    expect(ids).toContain('staff');
    expect(signalsOf(comment('Hi all, I came here from the newsletter and love the new plans.')).map((s) => s.id)).not.toContain('staff');
  });
});

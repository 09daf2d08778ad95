// Customer service signals: a question or complaint the company owes an answer to.
import { describe, expect, it } from 'vitest';
import { suggest, signalsOf } from '../../../main/features/suggestions/engine';
import { comment } from './engine-helpers';

describe('customer service signals', () => {
  it.each([
    ['asks when the site will be back', 'Our booking page has been down since 9 this morning. When will it be back?', 'asks the company when the site will be back'],
    ['a double charge', 'I was charged twice for the annual plan, please refund one of them.', 'about billing, a charge or a refund'],
    ['nobody answers', 'Opened a ticket on Monday about my account being locked and still no reply.', 'says the company has not answered them'],
    ['paying and unhappy', 'I pay for the Pro tier and the export has been broken for a week. Unacceptable.', 'is unhappy with the service'],
  ])('routes %s to customer service, with the reason in plain words', (_, text, reason) => {
    const suggestion = suggest(comment(text));
    expect(suggestion.route).toBe('service');
    expect(suggestion.confidence).toBeGreaterThanOrEqual(0.6);
    expect(suggestion.reasons).toContain(reason);
  });

  it('a second complaint in an outage thread leans service', () => {
    const earlier = [{ author: 'Ana Ruiz', text: 'The dashboard is down for everyone in our office.' }];
    const ids = signalsOf(comment('Same here, nothing loads for us either.', earlier)).map((s) => s.id);
    expect(ids).toContain('outage-thread');
    expect(suggest(comment('Same here, nothing loads for us either.', earlier)).route).toBe('service');
  });

  it('counter-examples: a member telling another what to do, a word that only looks like a complaint', () => {
    const helping = suggest(comment('Ana, you can export the invoice from Settings > Billing, the button is at the bottom of the page.', [{ author: 'Ana Ruiz', text: 'Where do I find my invoice?' }]));
    expect(helping.route).toBe('spotlight');
    const ids = signalsOf(comment('Can you tell me when the next meetup is?')).map((s) => s.id);
    expect(ids).not.toContain('asks-when-back');
  });

  it('“when” words ask only in a question: praise of a status post’s timeline is not asking when the site is back', () => {
    const earlier = [{ author: 'Ana Ruiz', text: 'The dashboard was down for an hour.' }];
    const ids = signalsOf(comment('Clear write-up, the timeline and the status updates were useful.', earlier)).map((s) => s.id);
    expect(ids).not.toContain('asks-when-back');
    expect(signalsOf(comment('Any update on the timeline? Still down here.', earlier)).map((s) => s.id)).toContain('asks-when-back');
  });
});

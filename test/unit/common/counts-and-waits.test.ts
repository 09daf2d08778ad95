import { describe, expect, it } from 'vitest';
import { formatHours } from '../../../common/duration';
import { count, noun } from '../../../common/plural';

describe('counts in words', () => {
  it('says one in the singular and every other number in the plural', () => {
    expect([0, 1, 2, 1000].map((n) => count(n, 'comment'))).toEqual(['0 comments', '1 comment', '2 comments', '1,000 comments']);
    expect(count(1, 'reply', 'replies')).toBe('1 reply');
    expect(count(3, 'reply', 'replies')).toBe('3 replies');
    expect(noun(1, 'community answer')).toBe('community answer');
  });
});

describe('waits', () => {
  it('reads in minutes, hours, then days and hours', () => {
    expect([0.25, 5.9, 24, 52.5, 72].map(formatHours)).toEqual(['15 min', '5 h', '1 d', '2 d 4 h', '3 d']);
  });
});

import { describe, expect, it } from 'vitest';
import { markdownLink } from '../../../common/markdown';

describe('markdownLink', () => {
  it('keeps a hostile destination inside one link: ( ) < > and whitespace are percent-encoded', () => {
    expect(markdownLink('comment', 'http://host/p?x=)[Verify your account](javascript:alert(1))')).toBe(
      '[comment](http://host/p?x=%29[Verify%20your%20account]%28javascript:alert%281%29%29)',
    );
    expect(markdownLink('x', 'http://host/<b>\tq\n')).toBe('[x](http://host/%3Cb%3E%09q%0A)');
  });

  it('escapes brackets in the label, so it cannot close the link early', () => {
    expect(markdownLink('a](javascript:alert(1))[b', 'https://ok.example/')).toBe('[a\\]\\(javascript:alert\\(1\\)\\)\\[b](https://ok.example/)');
  });
});

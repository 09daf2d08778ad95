// What a person reads of a failure (issue 13: errors are sentences, without internal prefixes).
import { describe, expect, it } from 'vitest';
import { sentence, SwitchboardError } from '../../../common/errors';

describe('sentence', () => {
  it('drops the stage, starts with a capital and ends with a full stop', () => {
    expect(sentence(new SwitchboardError('invalid-input', 'export', 'no reply is marked ready yet'))).toBe('No reply is marked ready yet.');
    expect(sentence(new Error('reply: the clipboard refused the text; copy it by hand'))).toBe('The clipboard refused the text; copy it by hand.');
    expect(sentence('database: the disk holding /x.db is full, so nothing was saved.')).toBe('The disk holding /x.db is full, so nothing was saved.');
  });

  it('keeps a name it starts with as written', () => {
    expect(sentence(new SwitchboardError('invalid-input', 'subscribe', 'http://127.0.0.1/feed is on your own computer (127.0.0.1)'))).toBe('http://127.0.0.1/feed is on your own computer (127.0.0.1).');
    expect(sentence(new SwitchboardError('invalid-input', 'cli', '--feed must be a positive whole number, not "x"'))).toBe('--feed must be a positive whole number, not "x".');
    expect(sentence(new SwitchboardError('invalid-input', 'cli', 'item-id must be a positive whole number, not "x"'))).toBe('item-id must be a positive whole number, not "x".');
  });

  it('glues no full stop to an address, a path or a command to copy', () => {
    expect(sentence(new SwitchboardError('invalid-input', 'subscribe', 'the page also offers https://blog.example/feed/'))).toBe('The page also offers https://blog.example/feed/');
    expect(sentence(new SwitchboardError('unavailable', 'database', "restore it with: switchboard restore b.sqlite --db '/tmp/my db'"))).toBe("Restore it with: switchboard restore b.sqlite --db '/tmp/my db'");
  });
});

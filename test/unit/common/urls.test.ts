import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl } from '../../../common/urls';

const FILE_ENTRY = 'file:///opt/switchboard/out/renderer/index.html';
const DEV_ENTRY = 'http://localhost:5173/';

describe('isAppUrl', () => {
  it.each([
    [FILE_ENTRY, FILE_ENTRY],
    ['file:///opt/switchboard/out/renderer/index.html#/item/3', FILE_ENTRY],
    ['file:///opt/switchboard/out/renderer/index.html?view=inbox', FILE_ENTRY],
    ['http://localhost:5173/some/route', DEV_ENTRY],
  ])('trusts the console page %s', (url, entry) => {
    expect(isAppUrl(url, entry)).toBe(true);
  });

  it.each([
    ['file:///etc/passwd', FILE_ENTRY],
    ['file:///opt/switchboard/out/renderer/other.html', FILE_ENTRY],
    ['file://evil.example/opt/switchboard/out/renderer/index.html', FILE_ENTRY],
    ['https://example.com/', FILE_ENTRY],
    ['http://localhost:5174/', DEV_ENTRY],
    ['http://localhost.evil.example:5173/', DEV_ENTRY],
    ['about:blank', FILE_ENTRY],
    ['not a url', FILE_ENTRY],
    [undefined, FILE_ENTRY],
  ])('refuses %s', (url, entry) => {
    expect(isAppUrl(url, entry)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://blog.example.com/post#comment-3', 'http://forum.example.org/t/1'])('opens %s in the system browser', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x', 'smb://host/share', 'https://user:pw@example.com/', ''])(
    'refuses %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(false);
    },
  );
});

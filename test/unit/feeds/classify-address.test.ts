import { describe, expect, it } from 'vitest';
import { classifyAddress as reexported } from '../../../main/features/feeds/fetch/fetcher';
import { classifyAddress, isLocalNetworkHost } from '../../../common/ip-address';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1'],
    ['127.255.255.254'],
    ['0.0.0.0'],
    ['0.1.2.3'],
    ['::1'],
    ['::'],
    ['0:0:0:0:0:0:0:1'],
    ['[::1]'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'], // how the WHATWG URL parser writes ::ffff:127.0.0.1
    ['::ffff:0.0.0.0'],
  ])('%s is loopback', (ip) => {
    expect(classifyAddress(ip)).toBe('loopback');
  });

  it.each([
    ['10.0.0.1'],
    ['10.255.255.255'],
    ['172.16.0.1'],
    ['172.31.255.255'],
    ['192.168.1.1'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['100.127.255.255'],
    ['fc00::1'],
    ['fd12:3456:789a::1'],
    ['fe80::1'],
    ['fe80::1%eth0'],
    ['febf::1'],
    ['::ffff:192.168.0.1'],
    ['::ffff:a00:1'],
    ['64:ff9b::10.0.0.1'],
    ['not an address'],
    ['1.2.3'],
    ['256.1.1.1'],
    ['1:2:3:4:5:6:7:8:9'],
    ['1::2::3'],
  ])('%s is private (unparseable input fails closed)', (ip) => {
    expect(classifyAddress(ip)).toBe('private');
  });

  it.each([
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['172.15.255.255'],
    ['172.32.0.1'],
    ['192.169.0.1'],
    ['100.63.255.255'],
    ['100.128.0.1'],
    ['169.253.1.1'],
    ['11.0.0.1'],
    ['126.255.255.255'],
    ['128.0.0.1'],
    ['2606:4700:4700::1111'],
    ['2001:db8::1'],
    ['fe00::1'],
    ['::ffff:8.8.8.8'],
    ['::ffff:808:808'],
    ['64:ff9b::8.8.8.8'],
  ])('%s is public', (ip) => {
    expect(classifyAddress(ip)).toBe('public');
  });

  it('is what the fetcher uses by default', () => {
    expect(reexported).toBe(classifyAddress);
  });
});

describe('isLocalNetworkHost (comment images)', () => {
  // Hosts as `new URL(src).hostname` writes them.
  const host = (url: string) => new URL(url).hostname;

  it.each([
    'http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://0.0.0.0/', 'http://[::1]/', 'http://[::]/',
    'http://[::ffff:127.0.0.1]/', 'http://[::ffff:192.168.0.1]/', 'http://169.254.169.254/', 'http://10.1.2.3/',
    'http://172.16.0.1/', 'http://172.31.255.255/', 'http://192.168.1.1/', 'http://100.64.0.1/',
    'http://192.0.2.1/', 'http://198.51.100.7/', 'http://203.0.113.9/', 'http://[2001:db8::1]/',
    'http://[fc00::1]/', 'http://[fd12:3456::1]/', 'http://[fe80::1]/', 'http://[febf::1]/',
    'http://localhost/', 'http://LOCALHOST./', 'http://app.localhost/', 'http://printer.local/',
    'http://router.home.arpa/', 'http://metadata.google.internal/',
  ])('%s is local', (url) => {
    expect(isLocalNetworkHost(host(url))).toBe(true);
  });

  it.each([
    'https://images.example.org/', 'http://8.8.8.8/', 'http://172.32.0.1/', 'http://192.169.0.1/',
    'http://[2606:4700:4700::1111]/', 'http://[::ffff:8.8.8.8]/', 'https://localhost.example.com/',
    'https://local.example/', 'https://mylocal/',
  ])('%s is not', (url) => {
    expect(isLocalNetworkHost(host(url))).toBe(false);
  });
});

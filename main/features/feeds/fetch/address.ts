// Which kind of network an IP address belongs to. The fetcher uses this to refuse a redirect that
// starts on the public internet and ends on the moderator's own machine or LAN (SSRF: a hostile
// feed host must not make the console talk to a router page or a local service on its behalf).
import type { AddressClass } from './types';

/** Parses a dotted-quad IPv4 address into its four octets, or null. Strict on purpose: the input
 *  comes from DNS answers, socket addresses or WHATWG-normalised URL hosts, all canonical. */
function parseIPv4(ip: string): [number, number, number, number] | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  if (octets.some((n) => !(n >= 0 && n <= 255))) return null;
  return octets as [number, number, number, number];
}

/** Parses an IPv6 address (compressed, with an embedded IPv4 tail, bracketed or with a zone id)
 *  into its eight 16-bit groups, or null. */
function parseIPv6(ip: string): number[] | null {
  let text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(':');
  if (lastColon < 0) return null;
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    // ::ffff:1.2.3.4 → ::ffff:102:304, so the rest of the parser only sees hex groups.
    const v4 = parseIPv4(tail);
    if (!v4) return null;
    text = `${text.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): string[] => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return all.map((group) => parseInt(group, 16));
}

function classifyIPv4([a, b]: [number, number, number, number]): AddressClass {
  if (a === 127) return 'loopback';
  // 0.0.0.0/8 "this network": connecting to 0.0.0.0 reaches the local machine on Linux and macOS.
  if (a === 0) return 'loopback';
  if (a === 10) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 169 && b === 254) return 'private'; // link-local, includes cloud metadata 169.254.169.254
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT 100.64/10
  return 'public';
}

/**
 * Classifies an IP address. IPv4 loopback 127/8 and 0/8 and IPv6 ::1 and :: are 'loopback';
 * RFC 1918, link-local, CGNAT, IPv6 unique-local fc00::/7 and link-local fe80::/10 are 'private';
 * IPv4 embedded in IPv6 (::ffff:a.b.c.d, ::a.b.c.d, NAT64 64:ff9b::/96) is classified as the IPv4
 * address it reaches. Everything else is 'public'. Something that is not an IP address at all is
 * 'private': failing closed means a redirect to it from a public host is refused.
 */
export function classifyAddress(ip: string): AddressClass {
  const v4 = parseIPv4(ip);
  if (v4) return classifyIPv4(v4);
  const g = parseIPv6(ip);
  if (!g) return 'private';
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = (): AddressClass => classifyIPv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return 'loopback'; // :: and ::1
  if (firstFiveZero && (g5 === 0xffff || g5 === 0)) return embedded(); // mapped / compatible
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded();
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return 'private'; // link-local fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local fec0::/10
  return 'public';
}

// Which kind of network an IP address or host name belongs to: the one definition, pure (no DNS),
// shared by the fetcher (which refuses a redirect from the public internet to the moderator's own
// machine or LAN: SSRF) and the sanitizer (which drops comment images pointing there, so opening
// a comment never sends a blind GET to a router page or a local service).

export type AddressClass = 'public' | 'private' | 'loopback';

type IPv4 = [number, number, number, number];

/** Parses a dotted-quad IPv4 address into its four octets, or null. Strict on purpose: the input
 *  comes from DNS answers, socket addresses or WHATWG-normalised URL hosts, all canonical. */
function parseIPv4(ip: string): IPv4 | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  if (octets.some((n) => !(n >= 0 && n <= 255))) return null;
  return octets as IPv4;
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

/** An IP address as what it reaches: an IPv4 address (also when embedded in IPv6: ::ffff:a.b.c.d,
 *  ::a.b.c.d, NAT64 64:ff9b::/96), or IPv6 groups; null when it is not an IP address. */
type Parsed = { v4: IPv4 } | { v6: number[] };

function parseIp(ip: string): Parsed | null {
  const v4 = parseIPv4(ip);
  if (v4) return { v4 };
  const g = parseIPv6(ip);
  if (!g) return null;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  const loopbackOrUnspecified = firstFiveZero && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1);
  const embedded = (firstFiveZero && (g5 === 0xffff || g5 === 0)) ||
    (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0);
  if (embedded && !loopbackOrUnspecified) return { v4: [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff] };
  return { v6: g };
}

function classifyIPv4([a, b]: IPv4): AddressClass {
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

function classifyParsed(parsed: Parsed): AddressClass {
  if ('v4' in parsed) return classifyIPv4(parsed.v4);
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = parsed.v6;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return 'loopback'; // :: and ::1
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return 'private'; // link-local fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local fec0::/10
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
  const parsed = parseIp(ip);
  return parsed ? classifyParsed(parsed) : 'private';
}

/** Documentation ranges (RFC 5737 192.0.2/24, 198.51.100/24, 203.0.113/24; RFC 3849 2001:db8::/32):
 *  never on the public internet, so anything pointing there is a probe, not content. */
function isDocumentation(parsed: Parsed): boolean {
  if ('v4' in parsed) {
    const [a, b, c] = parsed.v4;
    return (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113);
  }
  return parsed.v6[0] === 0x2001 && parsed.v6[1] === 0x0db8;
}

/** Names that resolve to this machine or the local network by convention (RFC 6761 localhost,
 *  RFC 6762 mDNS .local, RFC 8375 home.arpa, ICANN's private-use .internal). */
const LOCAL_NAME = /(?:^|\.)(?:localhost|local|home\.arpa|internal)$/i;

/**
 * True when a URL's host names the moderator's own machine or network without DNS: an IP literal
 * (as the WHATWG URL parser writes it: dotted IPv4, bracketed IPv6) that is loopback, unspecified,
 * private, link-local or a documentation address, or a local name (localhost, *.localhost,
 * *.local, *.home.arpa, *.internal; a trailing dot ignored). Other names are not looked up.
 */
export function isLocalNetworkHost(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const parsed = parseIp(name);
  if (parsed) return classifyParsed(parsed) !== 'public' || isDocumentation(parsed);
  return LOCAL_NAME.test(name);
}

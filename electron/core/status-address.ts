// Which machines the status page refresh may reach. The address in the profile is what the user
// asked for (shown beside the button before it is pressed), so it may be on the company network
// or this machine; but a redirect from a public page may not lead into the private network (the
// classic way a page on the internet makes a client fetch from inside), and link-local addresses
// (cloud metadata services) and unspecified ones are never read.
import net from 'node:net';

export type Reach = 'public' | 'private' | 'forbidden';

function ipv4Reach(ip: string): Reach {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  if (a === 0 || a >= 224) return 'forbidden'; // "this network", multicast, reserved, broadcast
  if (a === 169 && b === 254) return 'forbidden'; // link-local: cloud metadata lives here
  if (a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return 'public';
}

/** The reach of an IP address (v4 or v6, without brackets). */
export function reachOf(ip: string): Reach {
  if (net.isIPv4(ip)) return ipv4Reach(ip);
  const v6 = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return ipv4Reach(mapped[1]!);
  if (v6 === '::') return 'forbidden';
  if (v6 === '::1') return 'private';
  if (/^fe[89ab]/.test(v6) || /^ff/.test(v6)) return 'forbidden'; // link-local, multicast
  if (/^f[cd]/.test(v6)) return 'private'; // unique local
  return 'public';
}

/**
 * Refuses what a hop may not reach: never a forbidden address; a private one only when the chain
 * began on a private address (the user's own choice). Returns the reason, or null when allowed.
 */
export function refusedReach(reach: Reach, chainStartedPrivate: boolean): string | null {
  if (reach === 'forbidden') return 'a link-local, multicast or unspecified address, which is never read';
  if (reach === 'private' && !chainStartedPrivate) return 'an address on a private network or this machine, reached from a public page';
  return null;
}

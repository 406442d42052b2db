// Webhook receivers must be public: a URL naming (or resolving to) a loopback, private, link-local
// or otherwise special address would let a client make the platform call its own network
// (request forgery). Every address the name resolves to is checked, at registration and again
// inside the delivery's own connection (its DNS lookup), so a name re-pointed after registration
// (DNS rebinding) is refused too.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const special = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  special.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  special.addSubnet(net, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export type AddressVerdict = 'PUBLIC' | 'LOOPBACK' | 'PRIVATE';

export function classifyAddress(raw: string): AddressVerdict {
  const { address, family } = normalise(raw);
  if (loopback.check(address, family)) return 'LOOPBACK';
  // Any other IPv4-mapped/translated form would hide an address: treat the whole range as special.
  if (family === 'ipv6' && /^::ffff:/i.test(raw)) return 'PRIVATE';
  return special.check(address, family) ? 'PRIVATE' : 'PUBLIC';
}

export const allowedAddress = (address: string, allowLoopback: boolean): boolean => {
  const verdict = classifyAddress(address);
  return verdict === 'PUBLIC' || (verdict === 'LOOPBACK' && allowLoopback);
};

export class RefusedAddressError extends Error {
  constructor(readonly host: string) {
    super(`webhook receiver ${host} resolves to a loopback, private or reserved address`);
  }
}

/** Every address `host` resolves to (an IP literal is its own). */
export async function resolveAll(host: string): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return [bare];
  return new Promise((resolve, reject) =>
    dnsLookup(bare, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    ),
  );
}

/**
 * A `lookup` for the delivery's socket: resolves the name, refuses the connection when any
 * address is not allowed, else connects to exactly the addresses checked.
 */
export function checkedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      if (list.length === 0 || list.some((a) => !allowedAddress(a.address, allowLoopback)))
        return callback(new RefusedAddressError(hostname), '', 0);
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      else callback(null, list[0].address, list[0].family);
    });
  };
}

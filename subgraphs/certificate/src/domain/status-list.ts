import { gunzipSync, gzipSync } from 'node:zlib';

// Bitstring Status List v1.0 (W3C): bit i is the status of the entry with statusListIndex i, the
// first index being the most significant bit of the first byte; the list is GZIP-compressed and
// base64url-encoded with the multibase prefix `u`. At least 16 KB (131,072 entries) so one entry
// cannot be told from its neighbours by the list's size.
export const STATUS_LIST_SIZE = 131_072;
export const STATUS_PURPOSE = 'revocation';

/** Which list an index is in (1-based, as in the URL /credentials/status/<list>) and where. */
export function statusListPosition(index: number): { list: number; bit: number } {
  return { list: Math.floor(index / STATUS_LIST_SIZE) + 1, bit: index % STATUS_LIST_SIZE };
}

export function encodeStatusList(setBits: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bytes = Buffer.alloc(size / 8);
  for (const bit of setBits) {
    if (bit < 0 || bit >= size) throw new Error(`status bit ${bit} outside the list`);
    bytes[bit >> 3] |= 0x80 >> (bit & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

export function statusBitOf(encodedList: string, bit: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('status list is not multibase base64url');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (bit >= bytes.length * 8) throw new Error('status bit outside the list');
  return (bytes[bit >> 3] & (0x80 >> (bit & 7))) !== 0;
}

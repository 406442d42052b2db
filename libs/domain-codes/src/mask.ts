// Masking for lists and logs: enough to recognise one's own number, not enough to reveal someone else's.

/**
 * Keeps `keepStart` leading and `keepEnd` trailing characters and replaces the rest with `*`, keeping
 * the length. A value too short to hide anything that way is masked entirely.
 */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(chars.length - keepEnd).join('')
  );
}

/** `110101199003071234` → `110***********1234`. */
export function maskIdNumber(value: string): string {
  return maskMiddle(value, 3, 4);
}

/** `13812345678` → `138****5678`. */
export function maskMobile(value: string): string {
  return maskMiddle(value, 3, 4);
}

/** `E12345678` → `E1*****78`. */
export function maskPassport(value: string): string {
  return maskMiddle(value, 2, 2);
}

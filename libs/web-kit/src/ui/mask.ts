/** Keeps the first 3 and last 4 characters: 110105199001011234 -> 110***********1234. */
export function maskId(value: string): string {
  if (value.includes('*')) return value; // already masked by the server
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

// Certificate numbers (证书编号): `JL` (吉林) + the issue year (4 digits, China time) + the year's
// serial (8 digits, zero-padded), e.g. JL202600000001 — 14 characters, unique, never reused. The
// serial comes from one PostgreSQL sequence per year (certificate_number_<year>), so numbers are
// unique across replicas without a lock; a rolled-back issuance may leave a gap, which is fine
// for a number that only has to be unique and ordered.

export const NUMBER_PREFIX = 'JL';
export const SERIAL_DIGITS = 8;
export const NUMBER_PATTERN = /^JL(\d{4})(\d{8})$/;

export function formatCertificateNumber(year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`bad year ${year}`);
  if (!Number.isInteger(serial) || serial < 1 || serial >= 10 ** SERIAL_DIGITS)
    throw new Error(`serial ${serial} out of range for ${year}`);
  return `${NUMBER_PREFIX}${year}${String(serial).padStart(SERIAL_DIGITS, '0')}`;
}

/** Upper-cases and drops spaces, as people type numbers read off paper. */
export function normaliseCertificateNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export function isCertificateNumber(text: string): boolean {
  return NUMBER_PATTERN.test(text);
}

/** The calendar date in China (UTC+8, no daylight saving), YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function chinaYear(at: Date): number {
  return Number(chinaDate(at).slice(0, 4));
}

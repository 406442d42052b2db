// TEST-DATA MAKERS. They compute correct check characters so that seeds, demo data and tests never
// hard-code numbers with wrong check digits. Numbers they make are syntactically valid but belong
// to nobody; do not use them for anything but tests and demos.
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from './credit-code';
import { parseCalendarDate, residentIdCheckChar } from './resident-id';

export interface MakeResidentIdInput {
  /** Six-digit administrative division code; defaults to 110101 (北京市东城区). */
  readonly region?: string;
  /**
   * `YYYY-MM-DD` or `YYYYMMDD`; defaults to 1990-03-07. Must be a real calendar date, but may lie
   * before 1900 or in the future so tests can build those invalid cases with a correct check digit.
   */
  readonly birthDate?: string;
  /** Sequence number 0–999 (positions 15–17); odd for men, even for women. Defaults to 123. */
  readonly sequence?: number;
}

/** Test-data maker: builds a resident ID number with a correct MOD 11-2 check character. */
export function makeResidentId(input: MakeResidentIdInput = {}): string {
  const region = input.region ?? '110101';
  const birth = (input.birthDate ?? '1990-03-07').replace(/-/g, '');
  const sequence = input.sequence ?? 123;
  if (!/^\d{6}$/.test(region)) throw new Error(`region must be 6 digits, got "${region}"`);
  if (!/^\d{8}$/.test(birth))
    throw new Error(`birthDate must be YYYY-MM-DD or YYYYMMDD, got "${input.birthDate}"`);
  if (!parseCalendarDate(birth)) throw new Error(`birthDate ${birth} is not a real calendar date`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new Error(`sequence must be an integer 0–999, got ${sequence}`);
  }
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Test-data maker: appends the MOD 31 check character to a 17-character prefix (registration
 * authority, category, 6-digit region, 9-character organisation code). Lower case is upper-cased.
 */
export function makeCreditCode(prefix17: string): string {
  const prefix = prefix17.toUpperCase();
  if (prefix.length !== 17 || [...prefix].some((c) => !CREDIT_CODE_CHARSET.includes(c))) {
    throw new Error(`prefix must be 17 characters from ${CREDIT_CODE_CHARSET}, got "${prefix17}"`);
  }
  return prefix + creditCodeCheckChar(prefix);
}

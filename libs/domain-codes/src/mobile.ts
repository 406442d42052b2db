// Mainland China mobile numbers.
import { foldToAscii, type Validation } from './problems';

export type MobileProblemCode = 'MOBILE_FORMAT';

export type MobileResult = Validation<{ readonly normalised: string }, MobileProblemCode>;

/**
 * Validates a mainland mobile number: 11 digits matching 1[3-9]xxxxxxxxx. Spaces and hyphens people
 * type as separators and a +86 / 0086 country prefix are removed first.
 */
export function validateMobile(input: string): MobileResult {
  const value = foldToAscii(input)
    .replace(/[\s-]/g, '')
    .replace(/^(?:\+|00)86/, '');
  if (/^1[3-9]\d{9}$/.test(value)) return { ok: true, normalised: value };
  return {
    ok: false,
    problems: [{ code: 'MOBILE_FORMAT', message: '手机号码应为11位数字，以1开头且第二位为3至9，请核对' }],
  };
}

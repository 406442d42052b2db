// Resident identity card number (居民身份证号码), GB 11643-1999.
import { foldToAscii, type Problem, type Validation } from './problems';

export type ResidentIdProblemCode = 'ID_FORMAT' | 'ID_REGION' | 'ID_BIRTH_DATE' | 'ID_CHECK_DIGIT';

export type ResidentIdResult = Validation<
  {
    /** 18 characters, a trailing check character `x` upper-cased. */
    readonly normalised: string;
    /** ISO date `YYYY-MM-DD`, as embedded in positions 7–14. */
    readonly birthDate: string;
    /** From position 17: odd for men, even for women. */
    readonly gender: 'male' | 'female';
    /** Administrative division code, positions 1–6. */
    readonly regionCode: string;
  },
  ResidentIdProblemCode
>;

export interface ResidentIdOptions {
  /** "Today" for the not-in-the-future check; defaults to the current local date. */
  readonly today?: Date;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// Check character indexed by (weighted sum mod 11).
const CHECK_CHARS = '10X98765432';

/**
 * First two digits of every province-level division: 11-15 north, 21-23 north-east, 31-37 east,
 * 41-46 south-central, 50-54 south-west, 61-65 north-west, 71 Taiwan, 81 Hong Kong, 82 Macao,
 * 83 the code used on residence permits for Taiwan residents.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...range(11, 15),
  ...range(21, 23),
  ...range(31, 37),
  ...range(41, 46),
  ...range(50, 54),
  ...range(61, 65),
  '71',
  '81',
  '82',
  '83',
]);

function range(from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n += 1) out.push(String(n));
  return out;
}

/** The province-level codes accepted as the first two digits (useful for generators and pickers). */
export const PROVINCE_CODE_LIST: readonly string[] = [...PROVINCE_CODES];

/** Computes the MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** The parts of `yyyymmdd` when it names a real calendar date (leap years included). */
export function parseCalendarDate(
  yyyymmdd: string,
): { year: number; month: number; day: number } | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth ? { year, month, day } : undefined;
}

function localDateKey(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}${pad(date.getMonth() + 1, 2)}${pad(date.getDate(), 2)}`;
}

/** Describes why the embedded birth date is unacceptable, or undefined when it is fine. */
function birthDateProblem(yyyymmdd: string, today: Date = new Date()): string | undefined {
  const parts = /^\d{8}$/.test(yyyymmdd) ? parseCalendarDate(yyyymmdd) : undefined;
  if (!parts) return `${yyyymmdd} 不是真实存在的日期`;
  if (parts.year < 1900) return `${yyyymmdd} 早于1900年`;
  if (yyyymmdd > localDateKey(today)) return `${yyyymmdd} 晚于今天`;
  return undefined;
}

/**
 * Validates a resident ID number and reports every problem at once, so a person can fix them in
 * one go. Accepts a lower-case `x` and full-width characters and normalises them.
 */
export function validateResidentId(input: string, options: ResidentIdOptions = {}): ResidentIdResult {
  const value = foldToAscii(input).toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) {
    const detail = value.length === 18 ? '含有无效字符' : `当前为${value.length}位`;
    return {
      ok: false,
      problems: [
        { code: 'ID_FORMAT', message: `身份证号码应为18位：前17位为数字，最后一位为数字或X（${detail}）` },
      ],
    };
  }

  const problems: Problem<ResidentIdProblemCode>[] = [];
  const regionCode = value.slice(0, 6);
  if (!PROVINCE_CODES.has(value.slice(0, 2))) {
    problems.push({
      code: 'ID_REGION',
      message: `身份证号码前两位（${value.slice(0, 2)}）不是有效的省级行政区划代码，请核对`,
    });
  }
  const birth = value.slice(6, 14);
  const birthProblem = birthDateProblem(birth, options.today);
  if (birthProblem) {
    problems.push({
      code: 'ID_BIRTH_DATE',
      message: `身份证号码中的出生日期无效（${birthProblem}），请核对第7至14位`,
    });
  }
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) {
    problems.push({ code: 'ID_CHECK_DIGIT', message: '身份证号码校验位错误，请核对最后一位' });
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    normalised: value,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    regionCode,
  };
}

// Unified social credit code (统一社会信用代码), GB 32100-2015.
import { foldToAscii, type Problem, type Validation } from './problems';

export type CreditCodeProblemCode =
  'CREDIT_CODE_FORMAT' | 'CREDIT_CODE_FORBIDDEN_CHAR' | 'CREDIT_CODE_CHECK_CHAR';

export type CreditCodeResult = Validation<
  {
    /** 18 upper-case characters. */
    readonly normalised: string;
    /** Position 1: registration authority (登记管理部门代码). */
    readonly registrationAuthority: string;
    /** Position 2: organisation category (机构类别代码). */
    readonly organisationCategory: string;
    /** Positions 3–8: administrative division of the registering authority. */
    readonly regionCode: string;
    /** Positions 9–17: organisation code (主体标识码). */
    readonly organisationCode: string;
  },
  CreditCodeProblemCode
>;

/** The 31 characters a credit code may use; a character's value is its index here. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Excluded by the standard because they are easily mistaken for digits (I/1, O/0, S/5, V/U, Z/2).
const FORBIDDEN = 'IOSVZ';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Computes the MOD 31 check character for the first 17 characters (upper case, from the charset). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new Error(`"${first17[i]}" is not a credit-code character`);
    sum += value * WEIGHTS[i];
  }
  // 31 - (sum mod 31), where 31 itself wraps to 0.
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Validates a unified social credit code and reports every problem at once. */
export function validateCreditCode(input: string): CreditCodeResult {
  const value = foldToAscii(input).toUpperCase();
  const problems: Problem<CreditCodeProblemCode>[] = [];
  const chars = [...value];

  const forbidden = [...new Set(chars.filter((c) => FORBIDDEN.includes(c)))];
  const invalid = [
    ...new Set(chars.filter((c) => !FORBIDDEN.includes(c) && !CREDIT_CODE_CHARSET.includes(c))),
  ];
  if (chars.length !== 18 || invalid.length > 0) {
    const details: string[] = [];
    if (chars.length !== 18) details.push(`当前为${chars.length}位`);
    if (invalid.length > 0) details.push(`含有无效字符：${invalid.join(' ')}`);
    problems.push({
      code: 'CREDIT_CODE_FORMAT',
      message: `统一社会信用代码应为18位数字或大写字母（${details.join('，')}）`,
    });
  }
  if (forbidden.length > 0) {
    problems.push({
      code: 'CREDIT_CODE_FORBIDDEN_CHAR',
      message: `统一社会信用代码不能包含字母 I、O、S、V、Z（发现：${forbidden.join('、')}）`,
    });
  }
  // The check character only means something once every character is a valid one.
  if (problems.length === 0 && creditCodeCheckChar(value.slice(0, 17)) !== value[17]) {
    problems.push({ code: 'CREDIT_CODE_CHECK_CHAR', message: '统一社会信用代码校验位错误，请核对最后一位' });
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    normalised: value,
    registrationAuthority: value[0],
    organisationCategory: value[1],
    regionCode: value.slice(2, 8),
    organisationCode: value.slice(8, 17),
  };
}

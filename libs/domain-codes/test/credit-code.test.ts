import fc from 'fast-check';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, makeCreditCode, validateCreditCode } from '../src';

function codes(input: string): string[] {
  const result = validateCreditCode(input);
  return result.ok ? [] : result.problems.map((p) => p.code);
}

describe('validateCreditCode: known values', () => {
  // 91350100M000100Y43, the usual worked example. By hand with M=21, Y=30:
  // 9·1+1·3+3·9+5·27+0·19+1·26+0·16+0·17+21·20+0·29+0·25+0·13+1·8+0·24+0·10+30·30+4·28 = 1640,
  // 1640 mod 31 = 28, 31 − 28 = 3.
  it('accepts the standard example and lower case, normalising it', () => {
    for (const input of ['91350100M000100Y43', '91350100m000100y43', ' 91350100M000100Y43 ']) {
      expect(validateCreditCode(input)).toEqual({
        ok: true,
        normalised: '91350100M000100Y43',
        registrationAuthority: '9',
        organisationCategory: '1',
        regionCode: '350100',
        organisationCode: 'M000100Y4',
      });
    }
  });

  it('wraps a check value of 31 to 0', () => {
    // Find a prefix whose weighted sum is a multiple of 31: then the check character must be 0.
    const prefix = '9122010000000000';
    const last = [...CREDIT_CODE_CHARSET].find((c) => creditCodeCheckChar(prefix + c) === '0');
    expect(last).toBeDefined();
    expect(codes(makeCreditCode(prefix + last))).toEqual([]);
  });

  it.each([
    ['wrong check char', '91350100M000100Y44', ['CREDIT_CODE_CHECK_CHAR']],
    ['17 characters', '91350100M000100Y4', ['CREDIT_CODE_FORMAT']],
    ['a hyphen', '91350100-000100Y43', ['CREDIT_CODE_FORMAT']],
    ['the letter O', '91350100O000100Y43', ['CREDIT_CODE_FORBIDDEN_CHAR']],
    ['short and with I', '91350100I000100', ['CREDIT_CODE_FORMAT', 'CREDIT_CODE_FORBIDDEN_CHAR']],
  ])('rejects %s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('names the forbidden letters it found, once each', () => {
    const result = validateCreditCode('91350100O0S0100O43');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: 'CREDIT_CODE_FORBIDDEN_CHAR',
          message: '统一社会信用代码不能包含字母 I、O、S、V、Z（发现：O、S）',
        },
      ],
    });
  });

  it('makeCreditCode refuses a prefix it cannot complete', () => {
    expect(() => makeCreditCode('91350100M000100Y')).toThrow(/17 characters/);
    expect(() => makeCreditCode('91350100O000100Y4')).toThrow(/17 characters/);
  });
});

const prefixArb = fc
  .array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''));

describe('validateCreditCode: properties', () => {
  it('accepts every made code', () => {
    fc.assert(fc.property(prefixArb, (prefix) => expect(codes(makeCreditCode(prefix))).toEqual([])));
  });

  it('rejects a made code with any one character changed', () => {
    fc.assert(
      fc.property(
        prefixArb,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...(CREDIT_CODE_CHARSET + 'IOSVZ')),
        (prefix, position, replacement) => {
          const code = makeCreditCode(prefix);
          fc.pre(code[position] !== replacement);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(validateCreditCode(changed).ok).toBe(false);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { makeResidentId, PROVINCE_CODE_LIST, residentIdCheckChar, validateResidentId } from '../src';

const today = new Date(2025, 5, 15); // fixed "today" so the tests do not age

function codes(input: string): string[] {
  const result = validateResidentId(input, { today });
  return result.ok ? [] : result.problems.map((p) => p.code);
}

describe('validateResidentId: known values', () => {
  // 11010519491231002X is the worked example of GB 11643-1999. By hand:
  // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167, 167 mod 11 = 2 → X.
  it('accepts the standard example, lower-case x and full-width digits, normalising them', () => {
    for (const input of [
      '11010519491231002X',
      '11010519491231002x',
      ' １１０１０５１９４９１２３１００２ｘ ',
    ]) {
      expect(validateResidentId(input, { today })).toEqual({
        ok: true,
        normalised: '11010519491231002X',
        birthDate: '1949-12-31',
        gender: 'female',
        regionCode: '110105',
      });
    }
  });

  // 11010119900307123 by hand: 7+9+0+5+0+4+2+9+54+0+0+27+0+35+8+8+6 = 174, 174 mod 11 = 9 → 3.
  it('agrees with the hand-computed check digit of a made number', () => {
    expect(makeResidentId({ region: '110101', birthDate: '1990-03-07', sequence: 123 })).toBe(
      '110101199003071233',
    );
    expect(validateResidentId('110101199003071233', { today })).toMatchObject({ ok: true, gender: 'male' });
  });

  it.each([
    ['17 digits', '11010119900307123', ['ID_FORMAT']],
    ['19 digits', '1101011990030712333', ['ID_FORMAT']],
    ['a letter inside', '11010119900A071233', ['ID_FORMAT']],
    ['empty', '', ['ID_FORMAT']],
    // The number used in the masking examples: well formed, but its check digit should be 3.
    ['wrong check digit', '110101199003071234', ['ID_CHECK_DIGIT']],
    // GB 11643's other example: a correct check digit, but born in 1880.
    ['born before 1900', '440524188001010014', ['ID_BIRTH_DATE']],
    ['born in the future', makeResidentId({ birthDate: '2030-01-01' }), ['ID_BIRTH_DATE']],
    ['unknown province', makeResidentId({ region: '990101' }), ['ID_REGION']],
    ['province 16 does not exist', makeResidentId({ region: '160101' }), ['ID_REGION']],
  ])('rejects %s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('rejects dates that do not exist, with a correct check digit', () => {
    for (const date of ['19900230', '19000229', '19901301', '19900100', '19900431']) {
      const first17 = `110101${date}123`;
      expect(codes(first17 + residentIdCheckChar(first17))).toEqual(['ID_BIRTH_DATE']);
    }
    const leap = '110101' + '20000229' + '123';
    expect(codes(leap + residentIdCheckChar(leap))).toEqual([]);
  });

  it('lists every problem at once, with messages a person can act on', () => {
    const result = validateResidentId('990101199002301230', { today });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(['ID_REGION', 'ID_BIRTH_DATE', 'ID_CHECK_DIGIT']);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('前两位（99）'),
      expect.stringContaining('身份证号码中的出生日期无效'),
      '身份证号码校验位错误，请核对最后一位',
    ]);
  });

  it('accepts every listed province code', () => {
    for (const province of PROVINCE_CODE_LIST) {
      expect(codes(makeResidentId({ region: `${province}0101` }))).toEqual([]);
    }
  });
});

describe('makeResidentId', () => {
  it('refuses inputs that cannot make a number', () => {
    expect(() => makeResidentId({ region: '1101' })).toThrow(/region/);
    expect(() => makeResidentId({ birthDate: '1990-02-30' })).toThrow(/calendar/);
    expect(() => makeResidentId({ sequence: 1000 })).toThrow(/sequence/);
  });
});

// Generators of valid inputs for the property tests.
const regionArb = fc
  .tuple(fc.constantFrom(...PROVINCE_CODE_LIST), fc.integer({ min: 0, max: 9999 }))
  .map(([province, rest]) => province + String(rest).padStart(4, '0'));
const birthArb = fc
  .date({ min: new Date(1900, 0, 1), max: new Date(2025, 5, 14), noInvalidDate: true })
  .map(
    (d) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
  );
const idInputArb = fc.record({
  region: regionArb,
  birthDate: birthArb,
  sequence: fc.integer({ min: 0, max: 999 }),
});

describe('validateResidentId: properties', () => {
  it('accepts every made ID and reads back what went in', () => {
    fc.assert(
      fc.property(idInputArb, (input) => {
        const result = validateResidentId(makeResidentId(input), { today });
        expect(result).toMatchObject({
          ok: true,
          birthDate: input.birthDate,
          regionCode: input.region,
          gender: input.sequence % 2 === 1 ? 'male' : 'female',
        });
      }),
    );
  });

  it('rejects a made ID with any one character changed', () => {
    fc.assert(
      fc.property(
        idInputArb,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...'0123456789X'),
        (input, position, replacement) => {
          const id = makeResidentId(input);
          fc.pre(id[position] !== replacement && (replacement !== 'X' || position === 17));
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(validateResidentId(changed, { today }).ok).toBe(false);
        },
      ),
    );
  });
});

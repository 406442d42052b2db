import fc from 'fast-check';
import { maskIdNumber, maskMiddle, maskMobile, maskPassport, validateMobile } from '../src';

describe('validateMobile', () => {
  it.each([
    '13812345678',
    '19912345678',
    ' 138 1234 5678 ',
    '138-1234-5678',
    '+86 13812345678',
    '008613812345678',
    '１３８１２３４５６７８',
  ])('accepts %p as 13812345678 or its own digits', (input) => {
    const result = validateMobile(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.normalised).toMatch(/^1[3-9]\d{9}$/);
  });

  it.each(['12812345678', '1381234567', '138123456789', '23812345678', '1381234567a', ''])(
    'rejects %p',
    (input) => {
      expect(validateMobile(input)).toEqual({
        ok: false,
        problems: [{ code: 'MOBILE_FORMAT', message: expect.stringContaining('手机号码应为11位数字') }],
      });
    },
  );
});

describe('masking', () => {
  it('masks the documented examples', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskPassport('E12345678')).toBe('E1*****78');
  });

  it('masks a value too short to hide anything entirely', () => {
    expect(maskMobile('1234567')).toBe('*******');
    expect(maskPassport('AB1')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });

  it.each([
    ['id', maskIdNumber, 3, 4],
    ['mobile', maskMobile, 3, 4],
    ['passport', maskPassport, 2, 2],
  ] as const)('%s masks keep the length and never reveal the middle', (_name, mask, start, end) => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 40 }), (value) => {
        const masked = mask(value);
        expect(masked).toHaveLength(value.length);
        if (value.length <= start + end) {
          expect(masked).toBe('*'.repeat(value.length));
        } else {
          expect(masked.slice(start, value.length - end)).toBe('*'.repeat(value.length - start - end));
          expect(masked.slice(0, start)).toBe(value.slice(0, start));
          expect(masked.slice(value.length - end)).toBe(value.slice(value.length - end));
        }
      }),
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskMiddle('张三丰王五', 1, 1)).toBe('张***五');
  });
});

import { hashPassword, PASSWORD_RULE_TEXT, passwordProblems, verifyPassword } from './passwords';

const codes = (password: string, personal: string[] = []) =>
  passwordProblems(password, personal).map((p) => p.code);

describe('passwordProblems', () => {
  it.each([
    ['Abcdef1!', 'all four classes'],
    ['abcdef12!', 'lower, digit, symbol'],
    ['ABCDEF12!', 'upper, digit, symbol'],
    ['Abcdefgh1', 'upper, lower, digit'],
    ['Abcdefgh!', 'upper, lower, symbol'],
    ['密码Abc12345', 'Chinese characters count as symbols'],
    [`Aa1!${'x'.repeat(28)}`, 'exactly 32 characters'],
  ])('accepts %s (%s)', (password) => {
    expect(passwordProblems(password)).toEqual([]);
  });

  it.each([
    ['Abc1!xy', 'seven characters'],
    [`Aa1!${'x'.repeat(29)}`, '33 characters'],
    ['abcdefgh12', 'two classes'],
    ['ABCDEFGHIJ', 'one class'],
    ['', 'empty'],
  ])('refuses %s (%s) with the rule text', (password) => {
    expect(passwordProblems(password)).toEqual([{ code: 'PASSWORD_WEAK', message: PASSWORD_RULE_TEXT }]);
  });

  it('refuses a password that contains the ID number or mobile, in any letter case', () => {
    expect(codes('Aa!13912345678', ['13912345678'])).toEqual(['PASSWORD_PERSONAL']);
    expect(codes('Id#11010119900307123x', ['11010119900307123X'])).toEqual(['PASSWORD_PERSONAL']);
    expect(passwordProblems('Aa!13912345678', ['13912345678'])[0].message).toMatch(
      /不能包含证件号码或手机号/,
    );
  });

  it('ignores personal values too short to matter, and reports both problems at once', () => {
    expect(codes('Abc12345!', ['123', ''])).toEqual([]);
    expect(codes('13912345678', ['13912345678'])).toEqual(['PASSWORD_WEAK', 'PASSWORD_PERSONAL']);
  });

  it('describes the rule in Chinese', () => {
    expect(PASSWORD_RULE_TEXT).toMatch(/8-32位.*三种/);
  });
});

describe('hashPassword / verifyPassword', () => {
  it('verifies the right password only, with a salted argon2id hash', async () => {
    const [a, b] = await Promise.all([hashPassword('Zc#unit2026'), hashPassword('Zc#unit2026')]);
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'Zc#unit2026')).toBe(true);
    expect(await verifyPassword(a, 'zc#unit2026')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'Zc#unit2026')).toBe(false);
  });
});

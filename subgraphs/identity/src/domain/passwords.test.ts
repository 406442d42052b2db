import { hashPassword, PASSWORD_RULE_TEXT, passwordProblems, verifyPassword } from './passwords';

const codes = (password: string, personal: string[] = []) =>
  passwordProblems(password, personal).map((p) => p.code);

// NIST SP 800-63B §5.1.1: length and a blocklist of common and guessable passwords, not
// composition rules.
describe('passwordProblems', () => {
  it.each([
    ['Zc@demo2026', 'the demo accounts’ password'],
    ['correct horse battery', 'a phrase of words, spaces allowed, no digit or capital needed'],
    ['鹰击长空鱼翔浅底万类霜天', 'Chinese only'],
    ['lamp orbit velvet 7', 'lower case and one digit'],
    [`${'tiger lily '.repeat(11)}x`.slice(0, 128), '128 characters'],
  ])('accepts %s (%s)', (password) => {
    expect(passwordProblems(password)).toEqual([]);
  });

  it.each([
    ['Password1', 'the probe’s example: a common password with the required classes'],
    ['P@ssw0rd', 'a common password with symbol substitutions'],
    ['qwerty123456', 'a keyboard row and a sequence'],
    ['abcd1234', 'sequences'],
    ['Aa123456!', 'a common pattern'],
    ['aaaaaaaaaaaa', 'one repeated character'],
  ])('refuses %s (%s) as guessable, saying why and what to do', (password) => {
    const problems = passwordProblems(password);
    expect(problems.map((p) => p.code)).toEqual(['PASSWORD_WEAK']);
    expect(problems[0].message).toMatch(/太容易被猜到（.+）.*请换一个更长、不常见的密码/);
  });

  it('refuses fewer than 8 and more than 128 characters, counting characters not bytes', () => {
    expect(codes('Zc@d026')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('x'.repeat(129))).toEqual(['PASSWORD_TOO_LONG']);
    expect(passwordProblems('Zc@d026')[0].message).toMatch(/至少需要8个字符/);
    expect(codes('鹰击长空鱼翔浅底万类霜天')).toEqual([]);
  });

  it('refuses control characters, accepts any printable Unicode', () => {
    expect(codes('lamp orbit\u0000velvet')).toEqual(['PASSWORD_CHARACTERS']);
    expect(codes('lamp orbit\u0007velvet')).toEqual(['PASSWORD_CHARACTERS']);
    expect(codes('lämp örbit vélvet ☂')).toEqual([]);
  });

  it('refuses a password built from the person’s own data: mobile, ID number, birth date, name', () => {
    const id = '11010119900307123X';
    expect(codes('Aa!13912345678', ['13912345678'])).toEqual(['PASSWORD_PERSONAL']);
    expect(codes('Id#11010119900307123x', [id])).toEqual(['PASSWORD_PERSONAL']);
    expect(codes('wang@19900307', [id])).toEqual(['PASSWORD_PERSONAL']);
    expect(codes('zhangsan1990', ['zhangsan'])).toEqual(['PASSWORD_PERSONAL']);
    expect(codes('13912345678', ['13912345678'])).toEqual(['PASSWORD_PERSONAL']);
    expect(passwordProblems('Aa!13912345678', ['13912345678'])[0].message).toMatch(/个人信息.*请换一个/);
  });

  it('ignores personal values too short to matter', () => {
    expect(codes('lamp orbit velvet', ['123', ''])).toEqual([]);
  });

  it('describes the rule in Chinese', () => {
    expect(PASSWORD_RULE_TEXT).toMatch(/至少8个字符.*常见密码.*个人信息/);
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

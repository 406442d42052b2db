import { Organisation, OrganisationKind, StaffAccount } from '../src/entities';
import {
  cachedHash,
  expectError,
  nextMobile,
  seedPerson,
  signIn,
  startTestIdentity,
  STRONG_PASSWORD,
  type TestIdentity,
} from './helpers';

const WRONG = 'Wrong#pass2026';
let t: TestIdentity;
beforeAll(async () => {
  t = await startTestIdentity({ LOCKOUT_THRESHOLD: '5', LOCKOUT_MINUTES: '15' });
});
afterAll(() => t?.close());

describe('lock-out after repeated wrong passwords', () => {
  it('locks after 5 wrong passwords, refuses the right one while locked, and opens when the lock ends', async () => {
    const person = await seedPerson(t);
    const client = t.client();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const result = await signIn(t, client, { kind: 'PERSON', account: person.mobile, password: WRONG });
      expectError(result, 'INVALID_CREDENTIALS', /账号或密码错误/);
    }
    const fifth = await signIn(t, client, { kind: 'PERSON', account: person.mobile, password: WRONG });
    const locked = expectError(fifth, 'ACCOUNT_LOCKED', /账号已锁定，请 15 分钟后重试或找回密码/);
    const retryAfter = locked.extensions?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const right = await signIn(t, client, { kind: 'PERSON', account: person.idNumber });
    const stillLocked = expectError(right, 'ACCOUNT_LOCKED', /分钟后重试或找回密码/);
    expect(stillLocked.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(client.cookies.has('zc_refresh')).toBe(false);

    await t.sql.query(`update identity.person set locked_until = now() - interval '1 second' where id = $1`, [
      person.id,
    ]);
    const afterLock = await signIn(t, client, { kind: 'PERSON', account: person.mobile });
    expect(afterLock.errors).toBeUndefined();
  });

  it('a successful sign-in resets the count of wrong passwords', async () => {
    const person = await seedPerson(t);
    const client = t.client();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await signIn(t, client, { kind: 'PERSON', account: person.mobile, password: WRONG });
    }
    expect((await signIn(t, client, { kind: 'PERSON', account: person.mobile })).errors).toBeUndefined();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const result = await signIn(t, client, { kind: 'PERSON', account: person.mobile, password: WRONG });
      expectError(result, 'INVALID_CREDENTIALS');
    }
  });

  it('an unknown account answers exactly like a wrong password, and never locks', async () => {
    const person = await seedPerson(t);
    const known = await signIn(t, t.client(), { kind: 'PERSON', account: person.mobile, password: WRONG });
    const unknownAnswers = [];
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      const result = await signIn(t, t.client(), { kind: 'PERSON', account: nextMobile(), password: WRONG });
      unknownAnswers.push(expectError(result, 'INVALID_CREDENTIALS', /账号或密码错误/));
    }
    const knownError = expectError(known, 'INVALID_CREDENTIALS');
    for (const answer of unknownAnswers) {
      expect({ message: answer.message, extensions: answer.extensions }).toEqual({
        message: knownError.message,
        extensions: knownError.extensions,
      });
    }
    const unknownUnit = await signIn(t, t.client(), {
      kind: 'LEGAL_PERSON',
      account: '91220101MA0000000X',
      password: WRONG,
    });
    expect(expectError(unknownUnit, 'INVALID_CREDENTIALS').message).toBe(knownError.message);
  });

  it('names a missing account, password or credit code without spending the captcha', async () => {
    const client = t.client();
    const captcha = await t.solveCaptcha(client);
    const result = await client.request(
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
      { input: { kind: 'AGENT', account: ' ', password: '', ...captcha } },
    );
    const error = expectError(result, 'BAD_USER_INPUT', /3 处问题/);
    expect((error.extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual([
      'account',
      'creditCode',
      'password',
    ]);
    const retried = await client.request(
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
      {
        input: { kind: 'PERSON', account: nextMobile(), password: WRONG, ...captcha },
      },
    );
    expectError(retried, 'INVALID_CREDENTIALS');
  });

  it('counts wrong passwords sent in parallel: a burst cannot outrun the lock-out', async () => {
    const person = await seedPerson(t);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        signIn(t, t.client(), { kind: 'PERSON', account: person.mobile, password: WRONG }),
      ),
    );
    expect(attempts.some((result) => result.errors?.[0].extensions?.code === 'ACCOUNT_LOCKED')).toBe(true);
    expectError(await signIn(t, t.client(), { kind: 'PERSON', account: person.mobile }), 'ACCOUNT_LOCKED');
  });
});

describe('staff', () => {
  it('signs in by user name with the role of the organisation; a disabled account is refused', async () => {
    const passwordHash = await cachedHash(STRONG_PASSWORD);
    await t.withEm(async (em) => {
      const bureau = em.create(Organisation, {
        name: '测试市人社局',
        kind: OrganisationKind.CITY_BUREAU,
        regionCode: '220100',
      });
      const committee = em.create(Organisation, {
        name: '测试评委会',
        kind: OrganisationKind.COMMITTEE,
        regionCode: '220000',
      });
      em.create(StaffAccount, {
        username: 'staff.bureau',
        name: '局审核员',
        organisation: bureau,
        passwordHash,
      });
      em.create(StaffAccount, {
        username: 'staff.committee',
        name: '评委会秘书',
        organisation: committee,
        passwordHash,
      });
      em.create(StaffAccount, {
        username: 'staff.off',
        name: '停用',
        organisation: bureau,
        passwordHash,
        enabled: false,
      });
    });
    const bureau = await signIn(t, t.client(), { kind: 'STAFF', account: 'Staff.Bureau' });
    expect(bureau.data?.signIn.viewer).toMatchObject({
      kind: 'STAFF',
      roles: ['BUREAU_REVIEWER'],
      displayName: '局审核员',
    });
    const client = t.client();
    const committee = await signIn(t, client, { kind: 'STAFF', account: 'staff.committee' });
    expect(committee.data?.signIn.viewer.roles).toEqual(['COMMITTEE_SECRETARY']);
    const me = await client.ok<{
      me: { staff: { username: string; organisation: { name: string; kind: string } } };
    }>(`{ me { staff { username organisation { name kind } } } }`);
    expect(me.me.staff).toEqual({
      username: 'staff.committee',
      organisation: { name: '测试评委会', kind: 'COMMITTEE' },
    });

    expectError(
      await signIn(t, t.client(), { kind: 'STAFF', account: 'staff.off' }),
      'ACCOUNT_DISABLED',
      /联系管理员/,
    );
  });
});

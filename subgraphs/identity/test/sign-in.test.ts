import { Organisation, OrganisationKind, StaffAccount } from '../src/entities';
import {
  cachedHash,
  expectError,
  nextMobile,
  seedPerson,
  signIn,
  startTestIdentity,
  STRONG_PASSWORD,
  type GraphQLResult,
  type TestIdentity,
} from './helpers';

const WRONG = 'Wrong#pass2026';
let t: TestIdentity;
beforeAll(async () => {
  t = await startTestIdentity({
    SIGN_IN_FREE_ATTEMPTS: '5',
    SIGN_IN_DELAY_BASE_SECONDS: '30',
    SIGN_IN_DELAY_MAX_SECONDS: '900',
  });
});
afterAll(() => t?.close());

/** Ends every running delay, as if its time had passed. */
const endDelays = () =>
  t.sql.query(`update identity.sign_in_throttle set retry_at = now() - interval '1 second'`);

/** What a caller can observe of an answer: code, message and extensions. */
const observed = (result: GraphQLResult<unknown>) => {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, message: error?.message, extensions: error?.extensions };
};

describe('escalating delays after repeated wrong passwords (no lock-out)', () => {
  it('5 free attempts, then a delay that doubles; inside it nothing is checked; after it the right password works', async () => {
    const person = await seedPerson(t);
    const client = t.client();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const result = await signIn(t, client, { kind: 'PERSON', account: person.mobile, password: WRONG });
      const error = expectError(result, 'INVALID_CREDENTIALS', /账号或密码错误/);
      expect(error.extensions?.retryAfterSeconds).toBeUndefined();
    }
    const fifth = await signIn(t, client, { kind: 'PERSON', account: person.mobile, password: WRONG });
    const delayed = expectError(fifth, 'INVALID_CREDENTIALS', /请 30 秒后再试/);
    expect(delayed.extensions?.retryAfterSeconds).toBe(30);

    // Inside the delay even the right password is not checked: RATE_LIMITED says when to retry.
    const right = await signIn(t, client, { kind: 'PERSON', account: person.idNumber });
    const tooSoon = expectError(right, 'RATE_LIMITED', /秒后再试/);
    expect(tooSoon.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(tooSoon.extensions?.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(client.cookies.has('zc_refresh')).toBe(false);

    await endDelays();
    const sixth = await signIn(t, client, { kind: 'PERSON', account: person.mobile, password: WRONG });
    expect(expectError(sixth, 'INVALID_CREDENTIALS').extensions?.retryAfterSeconds).toBe(60);
    await endDelays();
    const afterDelay = await signIn(t, client, { kind: 'PERSON', account: person.mobile });
    expect(afterDelay.errors).toBeUndefined();
  });

  it('a guesser at another address cannot lock out the owner: staff sign in while being attacked', async () => {
    const organisation = await t.withEm(async (em) =>
      em.create(Organisation, {
        name: '被攻击的人社局',
        kind: OrganisationKind.PROVINCE_BUREAU,
        regionCode: '220000',
      }),
    );
    await t.withEm(async (em) =>
      em.create(StaffAccount, {
        username: 'attacked.staff',
        name: '被攻击者',
        organisation,
        passwordHash: await cachedHash(STRONG_PASSWORD),
      }),
    );
    const attacker = t.client();
    attacker.headers['x-forwarded-for'] = '203.0.113.66';
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await signIn(t, attacker, { kind: 'STAFF', account: 'attacked.staff', password: WRONG });
    }
    expectError(
      await signIn(t, attacker, { kind: 'STAFF', account: 'attacked.staff', password: WRONG }),
      'RATE_LIMITED',
    );
    const staff = t.client();
    staff.headers['x-forwarded-for'] = '198.51.100.7';
    const signedIn = await signIn(t, staff, { kind: 'STAFF', account: 'attacked.staff' });
    expect(signedIn.errors).toBeUndefined();
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

  it('an unknown account answers exactly like a wrong password, with the same delays', async () => {
    const person = await seedPerson(t);
    const unknownMobile = nextMobile();
    const known: ReturnType<typeof observed>[] = [];
    const unknown: ReturnType<typeof observed>[] = [];
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      known.push(
        observed(await signIn(t, t.client(), { kind: 'PERSON', account: person.mobile, password: WRONG })),
      );
      unknown.push(
        observed(await signIn(t, t.client(), { kind: 'PERSON', account: unknownMobile, password: WRONG })),
      );
    }
    // The delay counts down while the test runs: a second may pass between the two answers.
    const roundedDelay = (answer: ReturnType<typeof observed>) => ({
      ...answer,
      message: answer.message?.replace(/\d+ 秒/, 'N 秒'),
      extensions: { ...answer.extensions, retryAfterSeconds: undefined },
      delay: Number(answer.extensions?.retryAfterSeconds ?? 0),
    });
    unknown.forEach((answer, index) => {
      const [a, b] = [roundedDelay(answer), roundedDelay(known[index])];
      expect({ ...a, delay: 0 }).toEqual({ ...b, delay: 0 });
      expect(Math.abs(a.delay - b.delay)).toBeLessThanOrEqual(1);
    });
    expect(known.map((answer) => answer.code)).toEqual([
      ...Array(5).fill('INVALID_CREDENTIALS'),
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    for (const answer of known) expect(answer.code).not.toBe('ACCOUNT_LOCKED');
    const unknownUnit = await signIn(t, t.client(), {
      kind: 'LEGAL_PERSON',
      account: '91220101MA0000000X',
      password: WRONG,
    });
    expect(expectError(unknownUnit, 'INVALID_CREDENTIALS').message).toBe(known[0].message);
  });

  it('an unknown account costs the same password verification time as a known one', async () => {
    const person = await seedPerson(t);
    const time = async (account: string) => {
      const client = t.client();
      const captcha = await t.solveCaptcha(client);
      const started = process.hrtime.bigint();
      await client.request(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
        input: { kind: 'PERSON', account, password: WRONG, ...captcha },
      });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await time(nextMobile()); // warm the decoy hash
    const known = [];
    const unknown = [];
    for (let round = 0; round < 3; round += 1) {
      known.push(await time(person.mobile));
      unknown.push(await time(nextMobile()));
      await endDelays();
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
    // argon2 dominates both (tens of ms); an unknown account is not answered markedly faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
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

  it('counts wrong passwords sent in parallel: a burst cannot outrun the delay', async () => {
    const person = await seedPerson(t);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        signIn(t, t.client(), { kind: 'PERSON', account: person.mobile, password: WRONG }),
      ),
    );
    expect(
      attempts.every((result) => result.data?.signIn === undefined || result.data?.signIn === null),
    ).toBe(true);
    expect(attempts.some((result) => result.errors?.[0].extensions?.retryAfterSeconds)).toBe(true);
    expectError(await signIn(t, t.client(), { kind: 'PERSON', account: person.mobile }), 'RATE_LIMITED');
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

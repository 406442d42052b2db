import { hitRateLimit } from '@zhicheng/server-kit';
import { expectError, nextMobile, signIn, startTestIdentity, type TestIdentity } from './helpers';

const LIMIT = 3;
let t: TestIdentity;
beforeAll(async () => {
  t = await startTestIdentity({
    SIGN_IN_LIMIT_PER_IP: String(LIMIT),
    SIGN_IN_LIMIT_WINDOW_SECONDS: '600',
    SMS_LIMIT_PER_IP: String(LIMIT),
    SMS_LIMIT_WINDOW_SECONDS: '3600',
    CAPTCHA_LIMIT_PER_IP: '50',
  });
});
afterAll(() => t?.close());

describe('sign-in attempts per client address', () => {
  it(`refuses attempt ${LIMIT + 1} from one address within the window; other addresses are unaffected`, async () => {
    // The subgraph trusts the loopback proxy (the gateway), so X-Forwarded-For names the client.
    const client = t.client();
    client.headers['x-forwarded-for'] = '203.0.113.7';
    for (let attempt = 1; attempt <= LIMIT; attempt += 1) {
      expectError(await signIn(t, client, { kind: 'PERSON', account: nextMobile() }), 'INVALID_CREDENTIALS');
    }
    const limited = expectError(
      await signIn(t, client, { kind: 'PERSON', account: nextMobile() }),
      'RATE_LIMITED',
      /登录尝试过于频繁，请 \d+ 分钟后再试/,
    );
    expect(limited.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.extensions?.retryAfterSeconds).toBeLessThanOrEqual(600);

    const neighbour = t.client();
    neighbour.headers['x-forwarded-for'] = '203.0.113.8';
    expectError(await signIn(t, neighbour, { kind: 'PERSON', account: nextMobile() }), 'INVALID_CREDENTIALS');

    await t.rewindRateLimits(601);
    expectError(await signIn(t, client, { kind: 'PERSON', account: nextMobile() }), 'INVALID_CREDENTIALS');
  });
});

describe('SMS codes per client address and per number', () => {
  const SEND_SMS = `mutation($input: SendSmsCodeInput!) { sendSmsCode(input: $input) { mobileMasked } }`;
  const send = async (
    client: ReturnType<TestIdentity['client']>,
    mobile: string,
    purpose = 'REGISTER_PERSON',
  ) => client.request(SEND_SMS, { input: { mobile, purpose, ...(await t.solveCaptcha(client)) } });

  it(`refuses code ${LIMIT + 1} from one address, whatever the numbers; other addresses are unaffected`, async () => {
    const client = t.client();
    client.headers['x-forwarded-for'] = '203.0.113.21';
    for (let i = 1; i <= LIMIT; i += 1) expect((await send(client, nextMobile())).errors).toBeUndefined();
    const limited = expectError(await send(client, nextMobile()), 'RATE_LIMITED', /获取验证码过于频繁/);
    expect(limited.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const neighbour = t.client();
    neighbour.headers['x-forwarded-for'] = '203.0.113.22';
    expect((await send(neighbour, nextMobile())).errors).toBeUndefined();
  });

  it('one number gets one code a minute per purpose, from any address', async () => {
    const mobile = nextMobile();
    const first = t.client();
    first.headers['x-forwarded-for'] = '203.0.113.31';
    expect((await send(first, mobile)).errors).toBeUndefined();
    const second = t.client();
    second.headers['x-forwarded-for'] = '203.0.113.32';
    expectError(await send(second, mobile), 'RATE_LIMITED', /秒后再试/);
  });
});

describe('captcha pictures per client address', () => {
  it('refuses a flood of pictures from one address; others still get theirs', async () => {
    const flood = t.client();
    flood.headers['x-forwarded-for'] = '203.0.113.41';
    const answers = [];
    for (let i = 0; i < 51; i += 1) answers.push(await flood.request('mutation { createCaptcha { id } }'));
    expect(answers.slice(0, 50).every((answer) => !answer.errors)).toBe(true);
    expectError(answers[50], 'RATE_LIMITED', /图形验证码过于频繁/);
    const other = t.client();
    other.headers['x-forwarded-for'] = '203.0.113.42';
    expect((await other.request('mutation { createCaptcha { id } }')).errors).toBeUndefined();
  });
});

describe('hitRateLimit (fixed window in PostgreSQL)', () => {
  const hit = (key: string, limit: number, windowSeconds: number) =>
    t.withEm((em) => hitRateLimit(em, key, limit, windowSeconds));

  it('allows `limit` hits per window and counts on', async () => {
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await hit('test:count', 3, 60));
    expect(decisions.map((d) => [d.allowed, d.hits])).toEqual([
      [true, 1],
      [true, 2],
      [true, 3],
      [false, 4],
    ]);
    for (const d of decisions) {
      expect(d.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(d.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it('starts a new window once the old one has passed, and tells the time left in the current one', async () => {
    await hit('test:window', 1, 60);
    expect((await hit('test:window', 1, 60)).allowed).toBe(false);
    await t.sql.query(
      `update identity.rate_limit_bucket set window_start = now() - interval '45 seconds' where key = 'test:window'`,
    );
    const later = await hit('test:window', 1, 60);
    expect(later.allowed).toBe(false);
    expect(later.retryAfterSeconds).toBeGreaterThanOrEqual(14);
    expect(later.retryAfterSeconds).toBeLessThanOrEqual(16);

    await t.sql.query(
      `update identity.rate_limit_bucket set window_start = now() - interval '61 seconds' where key = 'test:window'`,
    );
    expect(await hit('test:window', 1, 60)).toMatchObject({ allowed: true, hits: 1 });
  });

  it('keeps keys apart and counts parallel hits exactly', async () => {
    await Promise.all(Array.from({ length: 10 }, () => hit('test:parallel', 100, 60)));
    expect((await hit('test:parallel', 100, 60)).hits).toBe(11);
    expect((await hit('test:other', 100, 60)).hits).toBe(1);
  });
});

// verifyCertificate counts every try against the caller's address: names cannot be harvested
// by trying numbers (or numbers by trying names).
import { startTestCertificate, type TestCertificate } from './helpers';

let t: TestCertificate;
beforeAll(async () => {
  t = await startTestCertificate({ VERIFY_LIMIT_PER_IP: '3', VERIFY_LIMIT_WINDOW_SECONDS: '600' });
});
afterAll(async () => {
  await t?.close();
});

const VERIFY = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { outcome } }`;

test('the fourth try from one address within the window is refused with RATE_LIMITED', async () => {
  const client = t.client();
  for (let i = 1; i <= 3; i++) {
    const answer = await client.request(VERIFY, { n: `JL20260000000${i}`, h: '张三' });
    expect(answer.data).toEqual({ verifyCertificate: { outcome: 'NOT_FOUND' } });
  }
  const refused = await client.request(VERIFY, { n: 'JL202600000004', h: '张三' });
  expect(refused.errors?.[0].extensions).toMatchObject({
    code: 'RATE_LIMITED',
    retryAfterSeconds: expect.any(Number),
  });
  expect(refused.errors?.[0].message).toMatch(/查询过于频繁/);
});

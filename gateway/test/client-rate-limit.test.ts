// The per-client window behind the gateway's 429s (e2e/api/api-clients.test.ts covers the headers).
import { FixedWindowLimiter } from '../src/client-rate-limit';

it('counts per client within a window and starts afresh when it ends', () => {
  let now = 1_000_000;
  const limiter = new FixedWindowLimiter({ limit: 2, windowSeconds: 60 }, () => now);
  expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 1, resetSeconds: 60 });
  now += 30_000;
  expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 0, resetSeconds: 30 });
  expect(limiter.hit('a')).toEqual({ allowed: false, remaining: 0, resetSeconds: 30 });
  // Another client has its own window.
  expect(limiter.hit('b').allowed).toBe(true);
  now += 30_000;
  expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 1, resetSeconds: 60 });
});

// The webhook check against the Standard Webhooks specification's own test vector.
//   npm test (node --test)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifyWebhook } from '../src/lib/webhooks.ts';

const headers = {
  'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  'webhook-timestamp': '1614265330',
  'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body = '{"test": 2432232314}';

test('accepts the specification’s signed delivery', () => {
  verifyWebhook(headers, body, secret, 1614265330);
  // While a secret rotates, several signatures come; one valid is enough.
  verifyWebhook(
    { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` },
    body,
    secret,
    1614265330,
  );
});

test('refuses a changed body, another secret, a stale or future timestamp, missing headers', () => {
  assert.throws(
    () => verifyWebhook(headers, '{"test": 2432232315}', secret, 1614265330),
    /no valid signature/,
  );
  assert.throws(
    () => verifyWebhook(headers, body, 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 1614265330),
    /no valid signature/,
  );
  assert.throws(() => verifyWebhook(headers, body, secret, 1614265330 + 301), /tolerance/);
  assert.throws(() => verifyWebhook(headers, body, secret, 1614265330 - 301), /tolerance/);
  assert.throws(
    () => verifyWebhook({ ...headers, 'webhook-signature': undefined }, body, secret, 1614265330),
    /missing/,
  );
  assert.throws(
    () => verifyWebhook({ ...headers, 'webhook-signature': 'v2,x' }, body, secret, 1614265330),
    /no valid/,
  );
});

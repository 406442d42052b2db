// Verifying a webhook the platform sends, as Standard Webhooks specifies (standardwebhooks.com):
// the headers webhook-id, webhook-timestamp (seconds) and webhook-signature ("v1,<base64>", several
// separated by spaces while a secret rotates); the signature is HMAC-SHA256 of
// "<id>.<timestamp>.<raw body>" under the endpoint's secret ("whsec_" + base64).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Older (or newer) than this, a delivery is refused: a replayed capture is useless after it. */
export const TOLERANCE_SECONDS = 5 * 60;

export class WebhookRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookRejected';
  }
}

export interface WebhookHeaders {
  'webhook-id'?: string;
  'webhook-timestamp'?: string;
  'webhook-signature'?: string;
}

/**
 * Throws WebhookRejected unless the raw body (the exact bytes received: never re-serialised JSON)
 * was signed with `secret` for this id and a timestamp within the tolerance of `nowSeconds`.
 */
export function verifyWebhook(
  headers: WebhookHeaders,
  rawBody: string | Buffer,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures)
    throw new WebhookRejected('missing webhook-id, -timestamp or -signature');
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS)
    throw new WebhookRejected('timestamp outside the tolerance');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(rawBody).digest();
  const matches = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookRejected('no valid signature');
}

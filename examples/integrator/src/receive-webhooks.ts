// Receiving webhooks with a secret you already have (the `whsec_…` that createWebhookEndpoint
// answered; `npm run webhooks` registers a receiver and does all of this in one go). Register the
// public URL that reaches this port as the endpoint's url.
//   ZHICHENG_WEBHOOK_SECRET=whsec_… npm run receive-webhooks      (port: ZHICHENG_WEBHOOK_PORT, 8787)
import { startReceiver } from './lib/receiver.ts';

const secret = process.env.ZHICHENG_WEBHOOK_SECRET;
if (!secret) throw new Error('set ZHICHENG_WEBHOOK_SECRET to the endpoint’s secret (whsec_…)');
const maxEvents = Number(process.env.ZHICHENG_MAX_EVENTS ?? Infinity);
let accepted = 0;

const receiver = await startReceiver({
  port: Number(process.env.ZHICHENG_WEBHOOK_PORT ?? 8787),
  secret: () => secret,
  onEvent: (id, event) => {
    console.log(`accepted ${id}: ${event.type ?? '(no type)'}`);
    if (++accepted >= maxEvents) receiver.close();
  },
});
console.log(`listening on http://127.0.0.1:${receiver.port}/`);

// Receiving webhooks: a small HTTP endpoint that verifies each delivery's signature before it
// trusts a byte of it, answers 2xx quickly (the platform retries otherwise) and ignores ids it has
// seen (deliveries may repeat). Register its public URL as the client's webhook endpoint.
//   ZHICHENG_WEBHOOK_SECRET=whsec_… npm run receive-webhooks      (port: ZHICHENG_WEBHOOK_PORT, 8787)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, WebhookRejected } from './lib/webhooks.ts';

const secret = process.env.ZHICHENG_WEBHOOK_SECRET;
if (!secret) throw new Error('set ZHICHENG_WEBHOOK_SECRET to the endpoint’s secret (whsec_…)');
const maxEvents = Number(process.env.ZHICHENG_MAX_EVENTS ?? Infinity);
const seen = new Set<string>();

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    try {
      verifyWebhook(req.headers as Record<string, string>, body, secret);
    } catch (error) {
      if (!(error instanceof WebhookRejected)) throw error;
      console.log(`rejected: ${error.message}`);
      res.writeHead(401).end();
      return;
    }
    res.writeHead(204).end();
    const id = String(req.headers['webhook-id']);
    if (seen.has(id)) return;
    seen.add(id);
    const event = JSON.parse(body.toString('utf8')) as { type?: string };
    console.log(`accepted ${id}: ${event.type ?? '(no type)'}`);
    if (seen.size >= maxEvents) server.close();
  });
});
server.listen(Number(process.env.ZHICHENG_WEBHOOK_PORT ?? 8787), '127.0.0.1', () =>
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/`),
);

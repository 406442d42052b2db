// A webhook receiver: a small HTTP endpoint that verifies each delivery's Standard Webhooks
// signature before it trusts a byte of it, answers 2xx quickly (the platform retries otherwise)
// and ignores ids it has seen (deliveries may repeat).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, WebhookRejected } from './webhooks.ts';

export interface WebhookEvent {
  type?: string;
  timestamp?: string;
  data?: Record<string, unknown>;
}

export interface Receiver {
  /** The port it listens on (127.0.0.1). */
  port: number;
  close(): void;
}

/**
 * Listens on `port` (0: any free one). `secret` may be unknown until the receiver is registered
 * (the platform answers it then): until it is, deliveries get 503 and are retried.
 */
export async function startReceiver(options: {
  port: number;
  secret: () => string | undefined;
  onEvent: (id: string, event: WebhookEvent) => void;
}): Promise<Receiver> {
  const seen = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const secret = options.secret();
      if (!secret) {
        res.writeHead(503).end();
        return;
      }
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
      options.onEvent(id, JSON.parse(body.toString('utf8')) as WebhookEvent);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

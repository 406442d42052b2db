import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Logger } from '@zhicheng/server-kit';

/** Close codes after which retrying with the same token cannot help (graphql-ws throws on them itself too). */
const FATAL = new Set([4400, 4401, 4403, 4406, 4409, 4429, 4500]);

export interface UpstreamOptions {
  /** Subgraph name → its HTTP GraphQL URL (ws:// is derived from it). */
  urls: Record<string, string>;
  logger: Logger;
  /** First retry delay after an upstream socket dropped; doubles up to 5 s (plus jitter). */
  retryBaseMs?: number;
}

interface Entry {
  client: Client;
  users: number;
}

export function toWebSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * graphql-ws clients to the subgraphs, one per (subgraph, token): every subscription of one
 * person to one subgraph shares a socket (tabs too), and nobody shares another's token. A client
 * lives while it has subscriptions. When a subgraph restarts its socket drops (1001 or 1006):
 * the client reconnects with backoff for as long as it takes and re-subscribes what was active;
 * nothing is invented meanwhile (browsers refetch when their own socket reconnects, and the
 * subgraph's pub/sub sends a resync when its LISTEN connection comes back).
 */
export class UpstreamPool {
  private readonly clients = new Map<string, Entry>();

  constructor(private readonly options: UpstreamOptions) {}

  has(subgraph: string): boolean {
    return subgraph in this.options.urls;
  }

  /** Borrows the client for (subgraph, authorization); call the returned release when done. */
  acquire(subgraph: string, authorization: string | undefined): { client: Client; release: () => void } {
    const key = `${subgraph}\u0000${authorization ?? ''}`;
    let entry = this.clients.get(key);
    if (!entry) {
      entry = { client: this.create(subgraph, authorization), users: 0 };
      this.clients.set(key, entry);
    }
    entry.users += 1;
    const owned = entry;
    let released = false;
    return {
      client: owned.client,
      release: () => {
        if (released) return;
        released = true;
        owned.users -= 1;
        if (owned.users === 0 && this.clients.get(key) === owned) {
          this.clients.delete(key);
          void owned.client.dispose();
        }
      },
    };
  }

  /** Open upstream clients (the bench and tests look). */
  size(): number {
    return this.clients.size;
  }

  async close(): Promise<void> {
    const entries = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(entries.map((entry) => entry.client.dispose()));
  }

  private create(subgraph: string, authorization: string | undefined): Client {
    const { logger } = this.options;
    const base = this.options.retryBaseMs ?? 200;
    const url = toWebSocketUrl(this.options.urls[subgraph]);
    return createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : {},
      lazy: true,
      lazyCloseTimeout: 0,
      keepAlive: 15_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: (event) => !isCloseEvent(event) || !FATAL.has(event.code),
      retryWait: (retries) =>
        new Promise((resolve) =>
          setTimeout(resolve, Math.min(5_000, base * 2 ** retries) * (1 + Math.random() * 0.25)),
        ),
      on: {
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) logger.info({ subgraph }, 'upstream subscription socket re-established');
        },
        closed: (event) => {
          if (isCloseEvent(event) && event.code !== 1000) {
            logger.warn(
              { subgraph, code: event.code, reason: event.reason },
              'upstream subscription socket closed',
            );
          }
        },
      },
    });
  }
}

export function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

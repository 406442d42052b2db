import { Client } from 'pg';
import type { Logger } from 'pino';
import {
  decodeLive,
  encodeLive,
  LIVE_CHANNEL,
  LIVE_TOPICS,
  type LiveMessage,
  type LivePayloads,
  type LiveResync,
  type LiveTopic,
} from './topics';

export interface LivePubSubOptions {
  /** Notices a slow subscriber may have waiting; past that they collapse into one resync. */
  maxQueue?: number;
  /** First reconnect delay; doubles per failed attempt up to `maxBackoffMs` (plus jitter). */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface LivePubSubStats {
  connected: boolean;
  /** Times the LISTEN connection came back after it was lost. */
  reconnects: number;
  subscribers: number;
  byTopic: Record<LiveTopic, number>;
}

/**
 * type-graphql's `PubSub` (2.0 rc: `publish(routingKey, ...args)`, `subscribe(routingKey, id)`)
 * fed by one LISTEN connection per process. Pass it as `pubSub` to `buildSchema` /
 * `buildFederatedSchema`, and close it when the process stops.
 */
export interface LivePubSub {
  /**
   * Notices on `topic` (only those whose key is `id` when given: the declaration id for
   * DECLARATION_STATUS/TIMELINE, the organisation id for REVIEW_QUEUE), plus a `LiveResync`
   * after a reconnect. The iterable ends when its consumer stops (`return()`), or on `close()`.
   */
  subscribe<T extends LiveTopic>(topic: T, id?: unknown): AsyncIterableIterator<LiveMessage<T>>;
  /**
   * Sends a notice right away, outside any transaction (type-graphql's `@PubSub()` publish).
   * Prefer `publishLive(em, …)` inside the change's transaction.
   */
  publish<T extends LiveTopic>(topic: T, payload: LivePayloads[T]): Promise<void>;
  /** Resolves once the LISTEN connection is established (tests await it before publishing). */
  ready(): Promise<void>;
  stats(): LivePubSubStats;
  /** Ends every subscriber and the LISTEN connection. */
  close(): Promise<void>;
}

/** One subscriber: a queue that a GraphQL subscription (or any `for await`) reads. */
class LiveSubscriber<T extends LiveTopic> implements AsyncIterableIterator<LiveMessage<T>> {
  private readonly queue: LiveMessage<T>[] = [];
  private waiting: ((result: IteratorResult<LiveMessage<T>>) => void) | null = null;
  private ended = false;

  constructor(
    readonly topic: T,
    readonly key: string | undefined,
    private readonly maxQueue: number,
    private readonly onEnd: (subscriber: LiveSubscriber<T>) => void,
  ) {}

  deliver(message: LiveMessage<T>): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: message, done: false });
      return;
    }
    if (this.queue.length >= this.maxQueue) {
      // Too far behind to be worth replaying: tell it to look again instead.
      this.queue.length = 0;
      this.queue.push({ resync: true, topic: this.topic, at: new Date().toISOString() });
      return;
    }
    this.queue.push(message);
  }

  next(): Promise<IteratorResult<LiveMessage<T>>> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<LiveMessage<T>>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<LiveMessage<T>>> {
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.({ value: undefined, done: true });
    this.onEnd(this);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<LiveMessage<T>> {
    return this;
  }
}

type AnySubscriber = LiveSubscriber<LiveTopic>;

class PostgresLivePubSub implements LivePubSub {
  private readonly byTopic = new Map<LiveTopic, Set<AnySubscriber>>(
    LIVE_TOPICS.map((topic) => [topic, new Set<AnySubscriber>()]),
  );
  private client: Client | null = null;
  private connecting = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private attempt = 0;
  private everConnected = false;
  private reconnects = 0;
  private readonly readyPromise: Promise<void>;
  private markReady!: () => void;
  private readonly maxQueue: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    options: LivePubSubOptions,
  ) {
    this.maxQueue = options.maxQueue ?? 100;
    this.initialBackoffMs = options.initialBackoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.readyPromise = new Promise((resolve) => {
      this.markReady = resolve;
    });
    void this.connect();
  }

  subscribe<T extends LiveTopic>(topic: T, id?: unknown): AsyncIterableIterator<LiveMessage<T>> {
    const subscribers = this.byTopic.get(topic);
    if (!subscribers) throw new Error(`unknown live topic ${String(topic)}`);
    const key = id === undefined || id === null ? undefined : String(id);
    const subscriber = new LiveSubscriber<T>(topic, key, this.maxQueue, (ended) =>
      subscribers.delete(ended as unknown as AnySubscriber),
    );
    if (this.stopped) subscriber.end();
    else subscribers.add(subscriber as unknown as AnySubscriber);
    return subscriber;
  }

  async publish<T extends LiveTopic>(topic: T, payload: LivePayloads[T]): Promise<void> {
    const text = encodeLive(topic, payload);
    await this.ready();
    if (!this.client) throw new Error('live notices cannot be sent: not connected to PostgreSQL');
    await this.client.query('select pg_notify($1, $2)', [LIVE_CHANNEL, text]);
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  stats(): LivePubSubStats {
    const byTopic = Object.fromEntries([...this.byTopic].map(([topic, set]) => [topic, set.size])) as Record<
      LiveTopic,
      number
    >;
    return {
      connected: this.client !== null,
      reconnects: this.reconnects,
      subscribers: Object.values(byTopic).reduce((sum, n) => sum + n, 0),
      byTopic,
    };
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    for (const set of this.byTopic.values()) for (const subscriber of [...set]) subscriber.end();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private dispatch(text: string): void {
    const envelope = decodeLive(text);
    if (!envelope) {
      this.logger.warn({ channel: LIVE_CHANNEL }, 'ignored a live notice that is not ours');
      return;
    }
    for (const subscriber of this.byTopic.get(envelope.t) ?? []) {
      if (subscriber.key === undefined || subscriber.key === envelope.k) subscriber.deliver(envelope.p);
    }
  }

  private resyncAll(): void {
    const at = new Date().toISOString();
    for (const [topic, set] of this.byTopic) {
      const message: LiveResync = { resync: true, topic, at };
      for (const subscriber of set) subscriber.deliver(message);
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.connecting) return;
    this.connecting = true;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'zc-live',
      keepAlive: true,
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || this.stopped) return;
      lost = true;
      if (this.client === client) this.client = null;
      this.logger.warn({ err: error, channel: LIVE_CHANNEL }, 'live LISTEN connection lost; reconnecting');
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('notification', (message) => {
      if (message.channel === LIVE_CHANNEL) this.dispatch(message.payload ?? '');
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`listen ${LIVE_CHANNEL}`);
    } catch (error) {
      this.connecting = false;
      if (!lost) {
        lost = true;
        this.logger.warn(
          { err: error, channel: LIVE_CHANNEL },
          'cannot LISTEN for live notices yet; retrying',
        );
        await client.end().catch(() => undefined);
        this.scheduleReconnect();
      }
      return;
    }
    this.connecting = false;
    if (this.stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    if (this.everConnected) {
      this.reconnects += 1;
      this.logger.info({ channel: LIVE_CHANNEL }, 'live LISTEN connection restored; subscribers resync');
      // Notices sent while we were away are gone: every subscriber looks again.
      this.resyncAll();
    } else {
      this.everConnected = true;
      this.markReady();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    const base = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** this.attempt);
    this.attempt += 1;
    const delay = base + Math.random() * base * 0.25;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    this.retry.unref();
  }
}

/**
 * The process's live pub/sub: ONE LISTEN connection (reconnecting with backoff; every subscriber
 * gets a `LiveResync` after a reconnect) fanned out to in-process subscribers by topic and id.
 */
export function createLivePubSub(
  databaseUrl: string,
  logger: Logger,
  options: LivePubSubOptions = {},
): LivePubSub {
  return new PostgresLivePubSub(databaseUrl, logger, options);
}

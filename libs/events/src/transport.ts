import type { EventEnvelope } from './catalogue';

/** Receives each event at least once; the consumer's inbox turns that into exactly-once effects. */
export type DeliveryHandler = (event: EventEnvelope) => Promise<void>;

export interface Subscription {
  /** Delivers everything published so far, then resolves (tests and shutdown use it). */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * How events travel between subgraphs. PostgreSQL is the default (one database is enough);
 * a broker (NATS JetStream, Redis Streams) fits the same two operations for scale-out.
 */
export interface EventTransport {
  publish(events: EventEnvelope[]): Promise<void>;
  /** A durable subscription: `consumer` names the position kept between restarts. */
  subscribe(consumer: string, handler: DeliveryHandler): Subscription;
  close(): Promise<void>;
}

/**
 * What can change live, and what a notice about it carries. Notices are small on purpose (ids,
 * status, counts): a client that hears one refetches what it shows, so nothing here has to be
 * the whole truth, only enough to decide whether to look again.
 */
export type LiveTopic =
  | 'DECLARATION_STATUS'
  | 'DECLARATION_TIMELINE'
  | 'REVIEW_QUEUE'
  | 'CERTIFICATE_ISSUED'
  | 'CERTIFICATE_APPLICATION';

export interface LivePayloads {
  DECLARATION_STATUS: {
    declarationId: string;
    applicantId: string;
    status: string;
    statusText: string;
    at: string;
  };
  DECLARATION_TIMELINE: { declarationId: string; applicantId: string; entryId: string; at: string };
  REVIEW_QUEUE: {
    organisationId: string;
    declarationId: string;
    change: 'ADDED' | 'REMOVED' | 'UPDATED';
    at: string;
  };
  /** A certificate was issued to a holder (certificate subgraph); subscribers filter on the holder. */
  CERTIFICATE_ISSUED: { certificateId: string; holderPersonId: string; at: string };
  /**
   * A 补办/换发 application or a 历史职称数据登记 changed status (certificate subgraph);
   * subscribers filter on the applicant.
   */
  CERTIFICATE_APPLICATION: {
    kind: 'REISSUE' | 'HISTORICAL';
    applicationId: string;
    applicantPersonId: string;
    status: string;
    at: string;
  };
}

/**
 * Sent to every subscriber (whatever its topic and id) after the LISTEN connection came back or a
 * subscriber fell too far behind: notices may have been missed, so look again. Subscription
 * resolvers answer it with the current state (e.g. the declaration's status read afresh).
 */
export interface LiveResync {
  resync: true;
  topic: LiveTopic;
  at: string;
}

/** What a subscriber to `T` receives. */
export type LiveMessage<T extends LiveTopic = LiveTopic> = LivePayloads[T] | LiveResync;

export const isResync = (message: unknown): message is LiveResync =>
  typeof message === 'object' && message !== null && (message as { resync?: unknown }).resync === true;

export const LIVE_TOPICS: readonly LiveTopic[] = [
  'DECLARATION_STATUS',
  'DECLARATION_TIMELINE',
  'REVIEW_QUEUE',
  'CERTIFICATE_ISSUED',
  'CERTIFICATE_APPLICATION',
];

/** The PostgreSQL channel every notice travels on. */
export const LIVE_CHANNEL = 'zc_live';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; we stay well below. */
export const MAX_LIVE_PAYLOAD_BYTES = 7 * 1024;

/** The id a subscriber filters on: the declaration for its status and timeline, the organisation for a queue. */
export function liveKeyOf<T extends LiveTopic>(topic: T, payload: LivePayloads[T]): string {
  switch (topic) {
    case 'DECLARATION_STATUS':
    case 'DECLARATION_TIMELINE':
      return (payload as LivePayloads['DECLARATION_STATUS']).declarationId;
    case 'REVIEW_QUEUE':
      return (payload as LivePayloads['REVIEW_QUEUE']).organisationId;
    case 'CERTIFICATE_ISSUED':
      return (payload as LivePayloads['CERTIFICATE_ISSUED']).holderPersonId;
    case 'CERTIFICATE_APPLICATION':
      return (payload as LivePayloads['CERTIFICATE_APPLICATION']).applicantPersonId;
    default:
      throw new Error(`unknown live topic ${String(topic)}`);
  }
}

/** On the wire (the NOTIFY payload): topic, key and the payload. */
export interface LiveEnvelope {
  t: LiveTopic;
  k: string;
  p: LivePayloads[LiveTopic];
}

export function encodeLive<T extends LiveTopic>(topic: T, payload: LivePayloads[T]): string {
  if (!LIVE_TOPICS.includes(topic)) throw new Error(`unknown live topic ${String(topic)}`);
  const text = JSON.stringify({ t: topic, k: liveKeyOf(topic, payload), p: payload } satisfies LiveEnvelope);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_LIVE_PAYLOAD_BYTES) {
    throw new Error(
      `live notice for ${topic} is ${bytes} bytes (limit ${MAX_LIVE_PAYLOAD_BYTES}): send ids and let clients refetch`,
    );
  }
  return text;
}

export function decodeLive(text: string): LiveEnvelope | null {
  try {
    const value = JSON.parse(text) as Partial<LiveEnvelope>;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof value.t === 'string' &&
      LIVE_TOPICS.includes(value.t) &&
      typeof value.k === 'string' &&
      typeof value.p === 'object' &&
      value.p !== null
    ) {
      return value as LiveEnvelope;
    }
  } catch {
    // fall through: a stranger's NOTIFY on our channel is ignored
  }
  return null;
}

export {
  decodeLive,
  encodeLive,
  isResync,
  LIVE_CHANNEL,
  LIVE_TOPICS,
  liveKeyOf,
  MAX_LIVE_PAYLOAD_BYTES,
  type LiveEnvelope,
  type LiveMessage,
  type LivePayloads,
  type LiveResync,
  type LiveTopic,
} from './topics';
export { publishLive } from './publish';
export { createLivePubSub, type LivePubSub, type LivePubSubOptions, type LivePubSubStats } from './pubsub';

export * from './catalogue';
export { eventEntities, eventTablesSql, InboxEntry, OutboxEvent } from './entities';
export { recordEvent } from './record';
export type { DeliveryHandler, EventTransport, Subscription } from './transport';
export {
  createPostgresTransport,
  PostgresEventTransport,
  type PostgresTransportOptions,
} from './postgres-transport';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './relay';
export { startEventConsumer, type EventConsumerOptions, type EventHandlers } from './consumer';
export { startEventWork, type EventWork, type EventWorkOptions } from './event-work';
export {
  ACCESS_LOG_UNAVAILABLE,
  flushPersonalDataViews,
  isSelf,
  notePersonalDataView,
  personalDataViewsPlugin,
  viewerOf,
  type PersonalDataView,
  type ViewingContext,
} from './personal-data';

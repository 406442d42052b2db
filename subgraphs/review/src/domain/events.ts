// The domain events review publishes (through the outbox, in the same transaction as the state
// change) so declaration, the gateway's subscriptions and later subgraphs learn what happened.
// Their payloads live in libs/events' catalogue, shared with the consumers.
import type { CommitteeRef, EventPayloads } from '@zhicheng/events';

export type { CommitteeRef };

export type ReviewEventType =
  | 'DeclarationReturned'
  | 'DeclarationAdvanced'
  | 'DeclarationTerminated'
  | 'DeclarationMaterialsApproved'
  | 'DeclarationFinallyApproved'
  | 'DeclarationDeferred';

export type ReviewEventPayloads = Pick<EventPayloads, ReviewEventType>;

export type ReviewEvent = {
  [K in ReviewEventType]: { type: K; payload: ReviewEventPayloads[K] };
}[ReviewEventType];

// The domain events review publishes (through the outbox, in the same transaction as the state
// change) so declaration, the gateway's subscriptions and later subgraphs learn what happened.
// Shaped like libs/events' EventPayloads, so they can join its catalogue unchanged.
import type { ModuleKey, ReturnTarget, ReviewLevel } from './vocabulary';

export interface CommitteeRef {
  organisationId: string;
  name: string;
}

/** The facts review publishes (through the outbox) for declaration, the gateway and others. */
export interface ReviewEventPayloads {
  /** Returned for changes: to the applicant (declaration becomes 被退回) or to a lower level. */
  DeclarationReturned: {
    declarationId: string;
    fromLevel: ReviewLevel;
    organisationId: string;
    modules: ModuleKey[];
    opinion: string;
    targetLevel: ReturnTarget;
    returnedAt: string;
  };
  /** Now at `level` (a pass above a unit, or a unit's batch forwarding). */
  DeclarationAdvanced: {
    declarationId: string;
    fromLevel: ReviewLevel;
    level: ReviewLevel;
    organisationId: string;
    organisationName: string;
    advancedAt: string;
  };
  /** 审核不通过终止审核, by a reviewer or by the committee's 不通过. */
  DeclarationTerminated: {
    declarationId: string;
    level: ReviewLevel;
    organisationId: string;
    opinion: string;
    committeeResult: 'FAIL' | null;
    terminatedAt: string;
  };
  /** 材料审核通过: the level below the committee passed it, or a route without committee ended so. */
  DeclarationMaterialsApproved: {
    declarationId: string;
    level: ReviewLevel;
    organisationId: string;
    /** True when the review ends here (人才分类定级); false when the committee comes next. */
    routeComplete: boolean;
    approvedAt: string;
  };
  /** 终审通过: the committee's 通过, or the last level of a route whose notice makes it final. */
  DeclarationFinallyApproved: {
    declarationId: string;
    result: 'PASS';
    committee: CommitteeRef | null;
    opinion: string;
    approvedAt: string;
  };
  /** 暂缓: the committee will decide later; the declaration stays at the committee. */
  DeclarationDeferred: {
    declarationId: string;
    committee: CommitteeRef;
    opinion: string;
    deferredAt: string;
  };
}

export type ReviewEventType = keyof ReviewEventPayloads;
export type ReviewEvent = {
  [K in ReviewEventType]: { type: K; payload: ReviewEventPayloads[K] };
}[ReviewEventType];

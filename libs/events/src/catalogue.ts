/**
 * Every event that crosses a subgraph boundary, with its payload. Producers and consumers import
 * these types, so a payload change is a compile error on both sides rather than a runtime surprise.
 */

export type ReviewLevel = 'UNIT' | 'DEPARTMENT' | 'BUREAU' | 'COMMITTEE';

export interface RouteLevel {
  level: ReviewLevel;
  /** The reviewing organisation when the notice fixes it (a department, a bureau, a committee). */
  organisationId?: string | null;
  name: string;
}

export interface EventPayloads {
  /** identity: a unit is activated and has signed in once, so applicants may bind to it (SPEC §2). */
  UnitReady: { unitId: string; creditCode: string; name: string };
  /** binding: the unit approved an applicant's binding request. */
  BindingApproved: {
    bindingId: string;
    personId: string;
    unitId: string;
    unitName: string;
    approvedAt: string;
  };
  /** binding: the applicant unbound (or the request ended); the person has no unit any more. */
  BindingEnded: { bindingId: string; personId: string; unitId: string; endedAt: string };
  /** declaration: a declaration was submitted (or resubmitted); carries what review needs. */
  DeclarationSubmitted: {
    declarationId: string;
    noticeId: string;
    channelCode: string;
    personId: string;
    applicantName: string;
    unitId: string;
    title: {
      seriesCode: string;
      specialtyCode: string;
      scopeCode: string;
      titleCode: string;
      levelCode: string;
      titleName: string;
      levelName: string;
    };
    category: 'NORMAL' | 'EXCEPTIONAL';
    route: RouteLevel[];
    /** What passing the route's last level means: 终审通过, or 材料审核通过 (talent classification). */
    outcomeAfterRoute: 'FINALLY_APPROVED' | 'MATERIALS_APPROVED';
    committeeId?: string | null;
    submittedAt: string;
    resubmission: boolean;
  };
}

export type EventType = keyof EventPayloads;

export interface EventEnvelope<K extends EventType = EventType> {
  /** Unique per event; consumers deduplicate on it. */
  id: string;
  type: K;
  /** The subgraph that recorded it. */
  source: string;
  occurredAt: string;
  payload: EventPayloads[K];
}

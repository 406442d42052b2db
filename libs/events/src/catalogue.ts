/**
 * Every event that crosses a subgraph boundary, with its payload. Producers and consumers import
 * these types, so a payload change is a compile error on both sides rather than a runtime surprise.
 */
import type { ModuleKey } from '@zhicheng/vocabulary';

export type ReviewLevel = 'UNIT' | 'DEPARTMENT' | 'BUREAU' | 'COMMITTEE';

export interface RouteLevel {
  level: ReviewLevel;
  /** The reviewing organisation when the notice fixes it (a department, a bureau, a committee). */
  organisationId?: string | null;
  name: string;
}

/** The declaration's modules, as the one vocabulary names them (review flags them on return). */
export type DeclarationModuleKey = ModuleKey;

/** 工作单位性质, as the Jiangsu declaration form lists them (seed 004). */
export type UnitNature = 'ENTERPRISE' | 'INSTITUTION' | 'GOVERNMENT' | 'SOCIAL_ORGANISATION' | 'OTHER';

export type OrganisationKind =
  'PROVINCE_BUREAU' | 'CITY_BUREAU' | 'COUNTY_BUREAU' | 'DEPARTMENT' | 'COMMITTEE';

/** A review committee's remit: series, levels, specialties (empty: all of the series), open. */
export interface CommitteeScope {
  seriesCode: string;
  levelCodes: string[];
  specialtyCodes: string[];
  open: boolean;
}

export interface CommitteeRef {
  organisationId: string;
  name: string;
}

/**
 * 人才分类定级's classes (人才类别), top class first, as the declaration subgraph names them
 * (TALENT_LEVELS in its domain/data/talent-standards.ts); repeated here because review records the
 * class awarded and certificate prints it.
 */
export type TalentLevelCode = 'A' | 'B' | 'C' | 'D' | 'E';

/** What the applicant applied for in a 人才分类定级 declaration (its 基本信息). */
export interface TalentApplication {
  /** 申请评定级别(层次): set by the standard, never typed. */
  levelCode: TalentLevelCode;
  levelName: string;
  /** 申请评定符合标准 (its code and text). */
  standardCode: string;
  standardText: string;
  /** 人才认定服务类型: 首次认定 / 晋升认定. */
  serviceType: 'FIRST' | 'PROMOTION';
}

/** The body that decided a 人才分类定级 result (the organisation holding the route's last seat). */
export interface DecidingBody {
  level: ReviewLevel;
  organisationId: string;
  name: string;
}

/**
 * What of a person's data a read showed (谁查看了我的信息). Masked values (110***********1234) and
 * names in queues are not personal-data reads; opening the record is.
 */
export type PersonalDataItem =
  /** The full resident ID number (e.g. a unit verifying a binding request). */
  | 'ID_NUMBER'
  /** The full mobile number. */
  | 'MOBILE'
  /** A declaration's modules (基本信息 with ID number and mobile, education, work …). */
  | 'DECLARATION_CONTENTS'
  /** A declaration's uploaded files (links to them). */
  | 'DECLARATION_FILES'
  /** A declaration's business forms (业务表册, links to the PDFs). */
  | 'BUSINESS_FORMS'
  /** A reviewer opened the declaration's review case (审核办件). */
  | 'REVIEW_CASE'
  /**
   * The materials of a 证书补办/换发 application or a 历史职称数据登记 (links to the PDFs, or a
   * download of one). Events recorded before it existed never carry it; it has no declaration.
   */
  | 'CERTIFICATE_MATERIALS';

/** Who read: ids and names from the reader's token; identity adds the organisation's name. */
export interface PersonalDataViewer {
  /** PERSON, LEGAL_PERSON, AGENT, STAFF or CLIENT (a third-party system). */
  kind: string;
  id: string;
  name: string;
  roles: string[];
  /** The unit a legal person or agent acts for. */
  unitId: string | null;
  /** The organisation (bureau, department, committee) of a staff member. */
  organisationId: string | null;
}

export interface EventPayloads {
  /**
   * identity: a unit is activated and has signed in once, so applicants may bind to it (SPEC §2).
   * Announced again when its profile changes. The profile fields are absent in older events.
   */
  UnitReady: {
    unitId: string;
    creditCode: string;
    name: string;
    /**
     * 所属行政区划: GB/T 2260 code of the unit's region (its bureau by jurisdiction). Absent in older
     * events: statistics then take the credit code's registration-authority area (its 3rd–8th
     * characters, GB 32100).
     */
    regionCode?: string | null;
    /** 工作单位性质. */
    nature?: UnitNature | null;
    /** 行政主管部门: a DEPARTMENT organisation, or null for 无. */
    competentDepartmentId?: string | null;
  };
  /**
   * identity: an organisation (bureau, department, committee) was created or changed. Review keeps
   * them to route declarations by jurisdiction (按人事管理权限逐级审核).
   */
  OrganisationChanged: {
    organisationId: string;
    name: string;
    kind: OrganisationKind;
    regionCode: string;
    parentId: string | null;
    /** A disabled organisation takes no new declarations. */
    enabled: boolean;
    /** COMMITTEE only: what it reviews and whether it takes declarations (开放申报). */
    committee?: CommitteeScope | null;
    at: string;
  };
  /**
   * identity: a person's real-name facts (registration, or a correction by staff). Declaration
   * keeps them so a declaration can only be made in the account holder's own name.
   */
  PersonRegistered: {
    personId: string;
    name: string;
    idType: 'RESIDENT_ID' | 'PASSPORT';
    idNumber: string;
    /** The account's mobile (sign-in and contact); absent in events announced before it was added. */
    mobile?: string;
    /** When these facts became true (registration or correction); a later one replaces an earlier. */
    at: string;
  };
  /** binding: an applicant asked a unit to bind; the unit may now verify who is asking. */
  BindingRequested: { bindingId: string; personId: string; unitId: string; requestedAt: string };
  /** binding: a request stopped being pending (approved, refused or withdrawn). */
  BindingRequestClosed: {
    bindingId: string;
    personId: string;
    unitId: string;
    outcome: 'APPROVED' | 'REFUSED' | 'WITHDRAWN';
    closedAt: string;
  };
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
      /** 系列 and 专业 names (absent in events recorded before certificates existed). */
      seriesName?: string | null;
      specialtyName?: string | null;
    };
    /**
     * The applicant's ID number, masked (110***********1234), for the certificate. Never the
     * whole number: the event stream keeps every event forever. Absent in older events.
     */
    applicantIdNumberMasked?: string | null;
    category: 'NORMAL' | 'EXCEPTIONAL';
    route: RouteLevel[];
    /** What passing the route's last level means: 终审通过, or 材料审核通过 (talent classification). */
    outcomeAfterRoute: 'FINALLY_APPROVED' | 'MATERIALS_APPROVED';
    committeeId?: string | null;
    /**
     * 人才分类定级 only: the class and standard applied for (review offers the class as the default
     * result, certificate prints the standard). Null for other channels; absent in older events.
     */
    talent?: TalentApplication | null;
    submittedAt: string;
    resubmission: boolean;
  };
  /** review: returned for changes, to the applicant (declaration becomes 被退回) or to a lower level. */
  DeclarationReturned: {
    declarationId: string;
    fromLevel: ReviewLevel;
    organisationId: string;
    modules: DeclarationModuleKey[];
    opinion: string;
    targetLevel: 'APPLICANT' | ReviewLevel;
    returnedAt: string;
  };
  /** review: now at `level` (a pass above a unit, or a unit's batch forwarding). */
  DeclarationAdvanced: {
    declarationId: string;
    fromLevel: ReviewLevel;
    level: ReviewLevel;
    organisationId: string;
    organisationName: string;
    advancedAt: string;
  };
  /** review: 审核不通过终止审核, by a reviewer or by the committee's 不通过. */
  DeclarationTerminated: {
    declarationId: string;
    level: ReviewLevel;
    organisationId: string;
    opinion: string;
    committeeResult: 'FAIL' | null;
    terminatedAt: string;
  };
  /** review: 材料审核通过 — the level below the committee passed it, or a committee-less route ended so. */
  DeclarationMaterialsApproved: {
    declarationId: string;
    level: ReviewLevel;
    organisationId: string;
    /** True when the review ends here (人才分类定级); false when the committee comes next. */
    routeComplete: boolean;
    approvedAt: string;
  };
  /**
   * review: 终审通过 — the committee's 通过, the last level of a route whose notice makes it final,
   * or (kind TALENT_LEVEL) the 评审结果 通过 of a 人才分类定级 declaration after 材料审核通过.
   */
  DeclarationFinallyApproved: {
    declarationId: string;
    result: 'PASS';
    committee: CommitteeRef | null;
    opinion: string;
    approvedAt: string;
    /**
     * What the approval grants, so certificate issues the right kind: a professional title
     * (TITLE), or a talent class (TALENT_LEVEL). Absent in events recorded before talent results:
     * TITLE.
     */
    kind?: 'TITLE' | 'TALENT_LEVEL';
    /** TALENT_LEVEL: the class awarded (default the one applied for) and the body that decided. */
    talent?: { levelCode: TalentLevelCode; levelName: string; decidedBy: DecidingBody } | null;
  };
  /**
   * review: 暂缓 — the committee (or, for 人才分类定级, the deciding body) will decide later; the
   * declaration stays there.
   */
  DeclarationDeferred: {
    declarationId: string;
    /** The deferring body (the committee; for 人才分类定级 the deciding body). */
    committee: CommitteeRef;
    opinion: string;
    deferredAt: string;
    /** The deferring body's route level; absent (older events): COMMITTEE. */
    level?: ReviewLevel;
  };
  /**
   * Any subgraph: someone other than the person read the person's personal data (one event per
   * request, person and declaration). identity keeps it as the person's access log.
   */
  PersonalDataViewed: {
    personId: string;
    declarationId: string | null;
    items: PersonalDataItem[];
    viewer: PersonalDataViewer;
    viewedAt: string;
    /** The request id (x-request-id) the gateway gave the read, for tracing. */
    requestId: string;
  };
  /** certificate: an electronic certificate was issued for a finally approved declaration. */
  CertificateIssued: {
    certificateId: string;
    number: string;
    /** null for a certificate issued from a registered paper certificate (历史职称数据登记). */
    declarationId: string | null;
    /** The registered paper certificate behind it, if any. */
    historicalRegistrationId?: string | null;
    /** The certificate it replaces (补办/换发), if any. */
    replacesCertificateId?: string | null;
    holderPersonId: string;
    /** The signing key's id (did:web …#key-…). */
    kid: string;
    issuedAt: string;
  };
  /** certificate: a certificate was revoked (作废); its status list entry is set. */
  CertificateRevoked: {
    certificateId: string;
    number: string;
    declarationId: string | null;
    /** The certificate that replaces it (补办/换发), if any. */
    replacedByCertificateId?: string | null;
    reason: string;
    revokedAt: string;
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

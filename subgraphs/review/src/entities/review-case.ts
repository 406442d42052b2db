import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { FieldProblem } from '@zhicheng/server-kit';
import type { ReviewLevel, ReviewState, TaskState } from '../domain';

/** The review's phase as stored: the domain's, or UNROUTABLE when its route cannot be followed. */
export type CasePhase =
  'IN_REVIEW' | 'RETURNED' | 'MATERIALS_APPROVED' | 'FINALLY_APPROVED' | 'TERMINATED' | 'UNROUTABLE';

/**
 * The review of one declaration (one row per declaration). `state` is the domain's ReviewState,
 * stored whole: the domain is the only thing that changes it. The `current*` columns repeat where
 * the declaration is now so queues are plain indexed queries; they are rewritten from the state
 * on every change (services/cases.ts). `version` is the optimistic lock behind the row lock every
 * change takes first.
 *
 * UNROUTABLE: DeclarationSubmitted arrived with a route review cannot follow (e.g. an HR bureau
 * level naming no organisation). The event is kept here, not dropped, with the problems, and
 * logged as an error; the applicant and the unit see it through reviewCase.
 */
@Entity({ tableName: 'review_case' })
@Index({ properties: ['currentOrganisationId', 'currentLevel', 'currentTaskState', 'currentSince'] })
@Index({ properties: ['applicantId'] })
@Index({ properties: ['noticeId'] })
export class ReviewCase {
  @PrimaryKey({ type: 'uuid' })
  declarationId!: string;

  @Property({ type: 'uuid' })
  noticeId!: string;

  @Property({ type: 'text' })
  channelCode!: string;

  /** identity's Person id of the applicant. */
  @Property({ type: 'uuid' })
  applicantId!: string;

  @Property({ type: 'text' })
  applicantName!: string;

  /** identity's Unit id of the recommending unit (推荐单位). */
  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text', nullable: true })
  unitName?: string | null;

  /** The title declared for (职称名称, 级别), for lists. */
  @Property({ type: 'text' })
  titleName!: string;

  @Property({ type: 'text' })
  levelName!: string;

  /** 申报系列 and 申报专业 (codes for queue filters, names for lists); null on cases opened before. */
  @Property({ type: 'text', nullable: true })
  seriesCode?: string | null;

  @Property({ type: 'text', nullable: true })
  seriesName?: string | null;

  @Property({ type: 'text', nullable: true })
  specialtyCode?: string | null;

  @Property({ type: 'text', nullable: true })
  specialtyName?: string | null;

  /** NORMAL 正常 / EXCEPTIONAL 破格. */
  @Property({ type: 'text' })
  category!: string;

  @Property({ type: 'text', nullable: true })
  committeeId?: string | null;

  /** The domain's state; null only while UNROUTABLE. */
  @Property({ type: 'jsonb', nullable: true })
  state?: ReviewState | null;

  /** Why the route cannot be followed (UNROUTABLE), else null. */
  @Property({ type: 'jsonb', nullable: true })
  routingProblems?: FieldProblem[] | null;

  @Property({ type: 'text' })
  phase!: CasePhase;

  @Property({ type: 'text', nullable: true })
  currentLevel?: ReviewLevel | null;

  /** The organisation (or, at the UNIT level, the unit) holding the open task. */
  @Property({ type: 'text', nullable: true })
  currentOrganisationId?: string | null;

  @Property({ type: 'int', nullable: true })
  currentTaskSequence?: number | null;

  /** PENDING 待审 / AWAITING_FORWARD 待送审 / DEFERRED 暂缓, while a task is open. */
  @Property({ type: 'text', nullable: true })
  currentTaskState?: TaskState | null;

  /** When the open task was opened (queues list the longest waiting first). */
  @Property({ type: 'timestamptz', nullable: true })
  currentSince?: Date | null;

  /** The first submission. */
  @Property({ type: 'timestamptz' })
  submittedAt!: Date;

  /** The audit chain's head: the newest timeline entry's sequence and hash. */
  @Property({ type: 'int', nullable: true })
  headSequence?: number | null;

  @Property({ type: 'text', nullable: true })
  headHash?: string | null;

  @Property({ type: 'int', version: true })
  version!: Opt<number>;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

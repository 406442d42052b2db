import { Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import type { ModuleData, ModuleKey, ReviewPosition, ReviewStop, RouteLevelKind, RouteSeat } from '../domain';
import { BaseEntity } from './base';
import { Notice } from './notice';

export enum DeclarationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  MATERIALS_APPROVED = 'MATERIALS_APPROVED',
  FINALLY_APPROVED = 'FINALLY_APPROVED',
  TERMINATED = 'TERMINATED',
  CANCELLED = 'CANCELLED',
}

export enum DeclarationCategory {
  NORMAL = 'NORMAL',
  /** 破格 */
  EXCEPTIONAL = 'EXCEPTIONAL',
}

/**
 * One applicant's declaration under one notice. `version` is the optimistic lock: every change
 * bumps it, and a save that names an older version is refused instead of overwriting a newer
 * edit made on another page.
 */
@Entity({ tableName: 'declaration' })
@Index({
  name: 'declaration_one_active_per_notice',
  expression: `create unique index "declaration_one_active_per_notice" on "declaration"."declaration" ("notice_id", "applicant_id") where "deleted_at" is null and "status" not in ('CANCELLED', 'TERMINATED')`,
})
@Index({ properties: ['applicantId', 'createdAt'] })
@Index({ properties: ['unitId', 'status'] })
export class Declaration extends BaseEntity {
  @ManyToOne(() => Notice, { ref: true })
  notice!: Ref<Notice>;

  /** identity's person id of the applicant. */
  @Property({ type: 'uuid' })
  applicantId!: string;

  @Property({ type: 'text' })
  applicantName!: string;

  /** The unit the applicant was bound to when starting (推荐单位). */
  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  unitName!: string;

  @Enum({ items: () => DeclarationStatus })
  status: Opt<DeclarationStatus> = DeclarationStatus.DRAFT;

  @Property({ type: 'int', version: true })
  version!: Opt<number>;

  @Enum({ items: () => DeclarationCategory })
  category!: DeclarationCategory;

  /** The committee chosen from the notice's list (Jiangsu style), by NoticeCommittee.id. */
  @Property({ type: 'text', nullable: true })
  committeeId?: string | null;

  /** The modules as the applicant saved them (domain ModuleData). */
  @Property({ type: 'jsonb' })
  data: Opt<ModuleData> = {};

  /** When the applicant ticked the integrity pledge (诚信承诺) on submitting. */
  @Property({ type: 'timestamptz', nullable: true })
  pledgedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  /** How many times it was submitted (a resubmission after a return counts). */
  @Property({ type: 'int' })
  submissionCount: Opt<number> = 0;

  /** The version the last submit was made from: repeating that submit is answered, not redone. */
  @Property({ type: 'int', nullable: true })
  submittedFromVersion?: number | null;

  /** While RETURNED: the modules the reviewer flagged (×); only these may be edited. */
  @Property({ type: 'jsonb', nullable: true })
  returnedModules?: ModuleKey[] | null;

  /** The last return to the applicant (退回意见); shown while RETURNED, kept after resubmission. */
  @Property({ type: 'text', nullable: true })
  returnOpinion?: string | null;

  /** When the last return to the applicant was decided (review's time). */
  @Property({ type: 'timestamptz', nullable: true })
  returnedAt?: Date | null;

  /** Who returned it last: the level and organisation that takes the resubmission. */
  @Property({ type: 'jsonb', nullable: true })
  returnedBy?: ReviewStop | null;

  /** When `status` last changed (submit, cancel, or a review event). */
  @Property({ type: 'timestamptz', nullable: true })
  statusChangedAt?: Date | null;

  /** Where review has it now (level, organisation, 暂缓, a return from above), from review's events. */
  @Property({ type: 'jsonb', nullable: true })
  reviewPosition?: ReviewPosition | null;

  /** The organisations met at each route level so far (their names for display). */
  @Property({ type: 'jsonb' })
  reviewStops: Opt<Partial<Record<RouteLevelKind, ReviewStop>>> = {};

  /**
   * Every organisation that has had the declaration on its route (the unit from submission, each
   * level review passed it to, whoever decided on it), from review's events: these, and no other
   * reviewers, may read it.
   */
  @Property({ type: 'jsonb' })
  routeSeats: Opt<RouteSeat[]> = [];

  /** The time of the latest review event applied: older ones arriving late change nothing. */
  @Property({ type: 'timestamptz', nullable: true })
  reviewEventAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  /** Deleted by the applicant (a draft or a terminated one); kept for the audit trail. */
  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}

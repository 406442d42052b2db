import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { ReviewLevel } from '../domain';

/**
 * 统计分析's status of a declaration: the applicant's words (已申报, 被退回, 材料审核通过, 终审通过,
 * 审核不通过终止审核), as review's events leave it.
 */
export type StatStatus = 'SUBMITTED' | 'RETURNED' | 'MATERIALS_APPROVED' | 'FINALLY_APPROVED' | 'TERMINATED';

/** 评审结果 of the committee (or 人才分类定级's deciding body): 通过, 不通过, 暂缓. */
export type CommitteeOutcome = 'PASS' | 'FAIL' | 'DEFER';

/**
 * The reporting read model: one row per submitted declaration, written only by the statistics
 * consumer from events (DeclarationSubmitted, review's outcomes, UnitReady, CertificateIssued), never
 * from review_case, so the figures would be the same if statistics moved to its own service.
 */
@Entity({ tableName: 'stat_declaration' })
@Index({ properties: ['firstSubmittedAt'] })
@Index({ properties: ['noticeId', 'firstSubmittedAt'] })
@Index({ properties: ['regionCode', 'firstSubmittedAt'] })
@Index({ properties: ['unitId'] })
export class StatDeclaration {
  @PrimaryKey({ type: 'uuid' })
  declarationId!: string;

  @Property({ type: 'uuid' })
  noticeId!: string;

  @Property({ type: 'text' })
  channelCode!: string;

  @Property({ type: 'text', nullable: true })
  seriesCode?: string | null;

  @Property({ type: 'text', nullable: true })
  seriesName?: string | null;

  /** The title's level (正高级, 副高级, 中级 …): its catalogue code and name. */
  @Property({ type: 'text', nullable: true })
  levelCode?: string | null;

  @Property({ type: 'text', nullable: true })
  levelName?: string | null;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text', nullable: true })
  unitName?: string | null;

  /** GB/T 2260 code of the unit's area (UnitReady), null until known. */
  @Property({ type: 'text', nullable: true })
  regionCode?: string | null;

  @Property({ type: 'text' })
  status!: StatStatus;

  /** The review level holding it now (null while with the applicant or once decided). */
  @Property({ type: 'text', nullable: true })
  currentLevel?: ReviewLevel | null;

  /** The level that returned it to the applicant (a resubmission goes back there). */
  @Property({ type: 'text', nullable: true })
  returnedFromLevel?: ReviewLevel | null;

  /** How often it was returned to the applicant. */
  @Property({ type: 'int' })
  returnCount: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  committeeId?: string | null;

  @Property({ type: 'text', nullable: true })
  committeeName?: string | null;

  @Property({ type: 'text', nullable: true })
  committeeOutcome?: CommitteeOutcome | null;

  @Property({ type: 'timestamptz' })
  firstSubmittedAt!: Date;

  @Property({ type: 'timestamptz' })
  lastSubmittedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  certificateIssuedAt?: Date | null;
}

/**
 * One stay of a declaration at a review level, from arrival to the level's decision (passed on,
 * returned, terminated or decided): review time per level is the spread of these. An open stay has
 * no endedAt.
 */
@Entity({ tableName: 'stat_level_stay' })
@Index({ properties: ['declarationId', 'endedAt'] })
@Index({ properties: ['level', 'endedAt'] })
export class StatLevelStay {
  @PrimaryKey({ type: 'uuid' })
  declarationId!: string;

  @PrimaryKey({ type: 'int' })
  sequence!: number;

  @Property({ type: 'text' })
  level!: ReviewLevel;

  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date | null;
}

/** Units as identity announces them (UnitReady): their name and area, for the figures by region. */
@Entity({ tableName: 'stat_unit' })
export class StatUnit {
  @PrimaryKey({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  regionCode?: string | null;
}

export const statisticsEntities = [StatDeclaration, StatLevelStay, StatUnit];

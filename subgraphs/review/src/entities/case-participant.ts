import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { ReviewLevel } from '../domain';

/**
 * Every organisation (or unit) that has had a task on a declaration: it may keep reading the case
 * (进度跟踪) after passing it on, and its 已审 list is a plain indexed query.
 */
@Entity({ tableName: 'case_participant' })
@Index({ properties: ['organisationId', 'level', 'lastTaskAt'] })
export class CaseParticipant {
  @PrimaryKey({ type: 'uuid' })
  declarationId!: string;

  @PrimaryKey({ type: 'text' })
  level!: ReviewLevel;

  @PrimaryKey({ type: 'text' })
  organisationId!: string;

  @Property({ type: 'timestamptz' })
  firstTaskAt!: Date;

  /** Its latest activity on the case: a task opened for it, or a step it took (已审 order). */
  @Property({ type: 'timestamptz' })
  lastTaskAt!: Date;
}

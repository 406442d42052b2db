import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { ApplicantStatus, ModuleKey, ReturnTarget, ReviewLevel, TimelineStep } from '../domain';

/**
 * One step of a declaration's progress (流程推送 / 进度跟踪) and, numbered and hash-chained, its
 * audit trail. Every column but `id` is covered by `hash` (the domain's canonical JSON of the
 * entry, its sequence and previous hash), so changing any of them is detected by verifyAuditTrail.
 * Ids are text so they hash exactly as they were written. Append-only: a trigger (see the
 * migration) refuses UPDATE and DELETE.
 */
@Entity({ tableName: 'timeline_entry' })
@Unique({ properties: ['declarationId', 'sequence'] })
@Index({ properties: ['actorId'] })
export class TimelineEntryRow {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'text' })
  declarationId!: string;

  /** 0, 1, 2 … within the declaration. */
  @Property({ type: 'int' })
  sequence!: number;

  @Property({ type: 'int' })
  taskSequence!: number;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @Property({ type: 'text' })
  step!: TimelineStep;

  @Property({ type: 'text' })
  stepText!: string;

  @Property({ type: 'text' })
  level!: ReviewLevel | 'APPLICANT';

  @Property({ type: 'text' })
  levelText!: string;

  @Property({ type: 'text', nullable: true })
  organisationId!: string | null;

  @Property({ type: 'text', nullable: true })
  organisationName!: string | null;

  @Property({ type: 'text' })
  actorId!: string;

  @Property({ type: 'text' })
  actorName!: string;

  @Property({ type: 'text', nullable: true })
  opinion!: string | null;

  @Property({ type: 'jsonb', nullable: true })
  modules!: ModuleKey[] | null;

  @Property({ type: 'text', nullable: true })
  returnTarget!: ReturnTarget | null;

  @Property({ type: 'text', nullable: true })
  batchId!: string | null;

  @Property({ type: 'text' })
  statusAfter!: ApplicantStatus;

  @Property({ type: 'text' })
  statusText!: string;

  @Property({ type: 'text', nullable: true })
  previousHash!: string | null;

  @Property({ type: 'text' })
  hash!: string;
}

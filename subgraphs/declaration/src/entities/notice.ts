import { Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import type { RouteLevel } from '@zhicheng/events';
import type { FormConfig } from '../domain';
import { BaseEntity } from './base';
import { Channel } from './channel';

export enum NoticeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

/** Which applicants a notice is for; an empty list does not restrict. */
export interface NoticeCoverage {
  /** Units whose applicants may declare (by identity's unit id). */
  unitIds: string[];
  /**
   * GB/T 2260 region codes; a code covers its sub-regions (220000 covers 220104). A unit's
   * region is read from its credit code (characters 3–8).
   */
  regionCodes: string[];
  /** Title series codes (the catalogue's first level). */
  seriesCodes: string[];
}

/** A review committee a Jiangsu-style notice lets applicants choose by region, level and specialty. */
export interface NoticeCommittee {
  /** Stable within the notice; a declaration stores it as committeeId. */
  id: string;
  /** identity's organisation id, when the committee is registered there. */
  organisationId: string | null;
  name: string;
  regionCode: string;
  /** Title level codes the committee reviews; empty = every level. */
  levelCodes: string[];
  /** Series codes the committee reviews; empty = every series. */
  seriesCodes: string[];
  /** Specialty codes within those series; empty = every specialty of them. */
  specialtyCodes: string[];
}

/** A notice (通知) the bureau publishes: one channel, a window, coverage, route and form. */
@Entity({ tableName: 'notice' })
@Index({ properties: ['status', 'closesAt'] })
export class Notice extends BaseEntity {
  @ManyToOne(() => Channel, { ref: true })
  channel!: Ref<Channel>;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'timestamptz' })
  opensAt!: Date;

  @Property({ type: 'timestamptz' })
  closesAt!: Date;

  /** 申报注意事项 */
  @Property({ type: 'text' })
  notes: Opt<string> = '';

  @Property({ type: 'jsonb' })
  coverage!: NoticeCoverage;

  @Property({ type: 'jsonb' })
  route!: RouteLevel[];

  @Property({ type: 'jsonb' })
  formConfig!: FormConfig;

  @Property({ type: 'jsonb' })
  committees: Opt<NoticeCommittee[]> = [];

  @Enum({ items: () => NoticeStatus })
  status: Opt<NoticeStatus> = NoticeStatus.DRAFT;

  /** The staff account that created it. */
  @Property({ type: 'uuid' })
  createdBy!: string;

  /** The bureau that issued it: only its staff change or publish it. */
  @Property({ type: 'uuid', nullable: true })
  ownerOrganisationId?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;
}

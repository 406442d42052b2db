import { Entity, Enum, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { BaseEntity } from './base';

export enum OrganisationKind {
  PROVINCE_BUREAU = 'PROVINCE_BUREAU',
  CITY_BUREAU = 'CITY_BUREAU',
  COUNTY_BUREAU = 'COUNTY_BUREAU',
  DEPARTMENT = 'DEPARTMENT',
  COMMITTEE = 'COMMITTEE',
}

/** The bureau tree (province → city → county), competent departments and review committees. */
@Entity({ tableName: 'organisation' })
export class Organisation extends BaseEntity {
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => OrganisationKind })
  kind!: OrganisationKind;

  /** GB/T 2260 administrative division code of the area it serves. */
  @Property({ type: 'text' })
  regionCode!: string;

  @ManyToOne(() => Organisation, { nullable: true, ref: true })
  parent?: Ref<Organisation> | null;

  /** A disabled organisation keeps its history but takes no new declarations or staff. */
  @Property({ type: 'boolean', default: true })
  enabled: Opt<boolean> = true;

  /** COMMITTEE: the series it reviews (申报系列). */
  @Property({ type: 'text', nullable: true })
  committeeSeriesCode?: string | null;

  /** COMMITTEE: the levels it reviews (申报职称级别 codes). */
  @Property({ type: 'json', nullable: true })
  committeeLevelCodes?: string[] | null;

  /** COMMITTEE: its specialty scope (申报专业 codes); empty means the whole series. */
  @Property({ type: 'json', nullable: true })
  committeeSpecialtyCodes?: string[] | null;

  /** COMMITTEE: whether it takes declarations now (开放申报). */
  @Property({ type: 'boolean', nullable: true })
  committeeOpen?: boolean | null;
}

import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
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
}

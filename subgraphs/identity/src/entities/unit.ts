import { Entity, Enum, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { PasswordAccount } from './base';
import { Organisation } from './organisation';

/** 工作单位性质 (seed 004). */
export enum UnitNature {
  ENTERPRISE = 'ENTERPRISE',
  INSTITUTION = 'INSTITUTION',
  GOVERNMENT = 'GOVERNMENT',
  SOCIAL_ORGANISATION = 'SOCIAL_ORGANISATION',
  OTHER = 'OTHER',
}

export enum UnitStatus {
  PENDING_ACTIVATION = 'PENDING_ACTIVATION',
  ACTIVE = 'ACTIVE',
}

/** An employer unit; its password is the legal person's (法人) account. */
@Entity({ tableName: 'unit' })
export class Unit extends PasswordAccount {
  @Property({ type: 'text' })
  @Unique()
  creditCode!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  legalPersonName!: string;

  @Property({ type: 'text' })
  legalPersonIdNumber!: string;

  /** The legal person's mobile: activation and recovery codes go here. */
  @Property({ type: 'text' })
  mobile!: string;

  @Enum({ items: () => UnitStatus })
  status: Opt<UnitStatus> = UnitStatus.PENDING_ACTIVATION;

  @Property({ type: 'timestamptz', nullable: true })
  activatedAt?: Date | null;

  /** Set when the legal person or an agent first signs in; binding requires it (SPEC §2). */
  @Property({ type: 'timestamptz', nullable: true })
  firstSignInAt?: Date | null;

  /** 所属行政区划 (GB/T 2260): decides the bureau that reviews its declarations by jurisdiction. */
  @Property({ type: 'text', nullable: true })
  regionCode?: string | null;

  /** 工作单位性质. */
  @Enum({ items: () => UnitNature, nullable: true })
  nature?: UnitNature | null;

  /** 行政主管部门: a DEPARTMENT organisation, or none (无). */
  @ManyToOne(() => Organisation, { nullable: true, ref: true })
  competentDepartment?: Ref<Organisation> | null;
}

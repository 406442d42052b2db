import { Entity, Enum, Property, Unique, type Opt } from '@mikro-orm/core';
import { PasswordAccount } from './base';

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
}

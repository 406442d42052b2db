import { Entity, ManyToOne, Property, Unique, type Ref, type Opt } from '@mikro-orm/core';
import { PasswordAccount } from './base';
import { Unit } from './unit';

/** A unit's agent (经办人), created and managed by the legal person. */
@Entity({ tableName: 'agent' })
@Unique({ properties: ['unit', 'mobile'] })
@Unique({ properties: ['unit', 'idNumber'] })
export class Agent extends PasswordAccount {
  @ManyToOne(() => Unit, { ref: true })
  unit!: Ref<Unit>;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  mobile!: string;

  @Property({ type: 'text' })
  idNumber!: string;

  @Property({ type: 'boolean' })
  enabled: Opt<boolean> = true;
}

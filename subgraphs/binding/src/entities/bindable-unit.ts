import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * Read model of identity's UnitReady events: the units that are activated and have signed in
 * once, and so may be bound (SPEC §2). Filled only by the UnitReady consumer.
 */
@Entity({ tableName: 'bindable_unit' })
export class BindableUnit {
  @PrimaryKey({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  creditCode!: string;

  @Property({ type: 'text' })
  name!: string;

  /** When identity said the unit became ready (the event's occurredAt). */
  @Property({ type: 'timestamptz' })
  readyAt!: Date;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * identity's UnitReady events: the units' names, so the UNIT step of a route and the timeline say
 * 长春市第二实验中学 rather than 推荐单位 (DeclarationSubmitted carries only the unit's id).
 */
@Entity({ tableName: 'known_unit' })
export class KnownUnit {
  @PrimaryKey({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  creditCode!: string;

  @Property({ type: 'text' })
  name!: string;
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * identity's UnitReady events: the units' names, so the UNIT step of a route and the timeline say
 * 长春市第二实验中学 rather than 推荐单位 (DeclarationSubmitted carries only the unit's id), and
 * their region and competent department, which route declarations by jurisdiction.
 */
@Entity({ tableName: 'known_unit' })
export class KnownUnit {
  @PrimaryKey({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  creditCode!: string;

  @Property({ type: 'text' })
  name!: string;

  /** 所属行政区划; null when the unit has not said (or an older event). */
  @Property({ type: 'text', nullable: true })
  regionCode?: string | null;

  /** 行政主管部门; null: 无 or not said. */
  @Property({ type: 'uuid', nullable: true })
  competentDepartmentId?: string | null;
}

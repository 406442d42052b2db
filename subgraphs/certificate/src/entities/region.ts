import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * 所属行政区划 of 补办 and 历史职称数据登记 (seed 004: "根据发证机关来选择行政区划", e.g. 淮安市本级 or
 * a county): the GB/T 2260 code, its name, and the bureau (identity's Organisation) whose staff
 * audit that region's applications. Configuration: the demo rows come from seed.ts, production's
 * from the operators (docs/operations.md).
 */
@Entity({ tableName: 'region' })
export class Region {
  /** GB/T 2260 code, 6 digits. */
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  /** identity's Organisation id of the bureau that audits this region's applications. */
  @Property({ type: 'uuid' })
  @Index()
  auditOrganisationId!: string;

  @Property({ type: 'int' })
  sortOrder: Opt<number> = 0;
}

/** 所属申报点: where an applicant hands in a 补办; chosen after the region (seed 004 ch. 5). */
@Entity({ tableName: 'declaration_point' })
export class DeclarationPoint {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  @Index()
  regionCode!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'int' })
  sortOrder: Opt<number> = 0;
}

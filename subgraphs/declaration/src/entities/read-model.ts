import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * The applicant's current unit, kept from binding's BindingApproved / BindingEnded events (no
 * subgraph reads another's tables). No row: the applicant is not bound.
 */
@Entity({ tableName: 'applicant_binding' })
export class ApplicantBinding {
  @PrimaryKey({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'uuid' })
  bindingId!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  unitName!: string;

  /** When the unit approved the binding. */
  @Property({ type: 'timestamptz' })
  since!: Date;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/**
 * Units identity announced as ready (UnitReady): their 所属行政区划, or (not said yet, older
 * events) the region of registration the credit code tells.
 */
@Entity({ tableName: 'known_unit' })
export class KnownUnit {
  @PrimaryKey({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  creditCode!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  regionCode?: string | null;
}

/**
 * The account holder's real-name facts, kept from identity's PersonRegistered (no reads of
 * identity's tables): a declaration's name and ID document must be these.
 */
@Entity({ tableName: 'applicant_identity' })
export class ApplicantIdentity {
  @PrimaryKey({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  idType!: 'RESIDENT_ID' | 'PASSPORT';

  @Property({ type: 'text' })
  idNumber!: string;

  /** The account's mobile; null when identity announced the person before it sent mobiles. */
  @Property({ type: 'text', nullable: true })
  mobile?: string | null;

  /** When identity says these facts became true (an older event never replaces a newer one). */
  @Property({ type: 'timestamptz' })
  since!: Date;
}

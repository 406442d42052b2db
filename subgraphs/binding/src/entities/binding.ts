import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

export enum BindingStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  ENDED = 'ENDED',
}

/** The statuses that occupy a person's one binding slot (SPEC §2: one bound unit at a time). */
export const OPEN_STATUSES = [BindingStatus.PENDING, BindingStatus.APPROVED] as const;

export enum DeciderKind {
  LEGAL_PERSON = 'LEGAL_PERSON',
  AGENT = 'AGENT',
}

/**
 * One request of an applicant to bind to a recommending unit, and what became of it. Rows are
 * never deleted: they are the applicant's history (绑定单位状态及历史).
 *
 * At most one open (PENDING or APPROVED) row per person: the partial unique index below is the
 * guarantee, the domain's check only gives the nicer message first.
 */
@Entity({ tableName: 'binding' })
@Index({
  name: 'binding_person_open_unique',
  expression: `create unique index "binding_person_open_unique" on "binding"."binding" ("person_id") where "status" in ('PENDING', 'APPROVED')`,
})
@Index({ properties: ['personId', 'requestedAt'] })
@Index({ properties: ['unitId', 'status', 'requestedAt'] })
export class Binding {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  /** identity's Person id (no foreign key: that table lives in identity's schema). */
  @Property({ type: 'uuid' })
  personId!: string;

  /** identity's Unit id, known to be bindable from a UnitReady event. */
  @Property({ type: 'uuid' })
  unitId!: string;

  /** The unit's name when the request was made; BindingApproved carries it to other subgraphs. */
  @Property({ type: 'text' })
  unitName!: string;

  @Enum({ items: () => BindingStatus })
  status: Opt<BindingStatus> = BindingStatus.PENDING;

  @Property({ type: 'timestamptz' })
  requestedAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  /** 办件意见: required with every decision. */
  @Property({ type: 'text', nullable: true })
  opinion?: string | null;

  @Property({ type: 'uuid', nullable: true })
  decidedById?: string | null;

  @Enum({ items: () => DeciderKind, nullable: true })
  decidedByKind?: DeciderKind | null;

  @Property({ type: 'text', nullable: true })
  decidedByName?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date | null;

  /** Optimistic lock: of two agents deciding at once, the second update matches no row and fails. */
  @Property({ type: 'int', version: true })
  version!: Opt<number>;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

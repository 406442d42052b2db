import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { PersonalDataItem } from '@zhicheng/events';

/**
 * One line of a person's 谁查看了我的信息: someone else saw the person's data. Repeated reads by the
 * same viewer of the same declaration (or of the person's own fields) within a few minutes are
 * one line (domain/access-log.ts), so a page load is one line however many fields it showed.
 */
@Entity({ tableName: 'personal_data_access' })
@Index({ properties: ['personId', 'viewedAt', 'id'] })
@Index({ properties: ['personId', 'viewerId', 'viewedAt'] })
@Index({ properties: ['lastViewedAt'] })
export class PersonalDataAccess {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'uuid' })
  personId!: string;

  /** The token's account kind: LEGAL_PERSON, AGENT, STAFF or CLIENT. */
  @Property({ type: 'text' })
  viewerKind!: string;

  /** A code of domain/access-log.ts VIEWER_ROLES (the words come from there). */
  @Property({ type: 'text' })
  viewerRole!: string;

  @Property({ type: 'text' })
  viewerId!: string;

  /** Kept for the operators' audit; the person sees the organisation and role, not the name. */
  @Property({ type: 'text' })
  viewerName!: string;

  /** The unit or organisation the viewer acted for, and its name at the time. */
  @Property({ type: 'text', nullable: true })
  organisationId?: string | null;

  @Property({ type: 'text', nullable: true })
  organisationName?: string | null;

  @Property({ type: 'uuid', nullable: true })
  declarationId?: string | null;

  @Property({ type: 'jsonb' })
  items!: PersonalDataItem[];

  /** The first read of this line (its place in the list); later repeats move lastViewedAt. */
  @Property({ type: 'timestamptz' })
  viewedAt!: Date;

  @Property({ type: 'timestamptz' })
  lastViewedAt!: Date;

  @Property({ type: 'int' })
  viewCount: Opt<number> = 1;

  @Property({ type: 'text' })
  lastRequestId!: string;
}

/**
 * A binding request still waiting for its unit (from binding's BindingRequested /
 * BindingRequestClosed): while it waits, that unit's accounts may see the person's full ID number
 * to check who is asking.
 */
@Entity({ tableName: 'pending_binding_request' })
@Index({ properties: ['personId', 'unitId'] })
export class PendingBindingRequest {
  @PrimaryKey({ type: 'uuid' })
  bindingId!: string;

  @Property({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'timestamptz' })
  requestedAt!: Date;
}

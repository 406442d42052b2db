import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from './base';

export enum AccountKind {
  PERSON = 'PERSON',
  LEGAL_PERSON = 'LEGAL_PERSON',
  AGENT = 'AGENT',
  STAFF = 'STAFF',
}

/**
 * One refresh token. Tokens rotate on every refresh; a family links the rotations of one
 * sign-in, so replaying an already rotated token revokes the whole family (theft detection).
 * Only the SHA-256 of the token is stored.
 */
@Entity({ tableName: 'auth_session' })
@Index({ properties: ['accountKind', 'accountId'] })
export class AuthSession extends BaseEntity {
  @Enum({ items: () => AccountKind })
  accountKind!: AccountKind;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'uuid' })
  @Index()
  familyId!: string;

  @Property({ type: 'text' })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** When the family's sign-in happened: no rotation extends it past the absolute lifetime. */
  @Property({ type: 'timestamptz' })
  signedInAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  rotatedAt?: Date | null;

  /** Published to every token verifier (the revocation feed) until its access tokens expire. */
  @Property({ type: 'timestamptz', nullable: true })
  @Index()
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;

  @Property({ type: 'text', nullable: true })
  ip?: string | null;
}

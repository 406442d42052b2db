import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Wrong passwords per account (and per account and address), for the escalating delay that
 * replaced the lock-out (see domain/sign-in-throttle.ts). Keyed by the attempted identifier when
 * no account matches, so an unknown account behaves exactly like a known one.
 */
@Entity({ tableName: 'sign_in_throttle' })
export class SignInThrottle {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'int' })
  failures!: number;

  @Property({ type: 'timestamptz' })
  lastFailureAt!: Date;

  /** No attempt is checked before this time. */
  @Property({ type: 'timestamptz' })
  retryAt!: Date;
}

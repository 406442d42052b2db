import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * Ed25519 keys that sign access tokens. Stored in the database so every replica signs with
 * the same key and the JWKS lists every key a live token may carry.
 */
@Entity({ tableName: 'signing_key' })
export class SigningKey {
  @PrimaryKey({ type: 'text' })
  kid!: string;

  /** `{ sealed }`: the private JWK encrypted with IDENTITY_DATA_KEY (AES-256-GCM, bound to kid). */
  @Property({ type: 'json', hidden: true })
  privateJwk!: Record<string, unknown>;

  @Property({ type: 'json' })
  publicJwk!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  /** Retired keys stay published until the tokens they signed have expired. */
  @Property({ type: 'timestamptz', nullable: true })
  retiredAt?: Date | null;
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A fixed-window counter shared by all replicas (services/rate-limit.ts). */
@Entity({ tableName: 'rate_limit_bucket' })
export class RateLimitBucket {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'timestamptz' })
  windowStart!: Date;

  @Property({ type: 'int' })
  hits!: number;
}

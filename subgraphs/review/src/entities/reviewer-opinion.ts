import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import type { OpinionKind } from '../domain';

/** An opinion a reviewer saved for themselves (支持维护自定义意见), per kind of decision. */
@Entity({ tableName: 'reviewer_opinion' })
@Unique({ properties: ['accountId', 'kind', 'text'] })
@Index({ properties: ['accountId', 'kind', 'createdAt'] })
export class ReviewerOpinion {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  /** The reviewer's account (a unit agent, legal person or staff member). */
  @Property({ type: 'text' })
  accountId!: string;

  @Property({ type: 'text' })
  kind!: OpinionKind;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}

import { Entity, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import type { ChannelConfig } from '../domain';

/**
 * A declaration channel (申报通道), e.g. 正常职称申报 or 人才分类定级评定. Channels are data the
 * bureau manages (list, create, edit, retire); the SPEC's standard channels are inserted once when
 * missing (src/services/channels.ts) and never overwritten after that.
 */
@Entity({ tableName: 'channel' })
export class Channel {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  /** The menu group (e.g. 专业技术职称评审申报). */
  @Property({ type: 'text' })
  groupCode!: string;

  @Property({ type: 'text' })
  groupName!: string;

  @Property({ type: 'int' })
  sortOrder: Opt<number> = 0;

  /** The domain's channel configuration (category rules, committee lookup, default form …). */
  @Property({ type: 'jsonb' })
  config!: ChannelConfig;

  /** Retired channels take no new notices; notices already on them keep working. */
  @Property({ type: 'timestamptz', nullable: true })
  retiredAt?: Date | null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

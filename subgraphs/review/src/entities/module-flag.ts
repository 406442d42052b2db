import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ModuleKey } from '../domain';

/**
 * A reviewer's mark on one module of the declaration for one task: 此模块信息是否有误 (seed 002).
 * Saved while auditing (saveModuleFlags) and with the decision; a return's modules default to
 * the ones marked 有误.
 */
@Entity({ tableName: 'module_flag' })
export class ModuleFlag {
  @PrimaryKey({ type: 'uuid' })
  declarationId!: string;

  @PrimaryKey({ type: 'int' })
  taskSequence!: number;

  @PrimaryKey({ type: 'text' })
  module!: ModuleKey;

  @Property({ type: 'boolean' })
  hasErrors!: boolean;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'text' })
  setById!: string;

  @Property({ type: 'text' })
  setByName!: string;

  @Property({ type: 'timestamptz' })
  setAt!: Date;
}

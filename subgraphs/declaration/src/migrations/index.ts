import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123050604_initial } from './Migration20261123050604_initial';

/** Every committed migration, in order. Listed explicitly so builds never scan the disk. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123050604_initial', class: Migration20261123050604_initial },
];

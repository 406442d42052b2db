import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261202090000_initial } from './Migration20261202090000_initial';

/** Every committed migration, in order. Listed explicitly so builds never scan the disk. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261202090000_initial', class: Migration20261202090000_initial },
];

import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123050604_initial } from './Migration20261123050604_initial';
import { Migration20261124090000_review_status } from './Migration20261124090000_review_status';

/** Every committed migration, in order. Listed explicitly so builds never scan the disk. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123050604_initial', class: Migration20261123050604_initial },
  { name: 'Migration20261124090000_review_status', class: Migration20261124090000_review_status },
];

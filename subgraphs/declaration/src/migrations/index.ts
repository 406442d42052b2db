import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123050604_initial } from './Migration20261123050604_initial';
import { Migration20261124090000_review_status } from './Migration20261124090000_review_status';
import { Migration20261202080000_route_seats } from './Migration20261202080000_route_seats';
import { Migration20261202081000_applicant_identity } from './Migration20261202081000_applicant_identity';
import { Migration20261202120000_notice_owner } from './Migration20261202120000_notice_owner';
import { Migration20261202130500_applicant_mobile } from './Migration20261202130500_applicant_mobile';
import { Migration20261202143000_unit_region } from './Migration20261202143000_unit_region';
import { Migration20261202150000_channel_retired } from './Migration20261202150000_channel_retired';

/** Every committed migration, in order. Listed explicitly so builds never scan the disk. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123050604_initial', class: Migration20261123050604_initial },
  { name: 'Migration20261124090000_review_status', class: Migration20261124090000_review_status },
  { name: 'Migration20261202080000_route_seats', class: Migration20261202080000_route_seats },
  { name: 'Migration20261202081000_applicant_identity', class: Migration20261202081000_applicant_identity },
  { name: 'Migration20261202120000_notice_owner', class: Migration20261202120000_notice_owner },
  { name: 'Migration20261202130500_applicant_mobile', class: Migration20261202130500_applicant_mobile },
  { name: 'Migration20261202143000_unit_region', class: Migration20261202143000_unit_region },
  { name: 'Migration20261202150000_channel_retired', class: Migration20261202150000_channel_retired },
];

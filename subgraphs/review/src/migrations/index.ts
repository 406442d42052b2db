import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123120000_initial } from './Migration20261123120000_initial';
import { Migration20261202140000_case_title_facts } from './Migration20261202140000_case_title_facts';
import { Migration20261202143000_jurisdiction } from './Migration20261202143000_jurisdiction';
import { Migration20261202150000_statistics } from './Migration20261202150000_statistics';
import { Migration20261202170000_committee_scope } from './Migration20261202170000_committee_scope';

/** Every committed migration, in order. Listed explicitly so builds never scan the disk. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123120000_initial', class: Migration20261123120000_initial },
  { name: 'Migration20261202140000_case_title_facts', class: Migration20261202140000_case_title_facts },
  { name: 'Migration20261202143000_jurisdiction', class: Migration20261202143000_jurisdiction },
  { name: 'Migration20261202150000_statistics', class: Migration20261202150000_statistics },
  { name: 'Migration20261202170000_committee_scope', class: Migration20261202170000_committee_scope },
];

import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261202090000_initial } from './Migration20261202090000_initial';
import { Migration20261202100000_pdf_signer } from './Migration20261202100000_pdf_signer';
import { Migration20261202112215_reissue } from './Migration20261202112215_reissue';
import { Migration20261202113300_certificate_kind } from './Migration20261202113300_certificate_kind';
import { Migration20261202130000_account_holder } from './Migration20261202130000_account_holder';

/** Every committed migration, in order. Listed explicitly so builds never scan the disk. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261202090000_initial', class: Migration20261202090000_initial },
  { name: 'Migration20261202100000_pdf_signer', class: Migration20261202100000_pdf_signer },
  { name: 'Migration20261202112215_reissue', class: Migration20261202112215_reissue },
  { name: 'Migration20261202113300_certificate_kind', class: Migration20261202113300_certificate_kind },
  { name: 'Migration20261202130000_account_holder', class: Migration20261202130000_account_holder },
];

import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123041422_initial } from './Migration20261123041422_initial';
import { Migration20261123100000_events } from './Migration20261123100000_events';
import { Migration20261202090000_sign_in_throttle } from './Migration20261202090000_sign_in_throttle';
import { Migration20261202090500_personal_data_access } from './Migration20261202090500_personal_data_access';
import { Migration20261202093000_session_lifetime } from './Migration20261202093000_session_lifetime';
import { Migration20261202100000_sms_outbox_sealed } from './Migration20261202100000_sms_outbox_sealed';
import { Migration20261202110000_person_registered } from './Migration20261202110000_person_registered';
import { Migration20261202143000_organisations_and_staff } from './Migration20261202143000_organisations_and_staff';
import { Migration20261202143347_api_clients } from './Migration20261202143347_api_clients';

/** Every committed migration, in order. Listed explicitly so builds never scan the disk. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123041422_initial', class: Migration20261123041422_initial },
  { name: 'Migration20261123100000_events', class: Migration20261123100000_events },
  { name: 'Migration20261202090000_sign_in_throttle', class: Migration20261202090000_sign_in_throttle },
  {
    name: 'Migration20261202090500_personal_data_access',
    class: Migration20261202090500_personal_data_access,
  },
  { name: 'Migration20261202093000_session_lifetime', class: Migration20261202093000_session_lifetime },
  { name: 'Migration20261202100000_sms_outbox_sealed', class: Migration20261202100000_sms_outbox_sealed },
  { name: 'Migration20261202110000_person_registered', class: Migration20261202110000_person_registered },
  {
    name: 'Migration20261202143000_organisations_and_staff',
    class: Migration20261202143000_organisations_and_staff,
  },
  { name: 'Migration20261202143347_api_clients', class: Migration20261202143347_api_clients },
];

import { Role, type Principal } from '@zhicheng/server-kit';
import {
  AccountKind,
  OrganisationKind,
  type Agent,
  type Person,
  type StaffAccount,
  type Unit,
} from '../entities';

const staffRole: Record<OrganisationKind, Role> = {
  PROVINCE_BUREAU: Role.BUREAU_REVIEWER,
  CITY_BUREAU: Role.BUREAU_REVIEWER,
  COUNTY_BUREAU: Role.BUREAU_REVIEWER,
  DEPARTMENT: Role.DEPARTMENT_REVIEWER,
  COMMITTEE: Role.COMMITTEE_SECRETARY,
};

export type Account =
  | { kind: AccountKind.PERSON; entity: Person }
  | { kind: AccountKind.LEGAL_PERSON; entity: Unit }
  | { kind: AccountKind.AGENT; entity: Agent }
  | { kind: AccountKind.STAFF; entity: StaffAccount };

/** What a token says about an account: its roles and the organisation it acts for. */
export function principalOf(account: Account): Principal {
  switch (account.kind) {
    case AccountKind.PERSON:
      return {
        accountId: account.entity.id,
        kind: 'PERSON',
        roles: [Role.APPLICANT],
        displayName: account.entity.name,
      };
    case AccountKind.LEGAL_PERSON:
      return {
        accountId: account.entity.id,
        kind: 'LEGAL_PERSON',
        roles: [Role.LEGAL_PERSON],
        displayName: account.entity.name,
        unitId: account.entity.id,
      };
    case AccountKind.AGENT:
      return {
        accountId: account.entity.id,
        kind: 'AGENT',
        roles: [Role.UNIT_AGENT],
        displayName: account.entity.name,
        unitId: account.entity.unit.id,
      };
    case AccountKind.STAFF: {
      const organisation = account.entity.organisation.getEntity();
      return {
        accountId: account.entity.id,
        kind: 'STAFF',
        roles: [
          ...(account.entity.reviewer ? [staffRole[organisation.kind]] : []),
          ...(account.entity.administrator ? [Role.ORGANISATION_ADMIN] : []),
        ],
        displayName: account.entity.name,
        organisationId: organisation.id,
        // Statistics scope a bureau's figures to its jurisdiction without reading identity's tables.
        regionCode: organisation.regionCode,
      };
    }
  }
}

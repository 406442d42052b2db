import type { Ref } from '@mikro-orm/core';
import {
  AccountKind,
  OrganisationKind,
  type Agent,
  type Organisation,
  type Person,
  type StaffAccount,
  type Unit,
} from '../entities';
import { principalOf } from './principal';

// principalOf reads plain fields; entities need no ORM for that.
const person = { id: 'person-1', name: '张三' } as Person;
const unit = { id: 'unit-1', name: '长春某公司' } as Unit;
const ref = <T extends object>(entity: T) =>
  ({ id: (entity as { id: string }).id, getEntity: () => entity }) as unknown as Ref<T>;
const agent = { id: 'agent-1', name: '李四', unit: ref(unit) } as Agent;
const staffOf = (kind: OrganisationKind) =>
  ({
    id: `staff-${kind}`,
    name: '审核员',
    organisation: ref({ id: `org-${kind}`, kind, regionCode: '220100' } as Organisation),
    reviewer: true,
    administrator: false,
  }) as StaffAccount;

describe('principalOf', () => {
  it('a person is an applicant with no unit', () => {
    expect(principalOf({ kind: AccountKind.PERSON, entity: person })).toEqual({
      accountId: 'person-1',
      kind: 'PERSON',
      roles: ['APPLICANT'],
      displayName: '张三',
    });
  });

  it('a legal person acts for its own unit', () => {
    expect(principalOf({ kind: AccountKind.LEGAL_PERSON, entity: unit })).toEqual({
      accountId: 'unit-1',
      kind: 'LEGAL_PERSON',
      roles: ['LEGAL_PERSON'],
      displayName: '长春某公司',
      unitId: 'unit-1',
    });
  });

  it('an agent is a unit agent of its unit, not a legal person', () => {
    expect(principalOf({ kind: AccountKind.AGENT, entity: agent })).toEqual({
      accountId: 'agent-1',
      kind: 'AGENT',
      roles: ['UNIT_AGENT'],
      displayName: '李四',
      unitId: 'unit-1',
    });
  });

  it.each([
    [OrganisationKind.PROVINCE_BUREAU, 'BUREAU_REVIEWER'],
    [OrganisationKind.CITY_BUREAU, 'BUREAU_REVIEWER'],
    [OrganisationKind.COUNTY_BUREAU, 'BUREAU_REVIEWER'],
    [OrganisationKind.DEPARTMENT, 'DEPARTMENT_REVIEWER'],
    [OrganisationKind.COMMITTEE, 'COMMITTEE_SECRETARY'],
  ])('staff of a %s is a %s of that organisation', (kind, role) => {
    expect(principalOf({ kind: AccountKind.STAFF, entity: staffOf(kind) })).toEqual({
      accountId: `staff-${kind}`,
      kind: 'STAFF',
      roles: [role],
      displayName: '审核员',
      organisationId: `org-${kind}`,
      regionCode: '220100',
    });
  });

  it('gives every organisation kind a role', () => {
    for (const kind of Object.values(OrganisationKind)) {
      expect(principalOf({ kind: AccountKind.STAFF, entity: staffOf(kind) }).roles).toHaveLength(1);
    }
  });

  it('an administrator also gets ORGANISATION_ADMIN; an administrator only, no reviewing role', () => {
    const both = { ...staffOf(OrganisationKind.CITY_BUREAU), administrator: true } as StaffAccount;
    expect(principalOf({ kind: AccountKind.STAFF, entity: both }).roles).toEqual([
      'BUREAU_REVIEWER',
      'ORGANISATION_ADMIN',
    ]);
    const adminOnly = { ...both, reviewer: false } as StaffAccount;
    expect(principalOf({ kind: AccountKind.STAFF, entity: adminOnly }).roles).toEqual(['ORGANISATION_ADMIN']);
  });
});

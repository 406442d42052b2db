import { committeeFor, routeByJurisdiction, type JurisdictionOrganisation } from '../../src/domain';

const committee = (
  id: string,
  regionCode: string,
  scope: Partial<NonNullable<JurisdictionOrganisation['committee']>> = {},
  enabled = true,
): JurisdictionOrganisation => ({
  organisationId: id,
  name: `评委会 ${id}`,
  kind: 'COMMITTEE',
  regionCode,
  enabled,
  committee: { seriesCode: 'ENG', levelCodes: ['DEPUTY_SENIOR'], specialtyCodes: [], open: true, ...scope },
});

const TITLE = { seriesCode: 'ENG', levelCode: 'DEPUTY_SENIOR', specialtyCode: 'ENG.ME' };

describe('the 评委会 by its remit (an open COMMITTEE level)', () => {
  it('takes the most local open committee whose series, level and specialty take the title', () => {
    const orgs = [
      committee('province', '220000'),
      committee('city', '220100'),
      committee('other-city', '220200'),
      committee('closed', '220104', { open: false }),
      committee('disabled', '220104', {}, false),
      committee('other-series', '220104', { seriesCode: 'EDU' }),
      committee('other-level', '220104', { levelCodes: ['FULL_SENIOR'] }),
      committee('other-specialty', '220104', { specialtyCodes: ['ENG.EE'] }),
    ];
    expect(committeeFor(TITLE, '220104', orgs)?.organisationId).toBe('city');
    expect(committeeFor(TITLE, '220200', orgs)?.organisationId).toBe('other-city');
    expect(committeeFor(TITLE, '220500', orgs)?.organisationId).toBe('province');
    expect(committeeFor({ ...TITLE, levelCode: 'JUNIOR' }, '220104', orgs)).toBeNull();
    expect(committeeFor(null, '220104', orgs)).toBeNull();
  });

  it('fills only an open COMMITTEE level; a committee the notice or the applicant names stays', () => {
    const orgs = [committee('city', '220100')];
    const open = [{ level: 'COMMITTEE' as const, organisationId: null, name: '评委会' }];
    expect(routeByJurisdiction(open, { regionCode: '220104' }, orgs, TITLE)[0].organisationId).toBe('city');
    const fixed = [{ level: 'COMMITTEE' as const, organisationId: 'chosen', name: '所选评委会' }];
    expect(routeByJurisdiction(fixed, { regionCode: '220104' }, orgs, TITLE)[0].organisationId).toBe(
      'chosen',
    );
    // No committee takes it: the level stays open (review holds the case as UNROUTABLE).
    expect(
      routeByJurisdiction(open, { regionCode: '220104' }, orgs, { ...TITLE, seriesCode: 'EDU' })[0]
        .organisationId,
    ).toBeNull();
  });
});

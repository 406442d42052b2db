import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CommitteeScope } from '@zhicheng/events';

/**
 * identity's OrganisationChanged events: bureaus, departments and committees, so a route level
 * the notice leaves open is given to the organisation with jurisdiction over the applicant's unit.
 */
@Entity({ tableName: 'known_organisation' })
export class KnownOrganisation {
  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'text' })
  name!: string;

  /** PROVINCE_BUREAU, CITY_BUREAU, COUNTY_BUREAU, DEPARTMENT or COMMITTEE. */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  regionCode!: string;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  /** COMMITTEE only: the series, levels and specialties it reviews, and whether it is 开放申报. */
  @Property({ type: 'json', nullable: true })
  committee?: CommitteeScope | null;
}

import { makeCreditCode, makeResidentId } from '@zhicheng/domain-codes';
import { seasonApplicants, SEASON_UNITS, seasonUnitId, type EntityManager } from '@zhicheng/server-kit';
import { announcePerson } from './domain/person-registered';
import { markUnitSignedIn } from './domain/unit-ready';
import { IdType, Person, Unit, UnitStatus } from './entities';

/**
 * identity's part of the demo season (server-kit demo-season.ts): its units, active and signed in
 * once (UnitReady), and its applicants (PersonRegistered), with the demo password. Idempotent.
 * Nobody signs in as them in the walkthrough; they exist so the season's declarations have real
 * owners. Returns how many applicants there are.
 */
export async function loadDemoSeason(
  em: EntityManager,
  passwordHash: string,
  now = new Date(),
): Promise<number> {
  for (const [index, season] of SEASON_UNITS.entries()) {
    const id = seasonUnitId(season);
    let unit = await em.findOne(Unit, { id });
    if (!unit) {
      unit = em.create(Unit, {
        id,
        creditCode: makeCreditCode(season.creditCodeBase),
        name: season.name,
        legalPersonName: '演示法人',
        legalPersonIdNumber: makeResidentId({
          region: '220102',
          birthDate: '19650101',
          sequence: 700 + index,
        }),
        mobile: `1390000${String(100 + index).padStart(4, '0')}`,
        status: UnitStatus.ACTIVE,
        activatedAt: now,
        passwordHash,
      });
      em.persist(unit);
    }
    markUnitSignedIn(em, unit, now);
  }
  const applicants = seasonApplicants();
  const existing = new Set(
    (await em.find(Person, { id: { $in: applicants.map((a) => a.personId) } }, { fields: ['id'] })).map(
      (p) => p.id,
    ),
  );
  for (const a of applicants) {
    if (existing.has(a.personId)) continue;
    const person = em.create(Person, {
      id: a.personId,
      name: a.name,
      idType: IdType.RESIDENT_ID,
      idNumber: makeResidentId(a.idNumberParts),
      mobile: a.mobile,
      passwordHash,
    });
    em.persist(person);
    announcePerson(em, person, now);
  }
  await em.flush();
  return applicants.length;
}

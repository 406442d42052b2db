// Who reads a submitted declaration (issue 8, hole 2): the applicant, its unit, and exactly the
// department, bureau and committee whose organisation has had it on its route, as review's events
// tell. Tested as a matrix for the query, `_entities`, the unit's list, file and business-form
// links and the live status, before and after the declaration is passed on.
import { randomUUID } from 'node:crypto';
import { Role } from '@zhicheng/server-kit';
import { startTestDeclaration, type Actor, type TestDeclaration } from './helpers';
import { DECLARATION, publishedNotice } from './fixtures';
import { ORGS, review, reviewTime, submittedDeclaration } from './review-fixtures';

let t: TestDeclaration;
let noticeId: string;
beforeAll(async () => {
  t = await startTestDeclaration();
  noticeId = (await publishedNotice(await t.bureau())).id;
});
afterAll(() => t?.close());

const ENTITY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Declaration { id status } }
}`;
const WITH_LINKS = `query($id: ID!) { declaration(id: $id) { id attachments { id downloadUrl } businessForms { url } } }`;

interface Reader {
  name: string;
  actor: Actor;
}

/** What each part of the API tells `actor` about the declaration. */
async function sees(actor: Actor, id: string) {
  const query = await actor.client.request<{ declaration: { id: string } | null }>(DECLARATION, { id });
  const entity = await actor.client.ok<{ _entities: Array<{ id: string } | null> }>(ENTITY, {
    representations: [{ __typename: 'Declaration', id }],
  });
  const queryOk = Boolean(query.data?.declaration);
  if (!queryOk) expect(query.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  return { query: queryOk, entity: entity._entities[0] !== null };
}

async function matrix(readers: Reader[], id: string) {
  const result: Record<string, boolean> = {};
  for (const { name, actor } of readers) {
    const seen = await sees(actor, id);
    // The query and the reference resolver answer alike.
    expect({ name, entity: seen.entity }).toEqual({ name, entity: seen.query });
    result[name] = seen.query;
  }
  return result;
}

describe('reading a submitted declaration, level by level', () => {
  it('only the organisations the review has reached read it; those passed keep reading it', async () => {
    const { applicant, unit, declaration } = await submittedDeclaration(t, noticeId);
    const id = declaration.id;
    const otherUnit = await t.readyUnit();
    const readers: Reader[] = [
      { name: 'applicant', actor: applicant },
      { name: 'other applicant', actor: await t.applicant() },
      { name: 'own unit agent', actor: await t.agent(unit) },
      { name: 'own unit legal person', actor: await t.legalPerson(unit) },
      { name: 'other unit agent', actor: await t.agent(otherUnit) },
      { name: 'department on route', actor: await t.staff(Role.DEPARTMENT_REVIEWER, ORGS.department.id) },
      { name: 'department off route', actor: await t.staff(Role.DEPARTMENT_REVIEWER) },
      { name: 'bureau on route', actor: await t.staff(Role.BUREAU_REVIEWER, ORGS.bureau.id) },
      { name: 'bureau off route', actor: await t.staff(Role.BUREAU_REVIEWER) },
      { name: 'committee on route', actor: await t.staff(Role.COMMITTEE_SECRETARY, ORGS.committee.id) },
      { name: 'committee off route', actor: await t.staff(Role.COMMITTEE_SECRETARY) },
      // The right organisation id with another level's role is not that level's reviewer.
      {
        name: 'bureau role of the department',
        actor: await t.staff(Role.BUREAU_REVIEWER, ORGS.department.id),
      },
    ];
    const base = {
      applicant: true,
      'other applicant': false,
      'own unit agent': true,
      'own unit legal person': true,
      'other unit agent': false,
      'department off route': false,
      'bureau off route': false,
      'committee off route': false,
      'bureau role of the department': false,
    };

    // At the unit: no reviewer above it has had it.
    expect(await matrix(readers, id)).toEqual({
      ...base,
      'department on route': false,
      'bureau on route': false,
      'committee on route': false,
    });

    await t.publish(review.advanced(id, 'UNIT', 'DEPARTMENT', ORGS.department, reviewTime(t, 1000)));
    expect(await matrix(readers, id)).toEqual({
      ...base,
      'department on route': true,
      'bureau on route': false,
      'committee on route': false,
    });

    await t.publish(review.advanced(id, 'DEPARTMENT', 'BUREAU', ORGS.bureau, reviewTime(t, 2000)));
    // Returned to the applicant: those who had it keep reading it (进度跟踪).
    await t.publish(
      review.returned(id, {
        fromLevel: 'BUREAU',
        organisationId: ORGS.bureau.id,
        returnedAt: reviewTime(t, 3000),
      }),
    );
    expect(await matrix(readers, id)).toEqual({
      ...base,
      'department on route': true,
      'bureau on route': true,
      'committee on route': false,
    });
  });

  it('an event that names the committee (暂缓) lets the committee read it; a forged organisation id does nothing', async () => {
    const { declaration } = await submittedDeclaration(t, noticeId);
    const committee = await t.staff(Role.COMMITTEE_SECRETARY, ORGS.committee.id);
    expect((await sees(committee, declaration.id)).query).toBe(false);
    await t.publish(review.deferred(declaration.id, reviewTime(t)));
    expect((await sees(committee, declaration.id)).query).toBe(true);
    // A staff token without an organisation reads nothing.
    const noOrg = await t.staff(Role.BUREAU_REVIEWER, '');
    expect((await sees(noOrg, declaration.id)).query).toBe(false);
    expect((await sees(await t.staff(Role.BUREAU_REVIEWER, randomUUID()), declaration.id)).query).toBe(false);
  });
});

describe('file and business-form links follow the same rule', () => {
  it('download and form links work for readers only, and stop working for a reader who lost access', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    const id = declaration.id;
    const offRoute = await t.staff(Role.BUREAU_REVIEWER);
    const refused = await offRoute.client.request(WITH_LINKS, { id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const onRoute = await t.staff(Role.BUREAU_REVIEWER, ORGS.bureau.id);
    await t.publish(review.advanced(id, 'UNIT', 'BUREAU', ORGS.bureau, reviewTime(t)));
    const { declaration: read } = await onRoute.client.ok<{
      declaration: { attachments: Array<{ downloadUrl: string }>; businessForms: Array<{ url: string }> };
    }>(WITH_LINKS, { id });
    const file = await fetch(`${t.origin}${read.attachments[0].downloadUrl}`);
    expect(file.status).toBe(200);
    await file.arrayBuffer();
    const form = await fetch(`${t.origin}${read.businessForms[0].url}`);
    expect(form.status).toBe(200);
    await form.arrayBuffer();

    // The applicant's own links stop working once the declaration is gone for them (deleted).
    const { declaration: own } = await applicant.client.ok<{
      declaration: { attachments: Array<{ downloadUrl: string }> };
    }>(WITH_LINKS, { id });
    await t.sql.query(`update declaration.declaration set deleted_at = now() where id = $1`, [id]);
    const gone = await fetch(`${t.origin}${own.attachments[0].downloadUrl}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});

// Federation: Declaration and Notice references resolve in one query per type however many there
// are, only for callers who may see them; Person.declarations and Unit.declarations are private.
import { randomUUID } from 'node:crypto';
import { Role } from '@zhicheng/server-kit';
import { recordSql, startTestDeclaration, type Actor, type TestDeclaration } from './helpers';
import { SUBMIT, completeDeclaration, publishedNotice, startedDeclaration, type Started } from './fixtures';
import { review, reviewTime } from './review-fixtures';

let t: TestDeclaration;
let bureau: Actor;
let noticeIds: string[];
let mine: Started[];
beforeAll(async () => {
  t = await startTestDeclaration();
  bureau = await t.bureau();
  noticeIds = [];
  for (let i = 0; i < 3; i += 1) noticeIds.push((await publishedNotice(bureau, { title: `通知${i}` })).id);
  // One applicant with a declaration under each notice; one of them submitted.
  const applicant = await t.applicant();
  const unit = await t.readyUnit();
  mine = [];
  for (const noticeId of noticeIds) mine.push(await startedDeclaration(t, noticeId, { applicant, unit }));
});
afterAll(() => t?.close());

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Declaration { id status notice { id title } attachments { id } }
    ... on Notice { id title channel { name } }
  }
}`;

const table = (name: string) => new RegExp(`from "declaration"\\."${name}"`, 'i');

describe('federation entities', () => {
  it('resolves Declaration references in order, in one query for declarations and one for notices', async () => {
    const { client } = mine[0].applicant;
    const representations = [
      ...mine.map((m) => ({ __typename: 'Declaration', id: m.declaration.id })).reverse(),
      { __typename: 'Declaration', id: randomUUID() },
      { __typename: 'Declaration', id: 'not-a-uuid' },
    ];
    let entities: Array<{ id: string; notice: { id: string } } | null> = [];
    const sql = await recordSql(async () => {
      ({ _entities: entities } = await client.ok<{ _entities: typeof entities }>(ENTITIES, {
        representations,
      }));
    });
    expect(entities.map((e) => e?.id ?? null)).toEqual([
      ...mine.map((m) => m.declaration.id).reverse(),
      null,
      null,
    ]);
    expect(entities[0]?.notice.id).toBe(noticeIds[2]);
    expect(sql.filter((s) => table('declaration').test(s))).toHaveLength(1);
    expect(sql.filter((s) => table('notice').test(s))).toHaveLength(1);
    expect(sql.filter((s) => table('attachment').test(s))).toHaveLength(1);
  });

  it('resolves Notice references in one query; drafts only for bureau staff', async () => {
    const { createNotice } = await bureau.client.ok<{ createNotice: { id: string } }>(
      `mutation($input: NoticeInput!) { createNotice(input: $input) { id } }`,
      {
        input: {
          channelCode: 'TITLE_NORMAL',
          title: '草稿通知',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 86400000).toISOString(),
          route: [
            { level: 'UNIT', name: '推荐单位' },
            { level: 'BUREAU', name: '吉林省人力资源和社会保障厅' },
            { level: 'COMMITTEE', name: '职称评审委员会' },
          ],
        },
      },
    );
    const representations = [...noticeIds, createNotice.id].map((id) => ({ __typename: 'Notice', id }));
    let entities: Array<{ id: string } | null> = [];
    const sql = await recordSql(async () => {
      ({ _entities: entities } = await mine[0].applicant.client.ok<{ _entities: typeof entities }>(ENTITIES, {
        representations,
      }));
    });
    expect(entities.map((e) => e?.id ?? null)).toEqual([...noticeIds, null]);
    expect(sql.filter((s) => table('notice').test(s))).toHaveLength(1);
    const staff = await bureau.client.ok<{ _entities: typeof entities }>(ENTITIES, { representations });
    expect(staff._entities.map((e) => e?.id ?? null)).toEqual([...noticeIds, createNotice.id]);
  });

  it('another applicant’s declarations resolve to null; reviewers read submitted ones their organisation has had', async () => {
    const representations = mine.map((m) => ({ __typename: 'Declaration', id: m.declaration.id }));
    const stranger = await t.applicant();
    expect(
      (await stranger.client.ok<{ _entities: unknown[] }>(ENTITIES, { representations }))._entities,
    ).toEqual([null, null, null]);
    const reviewer = await t.staff(Role.BUREAU_REVIEWER);
    expect(
      (await reviewer.client.ok<{ _entities: unknown[] }>(ENTITIES, { representations }))._entities,
    ).toEqual([null, null, null]);
    const done = await completeDeclaration(t, noticeIds[0]);
    await done.applicant.client.ok(SUBMIT, {
      id: done.declaration.id,
      expectedVersion: done.declaration.version,
      pledge: true,
    });
    const submitted = [{ __typename: 'Declaration', id: done.declaration.id }];
    // A bureau the declaration has not reached reads nothing; once review passed it there, it does.
    const before = await reviewer.client.ok<{ _entities: unknown[] }>(ENTITIES, {
      representations: submitted,
    });
    expect(before._entities).toEqual([null]);
    await t.publish(
      review.advanced(
        done.declaration.id,
        'UNIT',
        'BUREAU',
        { id: reviewer.principal.organisationId!, name: '省厅' },
        reviewTime(t),
      ),
    );
    const seen = await reviewer.client.ok<{ _entities: Array<{ status: string } | null> }>(ENTITIES, {
      representations: submitted,
    });
    expect(seen._entities).toEqual([expect.objectContaining({ status: 'SUBMITTED' })]);
  });
});

describe('lists', () => {
  it('myDeclarations with notices, attachments, validation and forms costs one query per table', async () => {
    const { client } = mine[0].applicant;
    let list: Array<{ notice: { title: string }; validation: { ok: boolean } }> = [];
    const sql = await recordSql(async () => {
      ({ myDeclarations: list } = await client.ok<{ myDeclarations: typeof list }>(
        `{ myDeclarations { id notice { title channel { name } } attachments { id downloadUrl } validation { ok }
           businessForms { url } daysLeft editableModules title { titleName } } }`,
      ));
    });
    expect(list).toHaveLength(3);
    expect(sql.filter((s) => table('declaration').test(s))).toHaveLength(1);
    expect(sql.filter((s) => table('notice').test(s))).toHaveLength(1);
    expect(sql.filter((s) => table('channel').test(s))).toHaveLength(1);
    expect(sql.filter((s) => table('attachment').test(s))).toHaveLength(1);
  });
});

const PERSON = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person { id declarations { id status } }
    ... on Unit { id declarations { id status applicantName } }
  }
}`;

describe('Person.declarations and Unit.declarations', () => {
  it('a person sees their own declarations only, in one query however many persons are asked', async () => {
    const owner = mine[0].applicant;
    const other = await t.applicant();
    const representations = [
      { __typename: 'Person', id: owner.principal.accountId },
      { __typename: 'Person', id: other.principal.accountId },
    ];
    let entities: Array<{ declarations: unknown[] }> = [];
    const sql = await recordSql(async () => {
      ({ _entities: entities } = await owner.client.ok<{ _entities: typeof entities }>(PERSON, {
        representations,
      }));
    });
    expect(entities[0].declarations).toHaveLength(3);
    expect(entities[1].declarations).toEqual([]);
    expect(sql.filter((s) => table('declaration').test(s))).toHaveLength(1);
    const asOther = await other.client.ok<{ _entities: typeof entities }>(PERSON, { representations });
    expect(asOther._entities[0].declarations).toEqual([]);
  });

  it("a unit's legal person and agents see its applicants' submitted declarations, not drafts; other units nothing", async () => {
    const unit = await t.readyUnit();
    // One applicant of a fresh unit submits; another unit's applicant keeps a draft.
    const submitted = await completeDeclaration(t, noticeIds[1]);
    await startedDeclaration(t, noticeIds[1], { unit });
    await submitted.applicant.client.ok(SUBMIT, {
      id: submitted.declaration.id,
      expectedVersion: submitted.declaration.version,
      pledge: true,
    });
    const ofUnit = (u: { unitId: string }) => [{ __typename: 'Unit', id: u.unitId }];
    for (const actor of [await t.legalPerson(submitted.unit), await t.agent(submitted.unit)]) {
      const { _entities } = await actor.client.ok<{
        _entities: Array<{ declarations: Array<{ id: string; status: string }> }>;
      }>(PERSON, { representations: ofUnit(submitted.unit) });
      expect(_entities[0].declarations).toEqual([
        { id: submitted.declaration.id, status: 'SUBMITTED', applicantName: expect.any(String) },
      ]);
    }
    const drafts = await (
      await t.legalPerson(unit)
    ).client.ok<{ _entities: Array<{ declarations: unknown[] }> }>(PERSON, {
      representations: ofUnit(unit),
    });
    expect(drafts._entities[0].declarations).toEqual([]);
    const otherUnit = await (
      await t.legalPerson(unit)
    ).client.ok<{ _entities: Array<{ declarations: unknown[] }> }>(PERSON, {
      representations: ofUnit(submitted.unit),
    });
    expect(otherUnit._entities[0].declarations).toEqual([]);
  });
});

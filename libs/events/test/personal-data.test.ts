// Personal-data views: resolvers note what a request showed of whom; the request writes one
// PersonalDataViewed per person and declaration to the outbox, in its own transaction, once.
import 'reflect-metadata';
import { createOrm, type MikroORM } from '@zhicheng/server-kit';
import { createTestDatabase, type TestDatabase } from '@zhicheng/testing';
import {
  eventEntities,
  eventTablesSql,
  flushPersonalDataViews,
  notePersonalDataView,
  type ViewingContext,
} from '../src';

let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase('personal-data');
  orm = await createOrm({ databaseUrl: db.url, schema: 'reader', entities: eventEntities, migrations: [] });
  for (const sql of eventTablesSql('reader')) await orm.em.getConnection().execute(sql);
});
afterAll(async () => {
  await orm.close();
  await db.drop();
});

const PERSON = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const DECLARATION = '33333333-3333-4333-8333-333333333333';

const request = (principal: ViewingContext['auth']['principal']): ViewingContext => ({
  requestId: 'req-1',
  auth: { principal },
});
const reviewer = {
  accountId: '44444444-4444-4444-8444-444444444444',
  kind: 'STAFF',
  roles: ['BUREAU_REVIEWER'],
  displayName: '王审核',
  organisationId: '55555555-5555-4555-8555-555555555555',
};

const outbox = async () =>
  (await orm.em
    .getConnection()
    .execute(`select type, payload from "reader"."outbox_event" order by payload->>'personId'`)) as Array<{
    type: string;
    payload: Record<string, unknown>;
  }>;

beforeEach(() => orm.em.getConnection().execute(`delete from "reader"."outbox_event"`));

describe('personal-data views', () => {
  it('writes one event per person and declaration with everything the request showed, once', async () => {
    const ctx = request(reviewer);
    notePersonalDataView(ctx, { personId: PERSON, declarationId: DECLARATION, item: 'DECLARATION_CONTENTS' });
    notePersonalDataView(ctx, { personId: PERSON, declarationId: DECLARATION, item: 'DECLARATION_FILES' });
    notePersonalDataView(ctx, { personId: PERSON, declarationId: DECLARATION, item: 'DECLARATION_CONTENTS' });
    notePersonalDataView(ctx, { personId: OTHER, item: 'ID_NUMBER' });
    expect(await flushPersonalDataViews(orm, ctx, () => new Date('2026-12-02T08:00:00Z'))).toBe(2);
    expect(await flushPersonalDataViews(orm, ctx)).toBe(0);

    const viewer = {
      kind: 'STAFF',
      id: reviewer.accountId,
      name: '王审核',
      roles: ['BUREAU_REVIEWER'],
      unitId: null,
      organisationId: reviewer.organisationId,
    };
    expect(await outbox()).toEqual([
      {
        type: 'PersonalDataViewed',
        payload: {
          personId: PERSON,
          declarationId: DECLARATION,
          items: ['DECLARATION_CONTENTS', 'DECLARATION_FILES'],
          viewer,
          viewedAt: '2026-12-02T08:00:00.000Z',
          requestId: 'req-1',
        },
      },
      {
        type: 'PersonalDataViewed',
        payload: expect.objectContaining({ personId: OTHER, declarationId: null, items: ['ID_NUMBER'] }),
      },
    ]);
  });

  it('ignores the person’s own reads and anonymous requests', async () => {
    const self = request({ accountId: PERSON, kind: 'PERSON', roles: ['APPLICANT'], displayName: '张伟' });
    notePersonalDataView(self, {
      personId: PERSON,
      declarationId: DECLARATION,
      item: 'DECLARATION_CONTENTS',
    });
    const anonymous = request(null);
    notePersonalDataView(anonymous, { personId: PERSON, item: 'ID_NUMBER' });
    expect(await flushPersonalDataViews(orm, self)).toBe(0);
    expect(await flushPersonalDataViews(orm, anonymous)).toBe(0);
    expect(await outbox()).toEqual([]);
  });

  it('records a legal person as acting for its unit (its account is the unit)', async () => {
    const unitId = '66666666-6666-4666-8666-666666666666';
    const ctx = request({
      accountId: unitId,
      kind: 'LEGAL_PERSON',
      roles: ['LEGAL_PERSON'],
      displayName: '某公司',
    });
    notePersonalDataView(ctx, { personId: PERSON, item: 'ID_NUMBER' });
    await flushPersonalDataViews(orm, ctx);
    expect((await outbox())[0].payload.viewer).toMatchObject({ kind: 'LEGAL_PERSON', unitId });
  });
});

import { randomUUID } from 'node:crypto';
import { makeCreditCode } from '@zhicheng/domain-codes';
import type { Person, Unit } from '../src/entities';
import {
  expectError,
  GraphQLClient,
  recordSql,
  seedPerson,
  seedUnit,
  startTestIdentity,
  type TestIdentity,
} from './helpers';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Person { id name idNumberMasked }
    ... on Unit { id creditCode name signedInOnce }
  }
}`;

type EntityJson = {
  __typename: string;
  id: string;
  name: string;
  creditCode?: string;
  idNumberMasked?: string;
} | null;

let t: TestIdentity;
let persons: Person[];
let units: Unit[];
/** What the gateway sends on an entity fetch: the caller's token. */
let signedIn: GraphQLClient;
beforeAll(async () => {
  t = await startTestIdentity();
  signedIn = new GraphQLClient(
    t.server.url,
    await t.tokenFor({
      accountId: randomUUID(),
      kind: 'STAFF',
      roles: ['BUREAU_REVIEWER'],
      displayName: '审核员',
    }),
  );
  persons = [];
  for (const name of ['甲', '乙', '丙', '丁']) persons.push(await seedPerson(t, { name: `申报人${name}` }));
  units = [];
  for (let i = 1; i <= 4; i += 1)
    units.push(await seedUnit(t, makeCreditCode(`91220101MA00FD00${i}`), { name: `单位${i}` }));
});
afterAll(() => t?.close());

const table = (name: string) => new RegExp(`from "identity"\\."${name}"`, 'i');

async function resolve(representations: object[]) {
  let entities: EntityJson[] = [];
  const sql = await recordSql(async () => {
    ({ _entities: entities } = await signedIn.ok<{ _entities: EntityJson[] }>(ENTITIES, { representations }));
  });
  return { entities, sql };
}

describe('federation entities', () => {
  it('another applicant resolves no person, the person themself does (found by an outside probe)', async () => {
    const representations = [{ __typename: 'Person', id: persons[0].id }];
    const asToken = async (accountId: string) =>
      new GraphQLClient(
        t.server.url,
        await t.tokenFor({ accountId, kind: 'PERSON', roles: ['APPLICANT'], displayName: '申报人' }),
      );
    const other = await (
      await asToken(persons[1].id)
    ).ok<{ _entities: EntityJson[] }>(ENTITIES, { representations });
    expect(other._entities).toEqual([null]);
    const own = await (
      await asToken(persons[0].id)
    ).ok<{ _entities: EntityJson[] }>(ENTITIES, { representations });
    expect(own._entities[0]?.name).toBe(persons[0].name);
  });

  it('answers no entity without a valid token (anonymous, expired, forged): person data is not public', async () => {
    const representations = [
      { __typename: 'Person', id: persons[0].id },
      { __typename: 'Unit', id: units[0].id },
    ];
    const anonymous = await t.client().request(ENTITIES, { representations });
    expectError(anonymous, 'UNAUTHENTICATED');
    expect(JSON.stringify(anonymous)).not.toContain(persons[0].name);
    const expiredToken = await t.tokenFor(
      { accountId: persons[1].id, kind: 'PERSON', roles: ['APPLICANT'], displayName: '乙' },
      -60,
    );
    const expired = await new GraphQLClient(t.server.url, expiredToken).request(ENTITIES, {
      representations,
    });
    expectError(expired, 'UNAUTHENTICATED', /过期/);
    const forged = await new GraphQLClient(t.server.url, `${expiredToken.slice(0, -4)}AAAA`).request(
      ENTITIES,
      {
        representations,
      },
    );
    expectError(forged, 'UNAUTHENTICATED');
    expect(JSON.stringify(forged)).not.toContain(persons[0].name);
  });

  it('resolves Person references in order, with null for unknown and malformed ids, in one query', async () => {
    const representations = [
      ...persons.map((p) => ({ __typename: 'Person', id: p.id })).reverse(),
      { __typename: 'Person', id: randomUUID() },
      { __typename: 'Person', id: 'not-a-uuid' },
    ];
    const { entities, sql } = await resolve(representations);
    expect(entities).toEqual([
      ...[...persons].reverse().map((p) => ({
        __typename: 'Person',
        id: p.id,
        name: p.name,
        idNumberMasked: `${p.idNumber.slice(0, 3)}***********${p.idNumber.slice(-4)}`,
      })),
      null,
      null,
    ]);
    expect(sql.filter((s) => table('person').test(s))).toHaveLength(1);
  });

  it('resolves Unit references by id and by credit code: one query per key, however many references', async () => {
    const byId = units.slice(0, 2).map((u) => ({ __typename: 'Unit', id: u.id }));
    const byCode = units.slice(2).map((u) => ({ __typename: 'Unit', creditCode: u.creditCode }));
    const { entities, sql } = await resolve([
      byCode[0],
      byId[0],
      byCode[1],
      byId[1],
      { __typename: 'Unit', creditCode: 'NOPE' },
    ]);
    expect(entities.map((e) => e?.name ?? null)).toEqual(['单位3', '单位1', '单位4', '单位2', null]);
    expect(entities[0]).toEqual({
      __typename: 'Unit',
      id: units[2].id,
      creditCode: units[2].creditCode,
      name: '单位3',
      signedInOnce: false,
    });
    expect(sql.filter((s) => table('unit').test(s))).toHaveLength(2);
  });

  it('a mixed batch costs one query per type, not one per reference', async () => {
    const representations = [
      ...persons.map((p) => ({ __typename: 'Person', id: p.id })),
      ...units.map((u) => ({ __typename: 'Unit', id: u.id })),
    ];
    const { entities, sql } = await resolve(representations);
    expect(entities.filter(Boolean)).toHaveLength(8);
    // The outbox relay polls on its own schedule; its statements are not the request's.
    const identitySql = sql.filter((s) => /"identity"\./.test(s) && !/"outbox_event"/.test(s));
    expect(identitySql.filter((s) => table('person').test(s))).toHaveLength(1);
    expect(identitySql.filter((s) => table('unit').test(s))).toHaveLength(1);
    expect(identitySql).toHaveLength(2);
  });
});

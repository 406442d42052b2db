// UnitReady (identity → binding): a unit may be bound once it is activated and its legal person
// or an agent has signed in (SPEC §2). identity announces that moment once, through its outbox,
// in the transaction that records the first sign-in.
import { makeCreditCode } from '@zhicheng/domain-codes';
import { createTestDatabase } from '@zhicheng/testing';
import { loadDemoData } from '../src/demo-data';
import { Agent, Unit, UnitStatus } from '../src/entities';
import { createIdentityOrm } from '../src/orm';
import {
  cachedHash,
  nextMobile,
  nextResidentId,
  seedUnit,
  signIn,
  startTestIdentity,
  STRONG_PASSWORD,
  type TestIdentity,
} from './helpers';

let t: TestIdentity;
beforeAll(async () => {
  t = await startTestIdentity();
});
afterAll(() => t?.close());

// The demo units of src/demo-data.ts.
const DEMO_CREDIT_CODES = ['91220101MA0000001', '12220000MB0000002', '12220000MB0000003'].map((base) =>
  makeCreditCode(base),
);

let codes = 0;
const nextCreditCode = () => makeCreditCode(`91220101MA0UR${String((codes += 1)).padStart(4, '0')}`);

const announced = async (unitId: string) =>
  (
    await t.sql.query(
      `select type, payload from identity.outbox_event where type = 'UnitReady' and payload->>'unitId' = $1`,
      [unitId],
    )
  ).rows;

describe('UnitReady', () => {
  it("a legal person's first sign-in announces the unit, once", async () => {
    const unit = await seedUnit(t, nextCreditCode(), { name: '长春市某某科技有限公司' });
    expect(await announced(unit.id)).toEqual([]);
    expect(
      (await signIn(t, t.client(), { kind: 'LEGAL_PERSON', account: unit.creditCode })).errors,
    ).toBeUndefined();
    expect(await announced(unit.id)).toEqual([
      {
        type: 'UnitReady',
        // No profile yet: review then routes only by the notice (null is 'not said').
        payload: {
          unitId: unit.id,
          creditCode: unit.creditCode,
          name: '长春市某某科技有限公司',
          regionCode: null,
          nature: null,
          competentDepartmentId: null,
        },
      },
    ]);
    const { rows } = await t.sql.query('select first_sign_in_at from identity.unit where id = $1', [unit.id]);
    expect(rows[0].first_sign_in_at).not.toBeNull();

    await signIn(t, t.client(), { kind: 'LEGAL_PERSON', account: unit.creditCode });
    expect(await announced(unit.id)).toHaveLength(1);
  });

  it("an agent's first sign-in announces its unit", async () => {
    const unit = await seedUnit(t, nextCreditCode());
    const mobile = nextMobile();
    const passwordHash = await cachedHash(STRONG_PASSWORD);
    await t.withEm(async (em) =>
      em.create(Agent, {
        unit: em.getReference(Unit, unit.id),
        name: '林晓',
        mobile,
        idNumber: nextResidentId(),
        passwordHash,
      }),
    );
    const result = await signIn(t, t.client(), {
      kind: 'AGENT',
      account: mobile,
      creditCode: unit.creditCode,
    });
    expect(result.errors).toBeUndefined();
    expect(await announced(unit.id)).toHaveLength(1);
  });

  it('a wrong password, or a unit not yet activated, announces nothing', async () => {
    const unit = await seedUnit(t, nextCreditCode());
    await signIn(t, t.client(), {
      kind: 'LEGAL_PERSON',
      account: unit.creditCode,
      password: 'Wrong#pass2026',
    });
    const pending = await seedUnit(t, nextCreditCode(), { status: UnitStatus.PENDING_ACTIVATION });
    const refused = await signIn(t, t.client(), { kind: 'LEGAL_PERSON', account: pending.creditCode });
    expect(refused.errors?.[0].extensions?.code).toBe('ACCOUNT_NOT_ACTIVATED');
    expect(await announced(unit.id)).toEqual([]);
    expect(await announced(pending.id)).toEqual([]);
  });

  it('the relay publishes it to the event bus, from identity', async () => {
    const unit = await seedUnit(t, nextCreditCode());
    await signIn(t, t.client(), { kind: 'LEGAL_PERSON', account: unit.creditCode });
    await t.server.relay.flush();
    const { rows } = await t.sql.query(
      `select type, source, payload from eventbus.event where payload->>'unitId' = $1`,
      [unit.id],
    );
    expect(rows).toEqual([
      {
        type: 'UnitReady',
        source: 'identity',
        payload: expect.objectContaining({ unitId: unit.id, creditCode: unit.creditCode, name: unit.name }),
      },
    ]);
    const published = await t.sql.query(
      `select published_at from identity.outbox_event where payload->>'unitId' = $1`,
      [unit.id],
    );
    expect(published.rows[0].published_at).not.toBeNull();
  });

  it('the demo units count as signed in and are announced once; loading the demo again adds nothing', async () => {
    const demoUnits = async () =>
      (
        await t.sql.query(
          `select u.name, u.first_sign_in_at is not null as signed_in,
                  (select count(*)::int from identity.outbox_event e
                    where e.type = 'UnitReady' and e.payload->>'unitId' = u.id::text) as events
           from identity.unit u where u.credit_code = any($1) order by u.name`,
          [DEMO_CREDIT_CODES],
        )
      ).rows;
    await t.withEm((em) => loadDemoData(em));
    const first = await demoUnits();
    expect(first).toHaveLength(3);
    for (const row of first) expect(row).toMatchObject({ signed_in: true, events: 1 });
    await t.withEm((em) => loadDemoData(em));
    expect(await demoUnits()).toEqual(first);
  });
});

describe('the events migration', () => {
  it('announces units that signed in before identity had an outbox', async () => {
    const database = await createTestDatabase('identity_backfill');
    const orm = await createIdentityOrm(database.url, 2);
    try {
      await orm.em.getConnection().execute('create schema if not exists identity');
      await orm.getMigrator().up({ to: 'Migration20261123041422_initial' });
      const insert = `insert into identity.unit (id, created_at, updated_at, password_hash, credit_code, name,
          legal_person_name, legal_person_id_number, mobile, status, activated_at, first_sign_in_at)
        values (gen_random_uuid(), now(), now(), 'x', ?, ?, '法人', ?, ?, 'ACTIVE', now(), ?) returning id`;
      const signedIn = await orm.em
        .getConnection()
        .execute(insert, [nextCreditCode(), '早已登录的单位', nextResidentId(), nextMobile(), new Date()]);
      await orm.em
        .getConnection()
        .execute(insert, [nextCreditCode(), '从未登录的单位', nextResidentId(), nextMobile(), null]);

      await orm.getMigrator().up();
      const rows = await orm.em
        .getConnection()
        .execute(
          `select type, payload->>'unitId' as unit_id, payload->>'name' as name from identity.outbox_event`,
        );
      expect(rows).toEqual([{ type: 'UnitReady', unit_id: signedIn[0].id, name: '早已登录的单位' }]);
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});

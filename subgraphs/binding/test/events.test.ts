// Events in and out (ARCHITECTURE §5): identity's UnitReady fills the bindable-unit read model
// through an idempotent consumer; BindingApproved and BindingEnded leave through the outbox,
// written in the transaction of the change and published by the relay.
import { randomUUID } from 'node:crypto';
import { decide, request, startTestBinding, UNBIND, type TestBinding } from './helpers';

let t: TestBinding;
beforeAll(async () => {
  t = await startTestBinding();
});
afterAll(() => t?.close());

const bindable = async (unitId: string) =>
  (await t.sql.query('select credit_code, name from binding.bindable_unit where unit_id = $1', [unitId]))
    .rows;
const inbox = async (eventId: string) =>
  (await t.sql.query('select consumer, type from binding.inbox_entry where event_id = $1', [eventId])).rows;

describe('UnitReady consumer', () => {
  it('records the unit as bindable once, however often the same event is delivered', async () => {
    const unit = t.newUnit('长春市第二实验中学');
    const event = await t.makeReady(unit);
    // The same event again, as a relay that crashed before marking its outbox would send it. The
    // bus drops a repeated id, so also rewind binding's position: every event is delivered again.
    await t.publish(event);
    await t.sql.query(`update eventbus.subscription set position = 0 where consumer = 'binding'`);
    await t.server.consumer.catchUp();

    expect(await bindable(unit.unitId)).toEqual([
      { credit_code: unit.creditCode, name: '长春市第二实验中学' },
    ]);
    expect(await inbox(event.id)).toEqual([{ consumer: 'binding', type: 'UnitReady' }]);
  });

  it('a second UnitReady for the same unit (another event id) keeps one row and takes the newer name', async () => {
    const unit = t.newUnit('旧名称单位');
    await t.makeReady(unit);
    await t.makeReady({ ...unit, name: '新名称单位' });
    expect(await bindable(unit.unitId)).toEqual([{ credit_code: unit.creditCode, name: '新名称单位' }]);
  });

  it('ignores event types binding does not consume', async () => {
    const before = (await t.sql.query('select count(*) from binding.inbox_entry')).rows[0].count;
    await t.publish({
      id: randomUUID(),
      type: 'BindingEnded',
      source: 'binding',
      occurredAt: new Date().toISOString(),
      payload: {
        bindingId: randomUUID(),
        personId: randomUUID(),
        unitId: randomUUID(),
        endedAt: new Date().toISOString(),
      },
    });
    expect((await t.sql.query('select count(*) from binding.inbox_entry')).rows[0].count).toBe(before);
  });
});

describe('outbox', () => {
  it('approval and unbinding are published to the bus by the relay, from binding', async () => {
    const unit = await t.readyUnit('吉林大学第一医院');
    const applicant = await t.applicant();
    const { id } = await request(applicant, unit);
    await decide(await t.agent(unit), id, true);
    await applicant.client.ok(UNBIND);

    // Committed with the change; published by the relay (it runs on its own, flush() waits for it).
    await t.server.relay.flush();
    const { rows: outbox } = await t.sql.query(
      `select type, published_at is not null as published from binding.outbox_event
       where payload->>'bindingId' = $1 and type in ('BindingApproved', 'BindingEnded') order by occurred_at`,
      [id],
    );
    expect(outbox).toEqual([
      { type: 'BindingApproved', published: true },
      { type: 'BindingEnded', published: true },
    ]);
    const { rows: bus } = await t.sql.query(
      `select type, source, payload from eventbus.event
       where payload->>'bindingId' = $1 and type in ('BindingApproved', 'BindingEnded') order by position`,
      [id],
    );
    expect(bus).toEqual([
      {
        type: 'BindingApproved',
        source: 'binding',
        payload: expect.objectContaining({ unitId: unit.unitId, unitName: '吉林大学第一医院' }),
      },
      {
        type: 'BindingEnded',
        source: 'binding',
        payload: expect.objectContaining({ personId: applicant.principal.accountId, unitId: unit.unitId }),
      },
    ]);
  });

  it('a change that fails writes no event (same transaction)', async () => {
    const unit = await t.readyUnit();
    const { id } = await request(await t.applicant(), unit);
    const before = (await t.sql.query('select count(*) from binding.outbox_event')).rows[0].count;
    // A check constraint added for this test makes the decision's update fail inside the flush.
    await t.sql.query(
      `alter table binding.binding add constraint test_no_approval check (status <> 'APPROVED' or id <> '${id}')`,
    );
    try {
      const result = await (
        await t.agent(unit)
      ).client.request(
        `mutation($id: ID!) { decideBinding(id: $id, approve: true, opinion: "同意") { id } }`,
        { id },
      );
      expect(result.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.sql.query('alter table binding.binding drop constraint test_no_approval');
    }
    expect((await t.sql.query('select count(*) from binding.outbox_event')).rows[0].count).toBe(before);
    const { rows } = await t.sql.query('select status from binding.binding where id = $1', [id]);
    expect(rows[0].status).toBe('PENDING');
  });
});

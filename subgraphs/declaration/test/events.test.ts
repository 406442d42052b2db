// The read model declaration keeps from other subgraphs' events: idempotent, order-tolerant.
import { randomUUID } from 'node:crypto';
import { event, expectError, startTestDeclaration, type TestDeclaration } from './helpers';
import { START, publishedNotice } from './fixtures';

let t: TestDeclaration;
beforeAll(async () => {
  t = await startTestDeclaration();
});
afterAll(() => t?.close());

const MY_UNIT = '{ myRecommendingUnit { unitId unitName since } }';

describe('binding events', () => {
  it('BindingApproved binds, a redelivered event changes nothing, BindingEnded unbinds', async () => {
    const applicant = await t.applicant();
    const unit = await t.readyUnit('长春市第一机械制造有限公司');
    expect(
      (await applicant.client.ok<{ myRecommendingUnit: unknown }>(MY_UNIT)).myRecommendingUnit,
    ).toBeNull();
    const approved = await t.bind(applicant, unit);
    const bound = await applicant.client.ok<{ myRecommendingUnit: { unitId: string; unitName: string } }>(
      MY_UNIT,
    );
    expect(bound.myRecommendingUnit).toMatchObject({ unitId: unit.unitId, unitName: unit.name });

    // The same event again (a relay retry): handled once.
    await t.publish(approved);
    const { rows } = await t.sql.query(
      `select count(*)::int as n from declaration.inbox_entry where event_id = $1`,
      [approved.id],
    );
    expect(rows[0].n).toBe(1);

    await t.unbind(approved);
    expect(
      (await applicant.client.ok<{ myRecommendingUnit: unknown }>(MY_UNIT)).myRecommendingUnit,
    ).toBeNull();
    const notice = await publishedNotice(await t.bureau());
    expectError(
      await applicant.client.request(START, { noticeId: notice.id, category: 'NORMAL' }),
      'FORBIDDEN',
      'NOT_BOUND',
    );
  });

  it('a new binding is not undone by the end of an older one, nor replaced by an older approval', async () => {
    const applicant = await t.applicant();
    const first = await t.readyUnit('甲单位');
    const second = await t.readyUnit('乙单位');
    const old = await t.bind(applicant, first);
    const current = event('BindingApproved', {
      bindingId: randomUUID(),
      personId: applicant.principal.accountId,
      unitId: second.unitId,
      unitName: second.name,
      approvedAt: new Date(Date.now() + 1000).toISOString(),
    });
    await t.publish(current);
    await t.unbind(old); // the older binding's end arrives late
    const after = await applicant.client.ok<{ myRecommendingUnit: { unitName: string } }>(MY_UNIT);
    expect(after.myRecommendingUnit.unitName).toBe('乙单位');
    // A stale approval (older than the current binding) is ignored.
    await t.publish(
      event('BindingApproved', {
        ...old.payload,
        bindingId: randomUUID(),
        approvedAt: new Date(0).toISOString(),
      }),
    );
    expect(
      (await applicant.client.ok<{ myRecommendingUnit: { unitName: string } }>(MY_UNIT)).myRecommendingUnit
        .unitName,
    ).toBe('乙单位');
  });

  it('UnitReady records the unit (its credit code gives the region a notice may be limited to)', async () => {
    const unit = await t.readyUnit('吉林市单位', '220201');
    const { rows } = await t.sql.query(
      `select credit_code, name from declaration.known_unit where unit_id = $1`,
      [unit.unitId],
    );
    expect(rows).toEqual([{ credit_code: unit.creditCode, name: '吉林市单位' }]);
  });
});

// The applicant's and the unit's path through 绑定推荐单位 (SPEC §2, seeds 000 and 001 §3.1):
// request, approve or refuse with an opinion, one unit at a time, unbind without approval, and
// the history with the seeds' status words.
import {
  CANCEL,
  decide,
  expectError,
  MY_BINDINGS,
  MY_CURRENT,
  outbox,
  request,
  REQUEST,
  startTestBinding,
  UNBIND,
  UNIT_REQUESTS,
  type BindingJson,
  type TestBinding,
} from './helpers';

let t: TestBinding;
beforeAll(async () => {
  t = await startTestBinding();
});
afterAll(() => t?.close());

const ALREADY = /您已绑定或正在申请绑定单位，请先解绑或等待审核/;

describe('request → approve', () => {
  it('binds the applicant: 待审核, then 已绑定 with the opinion and who decided', async () => {
    const unit = await t.readyUnit('吉林省长春市第一机械制造有限公司');
    const applicant = await t.applicant('张伟');
    const agent = await t.agent(unit, '林晓');

    const requested = await request(applicant, unit);
    expect(requested).toMatchObject({
      status: 'PENDING',
      statusText: '待审核',
      person: { id: applicant.principal.accountId },
      unit: { id: unit.unitId },
      decidedAt: null,
      opinion: null,
      decidedByName: null,
      endedAt: null,
    });
    expect(Date.parse(requested.requestedAt)).toBeGreaterThan(Date.now() - 60_000);

    // The unit sees it among its pending requests.
    const { unitBindingRequests } = await agent.client.ok<{ unitBindingRequests: BindingJson[] }>(
      UNIT_REQUESTS,
      { status: 'PENDING' },
    );
    expect(unitBindingRequests.map((b) => b.id)).toEqual([requested.id]);

    const approved = await decide(agent, requested.id, true, '同意绑定，欢迎加入');
    expect(approved).toMatchObject({
      id: requested.id,
      status: 'APPROVED',
      statusText: '已绑定',
      opinion: '同意绑定，欢迎加入',
      decidedByName: '林晓',
    });
    expect(approved.decidedAt).not.toBeNull();

    const { myCurrentBinding } = await applicant.client.ok<{ myCurrentBinding: BindingJson }>(MY_CURRENT);
    expect(myCurrentBinding).toMatchObject({
      id: requested.id,
      status: 'APPROVED',
      unit: { id: unit.unitId },
    });

    // Approval announced, in the outbox, with the unit's name for the declaration subgraph.
    const events = (await outbox(t)).filter(
      (e) => e.payload.bindingId === requested.id && e.type === 'BindingApproved',
    );
    expect(events).toEqual([
      {
        type: 'BindingApproved',
        payload: {
          bindingId: requested.id,
          personId: applicant.principal.accountId,
          unitId: unit.unitId,
          unitName: '吉林省长春市第一机械制造有限公司',
          approvedAt: approved.decidedAt,
        },
      },
    ]);
  });

  it('the legal person may decide too, shown as 单位法人', async () => {
    const unit = await t.readyUnit();
    const applicant = await t.applicant();
    const { id } = await request(applicant, unit);
    const approved = await decide(await t.legalPerson(unit), id, true, '同意');
    expect(approved).toMatchObject({ status: 'APPROVED', decidedByName: '单位法人' });
  });

  it('trims the opinion; 200 characters are allowed', async () => {
    const unit = await t.readyUnit();
    const { id } = await request(await t.applicant(), unit);
    const opinion = '同'.repeat(200);
    const decided = await decide(await t.agent(unit), id, false, `  ${opinion}  `);
    expect(decided.opinion).toBe(opinion);
  });
});

describe('refuse', () => {
  it('ends the request as 审核不通过终止审核 with the opinion, announces no binding, and lets the applicant ask again', async () => {
    const unit = await t.readyUnit();
    const applicant = await t.applicant();
    const agent = await t.agent(unit);
    const first = await request(applicant, unit);
    const refused = await decide(agent, first.id, false, '经核实您不是本单位职工，请绑定实际工作单位');
    expect(refused).toMatchObject({
      status: 'REFUSED',
      statusText: '审核不通过终止审核',
      opinion: '经核实您不是本单位职工，请绑定实际工作单位',
    });
    // No binding to announce; identity only hears that the request stopped waiting.
    expect(
      (await outbox(t))
        .filter((e) => e.payload.bindingId === first.id)
        .map((e) => [e.type, e.payload.outcome]),
    ).toEqual([
      ['BindingRequested', undefined],
      ['BindingRequestClosed', 'REFUSED'],
    ]);

    const { myCurrentBinding } = await applicant.client.ok<{ myCurrentBinding: BindingJson | null }>(
      MY_CURRENT,
    );
    expect(myCurrentBinding).toBeNull();
    // Seed 001 §3.1.3: 可以依照“办件意见”重新绑定该单位或者换绑其他单位.
    const again = await request(applicant, unit);
    expect(again.status).toBe('PENDING');
  });
});

describe('one unit at a time', () => {
  it('refuses a second request while one is pending, and while a unit is bound; nothing is saved', async () => {
    const [unitA, unitB] = [await t.readyUnit(), await t.readyUnit()];
    const applicant = await t.applicant();
    const pending = await request(applicant, unitA);

    expectError(await applicant.client.request(REQUEST, { unitId: unitB.unitId }), 'CONFLICT', ALREADY);
    expectError(await applicant.client.request(REQUEST, { unitId: unitA.unitId }), 'CONFLICT', ALREADY);

    await decide(await t.agent(unitA), pending.id, true);
    expectError(await applicant.client.request(REQUEST, { unitId: unitB.unitId }), 'CONFLICT', ALREADY);

    const { rows } = await t.sql.query('select status from binding.binding where person_id = $1', [
      applicant.principal.accountId,
    ]);
    expect(rows).toEqual([{ status: 'APPROVED' }]);
  });
});

describe('unbind', () => {
  it('ends the binding without approval, announces BindingEnded, and frees the applicant to bind anew', async () => {
    const [unitA, unitB] = [await t.readyUnit(), await t.readyUnit()];
    const applicant = await t.applicant();
    const { id } = await request(applicant, unitA);
    await decide(await t.agent(unitA), id, true);

    const { unbind } = await applicant.client.ok<{ unbind: BindingJson }>(UNBIND);
    expect(unbind).toMatchObject({ id, status: 'ENDED', statusText: '已解绑' });
    expect(unbind.endedAt).not.toBeNull();

    const events = (await outbox(t)).filter(
      (e) => e.payload.bindingId === id && ['BindingApproved', 'BindingEnded'].includes(e.type),
    );
    expect(events.map((e) => e.type)).toEqual(['BindingApproved', 'BindingEnded']);
    expect(events[1].payload).toEqual({
      bindingId: id,
      personId: applicant.principal.accountId,
      unitId: unitA.unitId,
      endedAt: unbind.endedAt,
    });

    const { myCurrentBinding } = await applicant.client.ok<{ myCurrentBinding: BindingJson | null }>(
      MY_CURRENT,
    );
    expect(myCurrentBinding).toBeNull();
    expect((await request(applicant, unitB)).status).toBe('PENDING');
  });

  it('says what to do when there is nothing to unbind, or the request is still pending', async () => {
    const applicant = await t.applicant();
    const none = expectError(await applicant.client.request(UNBIND), 'CONFLICT', /没有已绑定的推荐单位/);
    expect(none.extensions?.reason).toBe('NOT_BOUND');
    await request(applicant, await t.readyUnit());
    expectError(await applicant.client.request(UNBIND), 'CONFLICT', /尚在审核中.*取消绑定申请/);
  });
});

describe('cancel a pending request', () => {
  it('withdraws it (已解绑), telling identity it no longer waits; a decided request cannot be withdrawn', async () => {
    const unit = await t.readyUnit();
    const applicant = await t.applicant();
    const { id } = await request(applicant, unit);
    const { cancelBindingRequest } = await applicant.client.ok<{ cancelBindingRequest: BindingJson }>(
      CANCEL,
      {
        id,
      },
    );
    expect(cancelBindingRequest).toMatchObject({ id, status: 'ENDED', statusText: '已解绑' });
    expect(
      (await outbox(t)).filter((e) => e.payload.bindingId === id).map((e) => [e.type, e.payload]),
    ).toEqual([
      [
        'BindingRequested',
        {
          bindingId: id,
          personId: applicant.principal.accountId,
          unitId: unit.unitId,
          requestedAt: expect.any(String),
        },
      ],
      [
        'BindingRequestClosed',
        {
          bindingId: id,
          personId: applicant.principal.accountId,
          unitId: unit.unitId,
          outcome: 'WITHDRAWN',
          closedAt: cancelBindingRequest.endedAt,
        },
      ],
    ]);
    expectError(await applicant.client.request(CANCEL, { id }), 'CONFLICT', /已处理（当前状态：已解绑）/);

    // The unit cannot decide a withdrawn request either.
    const decided = await (
      await t.agent(unit)
    ).client.request(`mutation($id: ID!) { decideBinding(id: $id, approve: true, opinion: "同意") { id } }`, {
      id,
    });
    expectError(decided, 'CONFLICT', /已处理（当前状态：已解绑）/);
  });
});

describe('history', () => {
  it('lists every request newest first, with status words and opinions', async () => {
    const [unitA, unitB, unitC] = [await t.readyUnit(), await t.readyUnit(), await t.readyUnit()];
    const applicant = await t.applicant();
    const first = await request(applicant, unitA);
    await decide(await t.agent(unitA), first.id, false, '请补充材料后重新申请');
    const second = await request(applicant, unitB);
    await decide(await t.agent(unitB), second.id, true, '同意');
    await applicant.client.ok(UNBIND);
    const third = await request(applicant, unitC);

    const { myBindings } = await applicant.client.ok<{ myBindings: BindingJson[] }>(MY_BINDINGS);
    expect(myBindings.map((b) => [b.id, b.statusText, b.opinion])).toEqual([
      [third.id, '待审核', null],
      [second.id, '已解绑', '同意'],
      [first.id, '审核不通过终止审核', '请补充材料后重新申请'],
    ]);
  });

  it("the unit's list filters by status and shows only its own requests, newest first", async () => {
    const unit = await t.readyUnit();
    const other = await t.readyUnit();
    const agent = await t.agent(unit);
    const a = await request(await t.applicant(), unit);
    const b = await request(await t.applicant(), unit);
    await request(await t.applicant(), other);
    await decide(agent, a.id, true);

    const all = await agent.client.ok<{ unitBindingRequests: BindingJson[] }>(UNIT_REQUESTS);
    expect(all.unitBindingRequests.map((x) => x.id)).toEqual([b.id, a.id]);
    const approved = await agent.client.ok<{ unitBindingRequests: BindingJson[] }>(UNIT_REQUESTS, {
      status: 'APPROVED',
    });
    expect(approved.unitBindingRequests.map((x) => x.id)).toEqual([a.id]);
  });
});

describe('one request (bindingRequest)', () => {
  const ONE = `query($id: ID!) { bindingRequest(id: $id) { id status person { id } } }`;

  it('is opened by its applicant and by its unit’s accounts; to anyone else it does not exist', async () => {
    const [unit, otherUnit] = [await t.readyUnit(), await t.readyUnit()];
    const applicant = await t.applicant();
    const { id } = await request(applicant, unit);
    const expected = { id, status: 'PENDING', person: { id: applicant.principal.accountId } };
    for (const reader of [applicant, await t.agent(unit), await t.legalPerson(unit)])
      expect(
        (await reader.client.ok<{ bindingRequest: BindingJson }>(ONE, { id })).bindingRequest,
      ).toMatchObject(expected);
    for (const stranger of [await t.applicant(), await t.agent(otherUnit)])
      expectError(await stranger.client.request(ONE, { id }), 'NOT_FOUND');
    expectError(await applicant.client.request(ONE, { id: 'not-an-id' }), 'BAD_USER_INPUT');
  });
});

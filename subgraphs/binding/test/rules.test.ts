// Guarantees that must hold however the code is called: the database refuses a second open
// binding, concurrent deciders cannot both win, and bad input is refused with every problem
// named and nothing saved.
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import {
  DECIDE,
  expectError,
  fieldCodes,
  outbox,
  request,
  REQUEST,
  startTestBinding,
  type BindingJson,
  type TestBinding,
} from './helpers';

let t: TestBinding;
beforeAll(async () => {
  t = await startTestBinding();
});
afterAll(() => t?.close());

const count = async (table: string) =>
  Number((await t.sql.query(`select count(*) from binding.${table}`)).rows[0].count);

/** Everything a refused mutation must leave untouched. */
const snapshot = async () => ({ bindings: await count('binding'), events: await count('outbox_event') });

const insertBinding = (personId: string, status: string) =>
  t.sql.query(
    `insert into binding.binding (id, person_id, unit_id, unit_name, status, requested_at, version, updated_at)
     values ($1, $2, $3, '某单位', $4, now(), 1, now())`,
    [randomUUID(), personId, randomUUID(), status],
  );

describe('the database holds one open binding per person', () => {
  it.each([
    ['PENDING', 'PENDING'],
    ['PENDING', 'APPROVED'],
    ['APPROVED', 'APPROVED'],
  ])('refuses a second %s/%s row written past the code (unique violation)', async (first, second) => {
    const personId = randomUUID();
    await insertBinding(personId, first);
    await expect(insertBinding(personId, second)).rejects.toMatchObject({
      code: '23505',
      constraint: 'binding_person_open_unique',
    });
  });

  it('keeps any number of refused and ended rows beside the open one (the history)', async () => {
    const personId = randomUUID();
    for (const status of ['REFUSED', 'REFUSED', 'ENDED', 'ENDED', 'APPROVED'])
      await insertBinding(personId, status);
    const { rows } = await t.sql.query('select count(*) from binding.binding where person_id = $1', [
      personId,
    ]);
    expect(rows[0].count).toBe('5');
  });

  it('two requests of one applicant at once: one is saved, the other answers CONFLICT', async () => {
    const applicant = await t.applicant();
    const units = await Promise.all([t.readyUnit(), t.readyUnit(), t.readyUnit(), t.readyUnit()]);
    const results = await Promise.all(
      units.map((u) => applicant.client.request(REQUEST, { unitId: u.unitId })),
    );
    const won = results.filter((r) => r.data?.requestBinding);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(3);
    for (const r of lost) expectError(r, 'CONFLICT', /您已绑定或正在申请绑定单位，请先解绑或等待审核/);
    const { rows } = await t.sql.query('select count(*) from binding.binding where person_id = $1', [
      applicant.principal.accountId,
    ]);
    expect(rows[0].count).toBe('1');
  });
});

describe('concurrent decisions', () => {
  it('two agents deciding the same request at once: exactly one wins, the other answers CONFLICT', async () => {
    for (let round = 0; round < 5; round += 1) {
      const unit = await t.readyUnit();
      const { id } = await request(await t.applicant(), unit);
      const [agentA, agentB] = [await t.agent(unit), await t.agent(unit)];
      const results = await Promise.all([
        agentA.client.request<{ decideBinding: BindingJson }>(DECIDE, { id, approve: true, opinion: '同意' }),
        agentB.client.request<{ decideBinding: BindingJson }>(DECIDE, {
          id,
          approve: false,
          opinion: '不同意',
        }),
      ]);
      const won = results.filter((r) => r.data?.decideBinding);
      const lost = results.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expectError(lost[0], 'CONFLICT', /已被他人处理|已处理/);

      // The stored decision is the winner's, and an approval was announced exactly when it won.
      const { rows } = await t.sql.query(
        'select status, opinion, version from binding.binding where id = $1',
        [id],
      );
      expect(rows[0]).toMatchObject({
        status: won[0].data!.decideBinding.status,
        opinion: won[0].data!.decideBinding.opinion,
        version: 2,
      });
      const events = (await outbox(t)).filter((e) => e.payload.bindingId === id);
      const approvals = events.filter((e) => e.type === 'BindingApproved');
      expect(approvals).toHaveLength(won[0].data!.decideBinding.status === 'APPROVED' ? 1 : 0);
      // identity hears once that the request stopped waiting, with the winner's outcome.
      expect(events.filter((e) => e.type === 'BindingRequestClosed').map((e) => e.payload.outcome)).toEqual([
        won[0].data!.decideBinding.status,
      ]);
    }
  });
});

/**
 * Runs `fn` inside an open transaction of a separate connection and commits it only once a
 * request is waiting on its locks: the request has passed its own checks and is about to write,
 * the narrowest window a race can hit.
 */
async function commitWhileBlocking(
  fn: (sql: PoolClient) => Promise<unknown>,
  action: () => Promise<unknown>,
) {
  const client = await t.sql.connect();
  try {
    await client.query('begin');
    await fn(client);
    const pending = action();
    for (let i = 0; ; i += 1) {
      const { rows } = await t.sql.query(
        `select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (rows[0].count !== '0') break;
      if (i > 200) throw new Error('the request never waited on the lock');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await client.query('commit');
    return await pending;
  } finally {
    client.release();
  }
}

describe('races decided by the database', () => {
  it('a request whose check passed loses to an open binding committed meanwhile (unique index → CONFLICT)', async () => {
    const applicant = await t.applicant();
    const unit = await t.readyUnit();
    const result = (await commitWhileBlocking(
      (sql) =>
        sql.query(
          `insert into binding.binding (id, person_id, unit_id, unit_name, status, requested_at, version, updated_at)
           values ($1, $2, $3, '别的单位', 'PENDING', now(), 1, now())`,
          [randomUUID(), applicant.principal.accountId, randomUUID()],
        ),
      () => applicant.client.request(REQUEST, { unitId: unit.unitId }),
    )) as Awaited<ReturnType<typeof applicant.client.request>>;
    expectError(result, 'CONFLICT', /您已绑定或正在申请绑定单位/);
  });

  it('a decision whose check passed loses to another decision committed meanwhile (version → CONFLICT), and announces nothing', async () => {
    const unit = await t.readyUnit();
    const { id } = await request(await t.applicant(), unit);
    const agent = await t.agent(unit);
    const result = (await commitWhileBlocking(
      (sql) =>
        sql.query(
          `update binding.binding set status = 'REFUSED', opinion = '不同意', version = version + 1 where id = $1`,
          [id],
        ),
      () => agent.client.request(DECIDE, { id, approve: true, opinion: '同意' }),
    )) as Awaited<ReturnType<typeof agent.client.request>>;
    expectError(result, 'CONFLICT', /刚刚已被他人处理（当前状态：审核不通过终止审核），请刷新后查看/);
    // Only the request's own BindingRequested: the losing decision wrote no event.
    expect((await outbox(t)).filter((e) => e.payload.bindingId === id).map((e) => e.type)).toEqual([
      'BindingRequested',
    ]);
    const { rows } = await t.sql.query('select status, opinion from binding.binding where id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'REFUSED', opinion: '不同意' });
  });
});

describe('bad input is refused with a code and a Chinese message, and nothing is saved', () => {
  let pendingId: string;
  let decider: Awaited<ReturnType<TestBinding['agent']>>;
  beforeAll(async () => {
    const unit = await t.readyUnit();
    decider = await t.agent(unit);
    pendingId = (await request(await t.applicant(), unit)).id;
  });

  const decideWith = (variables: Record<string, unknown>) =>
    decider.client.request(DECIDE, { id: pendingId, approve: true, opinion: '同意', ...variables });

  it.each([
    ['an empty opinion', { opinion: '' }, ['opinion:REQUIRED'], /请填写办件意见/],
    ['a blank opinion', { opinion: ' \n\t ' }, ['opinion:REQUIRED'], /请填写办件意见/],
    [
      'a 201-character opinion',
      { opinion: '意'.repeat(201) },
      ['opinion:TOO_LONG'],
      /办件意见不能超过 200 个字/,
    ],
    ['a malformed id', { id: 'not-an-id' }, ['id:INVALID_ID'], /绑定申请编号格式不正确/],
    [
      'a malformed id and an empty opinion, both at once',
      { id: '42', opinion: '' },
      ['id:INVALID_ID', 'opinion:REQUIRED'],
      /2 处问题/,
    ],
  ])('decideBinding with %s', async (_name, variables, fields, message) => {
    const before = await snapshot();
    const error = expectError(await decideWith(variables), 'BAD_USER_INPUT', message);
    expect(fieldCodes(error)).toEqual(fields);
    expect(await snapshot()).toEqual(before);
    const { rows } = await t.sql.query('select status from binding.binding where id = $1', [pendingId]);
    expect(rows[0].status).toBe('PENDING');
  });

  it('decideBinding of an unknown request: NOT_FOUND', async () => {
    expectError(await decideWith({ id: randomUUID() }), 'NOT_FOUND', /绑定申请不存在或不属于本单位/);
  });

  it('requestBinding with a malformed unit id', async () => {
    const applicant = await t.applicant();
    const before = await snapshot();
    const error = expectError(await applicant.client.request(REQUEST, { unitId: 'abc' }), 'BAD_USER_INPUT');
    expect(fieldCodes(error)).toEqual(['unitId:INVALID_ID']);
    expect(await snapshot()).toEqual(before);
  });

  // Binding knows only the units identity announced ready: an unknown unit and a registered one
  // that was never activated or signed in look the same here, and get the same answer.
  it('requestBinding to a unit never announced ready (unknown, or not activated / never signed in): UNIT_NOT_BINDABLE', async () => {
    const applicant = await t.applicant();
    const before = await snapshot();
    const error = expectError(
      await applicant.client.request(REQUEST, { unitId: t.newUnit().unitId }),
      'BAD_USER_INPUT',
      /该单位尚未激活或从未登录，暂不能绑定/,
    );
    expect(error.extensions?.reason).toBe('UNIT_NOT_BINDABLE');
    expect(fieldCodes(error)).toEqual(['unitId:UNIT_NOT_BINDABLE']);
    expect(await snapshot()).toEqual(before);
  });

  it('the same unit becomes bindable once identity announces it ready', async () => {
    const unit = t.newUnit();
    const applicant = await t.applicant();
    expectError(await applicant.client.request(REQUEST, { unitId: unit.unitId }), 'BAD_USER_INPUT');
    await t.makeReady(unit);
    expect((await request(applicant, unit)).status).toBe('PENDING');
  });
});

// 业务审核 (seed 002): the counts per matter (待审 / 待送审), the queues with filters and
// Relay-style pagination, and what a reviewer has handled (已审); common opinions for the picker.
import { randomUUID } from 'node:crypto';
import {
  decide,
  expectError,
  fieldCodes,
  passAndForward,
  QUEUE,
  startTestReview,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let agent: Actor;
const noticeA = randomUUID();
const noticeB = randomUUID();
const ids: Record<string, string> = {};

interface Page {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: Array<{
    cursor: string;
    node: { declarationId: string; applicantName: string; currentTask: { state: string } | null };
  }>;
}

async function page(actor: Actor, variables: Record<string, unknown>): Promise<Page> {
  return (await actor.client.ok<{ reviewQueue: Page }>(QUEUE, variables)).reviewQueue;
}

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit();
  agent = await t.agent(unit);
  // Matter A: 张伟, 张伟华, 李娜, 王芳 (in that order); matter B: 赵磊 (a talent channel).
  for (const name of ['张伟', '张伟华', '李娜', '王芳'])
    ids[name] = (await t.submit(await t.applicant(name), unit, { noticeId: noticeA })).declarationId;
  ids['赵磊'] = (
    await t.submit(await t.applicant('赵磊'), unit, {
      noticeId: noticeB,
      channelCode: 'TALENT_CLASSIFICATION',
      route: t.talentRoute(),
    })
  ).declarationId;
  // 李娜 passed (待送审); 王芳 passed and forwarded (gone to the department).
  await decide(agent, ids['李娜'], 'PASS');
  await passAndForward(t, agent, [ids['王芳']]);
});
afterAll(() => t?.close());

describe('counts per matter', () => {
  it('待审 and 待送审 per notice, for the unit; the department sees its own', async () => {
    const { reviewCounts } = await agent.client.ok<{
      reviewCounts: Array<{
        noticeId: string;
        notice: { id: string };
        channelCode: string;
        pending: number;
        awaitingForward: number;
        deferred: number;
      }>;
    }>(`{ reviewCounts { noticeId notice { id } channelCode pending awaitingForward deferred } }`);
    expect(reviewCounts).toEqual([
      {
        noticeId: noticeA,
        notice: { id: noticeA },
        channelCode: 'TITLE_NORMAL',
        pending: 2,
        awaitingForward: 1,
        deferred: 0,
      },
      {
        noticeId: noticeB,
        notice: { id: noticeB },
        channelCode: 'TALENT_CLASSIFICATION',
        pending: 1,
        awaitingForward: 0,
        deferred: 0,
      },
    ]);
    const department = await t.department();
    expect(
      (await department.client.ok<{ reviewCounts: unknown[] }>(`{ reviewCounts { noticeId pending } }`))
        .reviewCounts,
    ).toEqual([{ noticeId: noticeA, pending: 1 }]);
  });
});

describe('queues', () => {
  it('待审 lists the longest waiting first; pages follow each other with cursors', async () => {
    const first = await page(agent, { state: 'PENDING', first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e) => e.node.applicantName)).toEqual(['张伟', '张伟华']);
    expect(first.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
    });
    const second = await page(agent, { state: 'PENDING', first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.applicantName)).toEqual(['赵磊']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(second.totalCount).toBe(3);
  });

  it('filters by matter, channel and part of the name (wildcards are plain characters)', async () => {
    const names = async (filter: Record<string, unknown>, state = 'PENDING') =>
      (await page(agent, { state, filter })).edges.map((e) => e.node.applicantName);
    expect(await names({ noticeId: noticeA })).toEqual(['张伟', '张伟华']);
    expect(await names({ channelCode: 'TALENT_CLASSIFICATION' })).toEqual(['赵磊']);
    expect(await names({ applicantName: '伟' })).toEqual(['张伟', '张伟华']);
    expect(await names({ applicantName: '伟华', noticeId: noticeA })).toEqual(['张伟华']);
    expect(await names({ applicantName: '%' })).toEqual([]);
    expect(await names({ applicantName: '_' })).toEqual([]);
    expect(await names({ noticeId: noticeB, applicantName: '张' })).toEqual([]);
  });

  it('待送审 holds what the unit passed; 已审 what it handed on', async () => {
    expect(
      (await page(agent, { state: 'AWAITING_FORWARD' })).edges.map((e) => [
        e.node.applicantName,
        e.node.currentTask?.state,
      ]),
    ).toEqual([['李娜', 'AWAITING_FORWARD']]);
    expect((await page(agent, { state: 'HANDLED' })).edges.map((e) => e.node.applicantName)).toEqual([
      '王芳',
    ]);
    expect((await page(agent, { state: 'HANDLED', filter: { noticeId: noticeB } })).totalCount).toBe(0);
  });

  it('已审 lists what was acted on last first, with cursors', async () => {
    const other = await t.readyUnit();
    const otherAgent = await t.agent(other);
    const byName: Record<string, string> = {};
    for (const name of ['甲', '乙', '丙'])
      byName[name] = (await t.submit(await t.applicant(name), other)).declarationId;
    // Decided in another order than they arrived.
    for (const name of ['乙', '丙', '甲'])
      await decide(otherAgent, byName[name], 'TERMINATE', { opinion: '不符合申报条件，终止审核。' });
    const first = await page(otherAgent, { state: 'HANDLED', first: 2 });
    expect(first.edges.map((e) => e.node.applicantName)).toEqual(['甲', '丙']);
    const second = await page(otherAgent, { state: 'HANDLED', first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.applicantName)).toEqual(['乙']);
    expect(second.totalCount).toBe(3);
  });

  it('the committee’s 暂缓 queue', async () => {
    const { declarationId } = await t.submit(await t.applicant('周强'), unit, { noticeId: noticeA });
    await passAndForward(t, agent, [declarationId]);
    await decide(await t.department(), declarationId, 'PASS');
    await decide(await t.bureau(), declarationId, 'PASS');
    const committee = await t.committee();
    await committee.client.ok(
      `mutation($id: ID!) { recordCommitteeResult(declarationId: $id, result: DEFER, opinion: "暂缓评审，待补充材料后再议。") { phase } }`,
      { id: declarationId },
    );
    expect((await page(committee, { state: 'DEFERRED' })).edges.map((e) => e.node.applicantName)).toEqual([
      '周强',
    ]);
    expect((await page(committee, { state: 'PENDING' })).totalCount).toBe(0);
    const { reviewCounts } = await committee.client.ok<{ reviewCounts: unknown[] }>(
      `{ reviewCounts { pending deferred } }`,
    );
    expect(reviewCounts).toEqual([{ pending: 0, deferred: 1 }]);
  });
});

describe('numbered pages and the desk’s filters (系列, 专业, 推荐单位, 提交日期)', () => {
  let designUnit: TestUnit;
  let designAgent: Actor;
  const design: Record<string, string> = {};

  beforeAll(async () => {
    designUnit = await t.readyUnit('长春市建筑设计研究院');
    designAgent = await t.agent(designUnit);
    const facts: Array<[string, string, string, string]> = [
      // name, series, specialty, submitted (UTC): 2026-11-30 23:30 UTC is 12-01 in China.
      ['钱一', 'ENG', 'ENG.CIVIL', '2026-11-20T02:00:00.000Z'],
      ['钱二', 'ENG', 'ENG.ME', '2026-11-30T23:30:00.000Z'],
      ['钱三', 'EDU', 'EDU.MATH', '2026-12-01T08:00:00.000Z'],
      ['钱四', 'ENG', 'ENG.CIVIL', '2026-12-02T08:00:00.000Z'],
      ['钱五', 'ENG', 'ENG.CIVIL', '2026-12-03T08:00:00.000Z'],
    ];
    for (const [name, seriesCode, specialtyCode, submittedAt] of facts)
      design[name] = (
        await t.submit(await t.applicant(name), designUnit, {
          noticeId: noticeA,
          title: { seriesCode, specialtyCode, seriesName: seriesCode === 'EDU' ? '教育系列' : '工程系列' },
          submittedAt,
        })
      ).declarationId;
  });

  const names = async (actor: Actor, variables: Record<string, unknown>) =>
    (await page(actor, variables)).edges.map((e) => e.node.applicantName);

  it('offset pages: each page its rows, the total, and whether more follow', async () => {
    const all = await names(designAgent, { state: 'PENDING', first: 100 });
    expect(all).toEqual(['钱一', '钱二', '钱三', '钱四', '钱五']);
    const second = await page(designAgent, { state: 'PENDING', first: 2, offset: 2 });
    expect(second.edges.map((e) => e.node.applicantName)).toEqual(['钱三', '钱四']);
    expect(second.totalCount).toBe(5);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const last = await page(designAgent, { state: 'PENDING', first: 2, offset: 4 });
    expect(last.edges.map((e) => e.node.applicantName)).toEqual(['钱五']);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect((await page(designAgent, { state: 'PENDING', first: 2, offset: 50 })).edges).toEqual([]);
  });

  it('filters by 系列, 专业 and the submission day in China time, combined with paging', async () => {
    expect(await names(designAgent, { state: 'PENDING', filter: { seriesCode: 'EDU' } })).toEqual(['钱三']);
    expect(
      await names(designAgent, {
        state: 'PENDING',
        filter: { seriesCode: 'ENG', specialtyCode: 'ENG.CIVIL' },
      }),
    ).toEqual(['钱一', '钱四', '钱五']);
    // 钱二 submitted at 07:30 on 12-01 China time (23:30 UTC the day before).
    expect(
      await names(designAgent, {
        state: 'PENDING',
        filter: { submittedFrom: '2026-12-01', submittedTo: '2026-12-02' },
      }),
    ).toEqual(['钱二', '钱三', '钱四']);
    expect(await names(designAgent, { state: 'PENDING', filter: { submittedTo: '2026-11-30' } })).toEqual([
      '钱一',
    ]);
    const filtered = await page(designAgent, {
      state: 'PENDING',
      first: 1,
      offset: 1,
      filter: { seriesCode: 'ENG', specialtyCode: 'ENG.CIVIL' },
    });
    expect(filtered.edges.map((e) => e.node.applicantName)).toEqual(['钱四']);
    expect(filtered.totalCount).toBe(3);
  });

  it('the department filters by 推荐单位 (part of the name) in 待审 and 已审', async () => {
    await passAndForward(t, designAgent, [design['钱三']]);
    const department = await t.department();
    expect(await names(department, { state: 'PENDING' })).toEqual(['王芳', '钱三']);
    expect(await names(department, { state: 'PENDING', filter: { unitName: '建筑设计' } })).toEqual(['钱三']);
    expect(await names(department, { state: 'PENDING', filter: { unitName: '%' } })).toEqual([]);
    await decide(department, design['钱三'], 'PASS');
    expect(
      await names(department, { state: 'HANDLED', filter: { unitName: '建筑设计', seriesCode: 'EDU' } }),
    ).toEqual(['钱三']);
    expect(
      await names(department, { state: 'HANDLED', filter: { unitName: '建筑设计', seriesCode: 'ENG' } }),
    ).toEqual([]);
    expect(
      await names(department, { state: 'HANDLED', first: 1, offset: 1, filter: { unitName: '建筑设计' } }),
    ).toEqual([]);
  });

  it('the case and its queue row carry the 系列 and 专业 names', async () => {
    const { reviewCase } = await designAgent.client.ok<{
      reviewCase: { seriesCode: string; seriesName: string; specialtyCode: string; specialtyName: string };
    }>(
      `query($id: ID!) { reviewCase(declarationId: $id) { seriesCode seriesName specialtyCode specialtyName } }`,
      {
        id: design['钱一'],
      },
    );
    expect(reviewCase).toEqual({
      seriesCode: 'ENG',
      seriesName: '工程系列',
      specialtyCode: 'ENG.CIVIL',
      specialtyName: '土木工程',
    });
  });

  it('bad paging and filters are named at once (offset cap, offset with a cursor, impossible days)', async () => {
    const first = await page(designAgent, { state: 'PENDING', first: 1 });
    const error = expectError(
      await designAgent.client.request(QUEUE, {
        state: 'PENDING',
        first: 1,
        offset: 10_001,
        after: first.pageInfo.endCursor,
        filter: {
          submittedFrom: '2026-02-30',
          submittedTo: '2026-13-01',
          unitName: '单'.repeat(51),
          seriesCode: 'X'.repeat(101),
        },
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual([
      'filter.seriesCode:TOO_LONG',
      'filter.submittedFrom:INVALID_DATE',
      'filter.submittedTo:INVALID_DATE',
      'filter.unitName:TOO_LONG',
      'offset:OFFSET_RANGE',
      'offset:OFFSET_WITH_CURSOR',
    ]);
    expect(
      fieldCodes(
        expectError(
          await designAgent.client.request(QUEUE, {
            state: 'PENDING',
            offset: -1,
            filter: { submittedFrom: '2026-12-02', submittedTo: '2026-12-01' },
          }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['filter.submittedTo:DATE_RANGE', 'offset:OFFSET_RANGE']);
  });
});

describe('common opinions', () => {
  it('the built-in ones of a kind, then the reviewer’s own; own ones can be deleted', async () => {
    const LIST = `query($kind: OpinionKind!) { commonOpinions(kind: $kind) { id kind text custom } }`;
    const { commonOpinions: builtIn } = await agent.client.ok<{
      commonOpinions: Array<{ id: string; text: string; custom: boolean }>;
    }>(LIST, {
      kind: 'RETURN',
    });
    expect(builtIn.length).toBeGreaterThan(0);
    expect(builtIn.every((o) => !o.custom)).toBe(true);
    const { saveCommonOpinion: own } = await agent.client.ok<{
      saveCommonOpinion: { id: string; custom: boolean };
    }>(
      `mutation { saveCommonOpinion(kind: RETURN, text: "  论文检索证明缺失，请补充。 ") { id kind text custom } }`,
    );
    const after = (
      await agent.client.ok<{ commonOpinions: Array<{ id: string; text: string; custom: boolean }> }>(LIST, {
        kind: 'RETURN',
      })
    ).commonOpinions;
    expect(after.at(-1)).toEqual({
      id: own.id,
      kind: 'RETURN',
      text: '论文检索证明缺失，请补充。',
      custom: true,
    });
    // Another reviewer does not see it; a different kind does not list it.
    const colleague = await t.agent(unit);
    expect(
      (await colleague.client.ok<{ commonOpinions: unknown[] }>(LIST, { kind: 'RETURN' })).commonOpinions,
    ).toHaveLength(builtIn.length);
    expect(
      (
        await agent.client.ok<{ commonOpinions: Array<{ custom: boolean }> }>(LIST, { kind: 'PASS' })
      ).commonOpinions.some((o) => o.custom),
    ).toBe(false);
    await agent.client.ok(`mutation($id: ID!) { deleteCommonOpinion(id: $id) }`, { id: own.id });
    expect(
      (await agent.client.ok<{ commonOpinions: unknown[] }>(LIST, { kind: 'RETURN' })).commonOpinions,
    ).toHaveLength(builtIn.length);
  });
});

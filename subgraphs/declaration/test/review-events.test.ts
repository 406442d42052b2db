// Review's decisions reach the declaration as events on the real transport (as review's relay
// publishes them): the status words of SPEC §3, where review has the declaration, and nothing
// moves backwards when events repeat, come late or name a declaration this service never had.
import { randomUUID } from 'node:crypto';
import { expectError, type Actor, type TestDeclaration, startTestDeclaration } from './helpers';
import { DELETE, SAVE, education, publishedNotice, startedDeclaration } from './fixtures';
import {
  ORGS,
  REVIEW_QUERY,
  review,
  reviewTime,
  submittedDeclaration,
  type ReviewJson,
} from './review-fixtures';

let t: TestDeclaration;
let noticeId: string;
beforeAll(async () => {
  t = await startTestDeclaration();
  noticeId = (await publishedNotice(await t.bureau())).id;
});
afterAll(() => t?.close());

const read = async (actor: Actor, id: string) =>
  (await actor.client.ok<{ declaration: ReviewJson }>(REVIEW_QUERY, { id })).declaration;

const inboxCount = async (eventId: string) =>
  (
    await t.sql.query<{ n: number }>(
      `select count(*)::int as n from declaration.inbox_entry where event_id = $1`,
      [eventId],
    )
  ).rows[0].n;

describe('the title route level by level', () => {
  it('已申报 while units, departments and the bureau pass it on, 材料审核通过 at the committee, 暂缓 kept, 终审通过', async () => {
    const { applicant, unit, declaration } = await submittedDeclaration(t, noticeId);
    const id = declaration.id;
    const submitted = await read(applicant, id);
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      statusText: '已申报',
      reviewPosition: {
        level: 'UNIT',
        levelText: '推荐单位',
        organisationId: unit.unitId,
        organisationName: unit.name,
        deferred: false,
        returnedFrom: null,
      },
      returnedBy: null,
      returnedModules: null,
    });

    await t.publish(review.advanced(id, 'UNIT', 'DEPARTMENT', ORGS.department, reviewTime(t, 1000)));
    expect(await read(applicant, id)).toMatchObject({
      status: 'SUBMITTED',
      reviewPosition: { level: 'DEPARTMENT', organisationName: '吉林省教育厅' },
    });
    await t.publish(review.advanced(id, 'DEPARTMENT', 'BUREAU', ORGS.bureau, reviewTime(t, 2000)));
    // The bureau passes: the declaration moves to the committee and its materials are approved
    // (review publishes both at the same instant).
    const passedAt = reviewTime(t, 3000);
    await t.publish(
      review.advanced(id, 'BUREAU', 'COMMITTEE', ORGS.committee, passedAt),
      review.materialsApproved(id, passedAt),
    );
    const atCommittee = await read(applicant, id);
    expect(atCommittee).toMatchObject({
      status: 'MATERIALS_APPROVED',
      statusText: '材料审核通过',
      statusChangedAt: passedAt,
      reviewPosition: { level: 'COMMITTEE', organisationName: ORGS.committee.name, deferred: false },
    });

    const deferredAt = reviewTime(t, 4000);
    await t.publish(review.deferred(id, deferredAt));
    expect(await read(applicant, id)).toMatchObject({
      status: 'MATERIALS_APPROVED',
      statusChangedAt: passedAt,
      reviewPosition: { level: 'COMMITTEE', deferred: true, deferredAt },
    });

    const approvedAt = reviewTime(t, 5000);
    await t.publish(review.finallyApproved(id, approvedAt));
    const approved = await read(applicant, id);
    expect(approved).toMatchObject({
      status: 'FINALLY_APPROVED',
      statusText: '终审通过',
      statusChangedAt: approvedAt,
      reviewPosition: null,
      editableModules: [],
    });
    // The unit and reviewers read the same status words.
    expect((await read(await t.legalPerson(unit), id)).statusText).toBe('终审通过');
  });

  it('a route that ends at the bureau (人才分类定级): 材料审核通过, the bureau’s 暂缓, then its 通过', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    const approvedAt = reviewTime(t);
    await t.publish(review.materialsApproved(declaration.id, approvedAt, true));
    // The bureau that approved the materials records the 评审结果: the declaration waits there.
    expect(await read(applicant, declaration.id)).toMatchObject({
      status: 'MATERIALS_APPROVED',
      statusText: '材料审核通过',
      reviewPosition: { level: 'BUREAU', organisationId: ORGS.bureau.id, deferred: false, since: approvedAt },
    });
    const deferredAt = reviewTime(t, 2000);
    await t.publish(review.talentDeferred(declaration.id, deferredAt));
    expect(await read(applicant, declaration.id)).toMatchObject({
      status: 'MATERIALS_APPROVED',
      reviewPosition: { level: 'BUREAU', deferred: true, deferredAt },
    });
    await t.publish(review.talentApproved(declaration.id, reviewTime(t, 3000)));
    expect(await read(applicant, declaration.id)).toMatchObject({
      status: 'FINALLY_APPROVED',
      statusText: '终审通过',
      reviewPosition: null,
    });
  });

  it('审核不通过终止审核 ends it; the applicant may then delete it (kept for the record)', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    expectError(
      await applicant.client.request(DELETE, { id: declaration.id }),
      'CONFLICT',
      'DECLARATION_LOCKED',
    );
    await t.publish(review.terminated(declaration.id, reviewTime(t)));
    expect(await read(applicant, declaration.id)).toMatchObject({
      status: 'TERMINATED',
      statusText: '审核不通过终止审核',
      reviewPosition: null,
    });
    await applicant.client.ok(DELETE, { id: declaration.id });
  });
});

describe('returns', () => {
  it('a return to a lower level keeps 已申报 and records where it went and from whom; nothing unlocks', async () => {
    const { applicant, unit, declaration } = await submittedDeclaration(t, noticeId);
    const id = declaration.id;
    await t.publish(review.advanced(id, 'UNIT', 'BUREAU', ORGS.bureau, reviewTime(t, 1000)));
    await t.publish(
      review.returned(id, {
        fromLevel: 'BUREAU',
        organisationId: ORGS.bureau.id,
        targetLevel: 'UNIT',
        modules: ['EDUCATION'],
        opinion: '请单位核实学历',
        returnedAt: reviewTime(t, 2000),
      }),
    );
    const back = await read(applicant, id);
    expect(back).toMatchObject({
      status: 'SUBMITTED',
      statusText: '已申报',
      editableModules: [],
      returnOpinion: null,
      returnedModules: null,
      reviewPosition: {
        level: 'UNIT',
        organisationId: unit.unitId,
        organisationName: unit.name,
        returnedFrom: { level: 'BUREAU', organisationName: ORGS.bureau.name },
      },
    });
    expectError(
      await applicant.client.request(SAVE, {
        id,
        expectedVersion: back.version,
        input: { education: [education()] },
      }),
      'CONFLICT',
      'DECLARATION_LOCKED',
    );
  });

  it('a return to the applicant shows the opinion, the flagged modules and who returned it (by name)', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    const id = declaration.id;
    await t.publish(review.advanced(id, 'UNIT', 'DEPARTMENT', ORGS.department, reviewTime(t, 1000)));
    const returnedAt = reviewTime(t, 2000);
    await t.publish(
      review.returned(id, {
        fromLevel: 'DEPARTMENT',
        organisationId: ORGS.department.id,
        modules: ['EDUCATION', 'WORK_EXPERIENCE', 'EDUCATION'],
        opinion: '学历证书不清晰，工作经历不完整',
        returnedAt,
      }),
    );
    expect(await read(applicant, id)).toMatchObject({
      status: 'RETURNED',
      statusText: '被退回',
      statusChangedAt: returnedAt,
      returnOpinion: '学历证书不清晰，工作经历不完整',
      returnedModules: ['EDUCATION', 'WORK_EXPERIENCE'],
      returnedAt,
      returnedBy: {
        level: 'DEPARTMENT',
        levelText: '行政主管部门',
        organisationId: ORGS.department.id,
        organisationName: '吉林省教育厅',
      },
      editableModules: ['EDUCATION', 'WORK_EXPERIENCE'],
      reviewPosition: null,
    });
  });
});

describe('repeated, late and unknown events', () => {
  it('the same event twice is handled once (one inbox row, one version step)', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    const before = await read(applicant, declaration.id);
    const returned = review.returned(declaration.id, {
      organisationId: randomUUID(),
      returnedAt: reviewTime(t),
    });
    await t.publish(returned);
    const after = await read(applicant, declaration.id);
    expect(after.status).toBe('RETURNED');
    expect(after.version).toBe(before.version + 1);
    await t.publish(returned);
    expect(await inboxCount(returned.id)).toBe(1);
    expect((await read(applicant, declaration.id)).version).toBe(after.version);
  });

  it('a forged replay of a handled event id is handled once, even when its payload differs', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    const approved = review.materialsApproved(declaration.id, reviewTime(t, 500));
    await t.publish(approved);
    const before = await read(applicant, declaration.id);
    expect(before.status).toBe('MATERIALS_APPROVED');
    // The bus refuses a second event with a known id; a broker that forgot it (here: the row is
    // gone) lets the forgery through, and the inbox stops it.
    const forged = { ...review.terminated(declaration.id, reviewTime(t, 1000)), id: approved.id };
    await t.publish(forged);
    await t.sql.query(`delete from eventbus.event where id = $1`, [approved.id]);
    await t.publish(forged);
    expect((await t.sql.query(`select type from eventbus.event where id = $1`, [approved.id])).rows).toEqual([
      { type: 'DeclarationTerminated' },
    ]);
    // Redelivery of everything (a consumer that crashed before saving its position) changes nothing either.
    await t.sql.query(`update eventbus.subscription set position = 0 where consumer = 'declaration'`);
    await t.server.consumer.catchUp();
    expect(await inboxCount(approved.id)).toBe(1);
    expect(await read(applicant, declaration.id)).toMatchObject({
      status: 'MATERIALS_APPROVED',
      version: before.version,
    });
  });

  it('late events never move a declaration backwards', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    const id = declaration.id;
    // 材料审核通过 (t+3s) arrives before a return of t+1s: the return is older, so it is ignored.
    await t.publish(review.materialsApproved(id, reviewTime(t, 3000)));
    await t.publish(review.returned(id, { organisationId: randomUUID(), returnedAt: reviewTime(t, 1000) }));
    expect((await read(applicant, id)).status).toBe('MATERIALS_APPROVED');
    // 终审通过, then a late 终止 and a late pass on: still 终审通过.
    await t.publish(review.finallyApproved(id, reviewTime(t, 5000)));
    await t.publish(review.terminated(id, reviewTime(t, 4000)));
    await t.publish(review.advanced(id, 'BUREAU', 'COMMITTEE', ORGS.committee, reviewTime(t, 6000)));
    await t.publish(review.terminated(id, reviewTime(t, 7000)));
    expect(await read(applicant, id)).toMatchObject({ status: 'FINALLY_APPROVED', reviewPosition: null });
  });

  it('events for a draft or an unknown declaration are skipped and the consumer goes on', async () => {
    const { applicant, declaration: draft } = await startedDeclaration(t, noticeId);
    const unknown = review.returned(randomUUID(), {
      organisationId: randomUUID(),
      returnedAt: reviewTime(t),
    });
    const garbage = review.terminated('not-a-uuid', reviewTime(t));
    await t.publish(
      unknown,
      garbage,
      review.returned(draft.id, { organisationId: randomUUID(), returnedAt: reviewTime(t) }),
    );
    expect(await inboxCount(unknown.id)).toBe(1);
    expect(await inboxCount(garbage.id)).toBe(1);
    expect((await read(applicant, draft.id)).status).toBe('DRAFT');
    // …and the next event is handled as usual.
    const { applicant: other, declaration } = await submittedDeclaration(t, noticeId);
    await t.publish(review.terminated(declaration.id, reviewTime(t)));
    expect((await read(other, declaration.id)).status).toBe('TERMINATED');
  });
});

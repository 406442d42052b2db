// Every bad input of issue 4, each with its code, reason and Chinese message, and nothing
// half-saved: after a refusal the case, its timeline, its flags and the outbox are as before.
import { randomUUID } from 'node:crypto';
import {
  COMMITTEE,
  DECIDE,
  decide,
  expectError,
  fieldCodes,
  files,
  FORWARD,
  passAndForward,
  postFile,
  QUEUE,
  reviewCase,
  startTestReview,
  TICKET,
  uploadRecommendation,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let agent: Actor;

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit();
  agent = await t.agent(unit);
});
afterAll(() => t?.close());

/** What must not move when a change is refused. */
async function snapshot(declarationId: string) {
  const { rows: cases } = await t.sql.query(
    'select version, state from review.review_case where declaration_id = $1',
    [declarationId],
  );
  const { rows: timeline } = await t.sql.query(
    'select count(*)::int as n from review.timeline_entry where declaration_id = $1',
    [declarationId],
  );
  const { rows: flags } = await t.sql.query(
    'select count(*)::int as n from review.module_flag where declaration_id = $1',
    [declarationId],
  );
  return {
    case: cases[0],
    timeline: timeline[0].n,
    flags: flags[0].n,
    outbox: await t.outbox(declarationId),
  };
}

async function submitted() {
  const { declarationId } = await t.submit(await t.applicant(), unit);
  return declarationId;
}

const decideVars = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  task: 1,
  decision: 'PASS',
  opinion: '同意推荐。',
  ...extra,
});

describe('decisions', () => {
  it('a decision without an opinion (empty or blank) is refused', async () => {
    const id = await submitted();
    const before = await snapshot(id);
    for (const opinion of ['', '   \n ']) {
      const error = expectError(
        await agent.client.request(DECIDE, decideVars(id, { opinion })),
        'BAD_USER_INPUT',
        'INVALID_INPUT',
        /请填写审核意见/,
      );
      expect(fieldCodes(error)).toEqual(['opinion:OPINION_REQUIRED']);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it('an opinion over 500 characters is refused with its length', async () => {
    const id = await submitted();
    const error = expectError(
      await agent.client.request(DECIDE, decideVars(id, { opinion: '意'.repeat(501) })),
      'BAD_USER_INPUT',
      'INVALID_INPUT',
      /不能超过500字，当前501字/,
    );
    expect(fieldCodes(error)).toEqual(['opinion:OPINION_TOO_LONG']);
  });

  it('returning with no module chosen and no target names both problems at once, and the opinion too', async () => {
    const id = await submitted();
    const before = await snapshot(id);
    const error = expectError(
      await agent.client.request(DECIDE, decideVars(id, { decision: 'RETURN', opinion: ' ' })),
      'BAD_USER_INPUT',
      'INVALID_INPUT',
      /3 处问题/,
    );
    expect(fieldCodes(error)).toEqual([
      'modules:MODULES_REQUIRED',
      'opinion:OPINION_REQUIRED',
      'target:RETURN_TARGET_REQUIRED',
    ]);
    // Flags that mark nothing 有误 choose no module either.
    const flagsOnly = expectError(
      await agent.client.request(
        DECIDE,
        decideVars(id, {
          decision: 'RETURN',
          target: 'APPLICANT',
          flags: [{ module: 'EDUCATION', hasErrors: false }],
        }),
      ),
      'BAD_USER_INPUT',
      'INVALID_INPUT',
      /请选择需要退回修改的模块/,
    );
    expect(fieldCodes(flagsOnly)).toEqual(['modules:MODULES_REQUIRED']);
    expect(await snapshot(id)).toEqual(before);
  });

  it('a unit cannot return to a level above it; a module marked twice is named with the rest', async () => {
    const id = await submitted();
    const error = expectError(
      await agent.client.request(
        DECIDE,
        decideVars(id, {
          decision: 'RETURN',
          target: 'BUREAU',
          modules: ['EDUCATION'],
          flags: [
            { module: 'EDUCATION', hasErrors: true },
            { module: 'EDUCATION', hasErrors: false },
          ],
        }),
      ),
      'BAD_USER_INPUT',
      'INVALID_INPUT',
    );
    expect(fieldCodes(error)).toEqual([
      'moduleFlags.1.module:FLAG_DUPLICATE',
      'target:RETURN_TARGET_INVALID',
    ]);
  });

  it('deciding a task of another organisation: another unit is told the declaration does not exist', async () => {
    const id = await submitted();
    const before = await snapshot(id);
    const stranger = await t.agent(await t.readyUnit());
    expectError(await stranger.client.request(DECIDE, decideVars(id)), 'NOT_FOUND', 'NOT_ON_ROUTE');
    const otherBureau = await t.staff('BUREAU_REVIEWER', t.orgs.otherBureau);
    expectError(await otherBureau.client.request(DECIDE, decideVars(id)), 'NOT_FOUND', 'NOT_ON_ROUTE');
    // And an id that names nothing, or is not an id at all.
    expectError(await agent.client.request(DECIDE, decideVars(randomUUID())), 'NOT_FOUND', 'NOT_ON_ROUTE');
    expectError(await agent.client.request(DECIDE, decideVars('not-an-id')), 'NOT_FOUND', 'NOT_ON_ROUTE');
    expect(await snapshot(id)).toEqual(before);
  });

  it('deciding a task of another level: the bureau cannot act while the unit holds it, nor name the unit’s task', async () => {
    const id = await submitted();
    const bureau = await t.bureau();
    expectError(
      await bureau.client.request(DECIDE, decideVars(id, { task: 1 })),
      'FORBIDDEN',
      'NOT_YOUR_LEVEL',
      /不在您的审核环节/,
    );
    await passAndForward(t, agent, [id]);
    await decide(await t.department(), id, 'PASS');
    // At the bureau now (task 3); naming the department's task 2 is another level's task.
    expectError(
      await bureau.client.request(DECIDE, decideVars(id, { task: 2 })),
      'FORBIDDEN',
      'NOT_YOUR_LEVEL',
    );
    expectError(
      await bureau.client.request(DECIDE, decideVars(id, { task: 99 })),
      'NOT_FOUND',
      'TASK_NOT_FOUND',
    );
    expectError(
      await bureau.client.request(DECIDE, decideVars(id, { task: 0 })),
      'NOT_FOUND',
      'TASK_NOT_FOUND',
    );
  });

  it('deciding twice (a stale page) is a CONFLICT that says to refresh', async () => {
    const id = await submitted();
    await decide(agent, id, 'PASS', { task: 1 });
    const before = await snapshot(id);
    const again = expectError(
      await agent.client.request(DECIDE, decideVars(id, { decision: 'TERMINATE', opinion: '终止。' })),
      'CONFLICT',
      'ALREADY_HANDLED',
    );
    expect(again.message).toBe('该申报已被处理，请刷新后查看');
    expect(await snapshot(id)).toEqual(before);
  });

  it('applicants and anonymous callers cannot decide', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    expectError(await applicant.client.request(DECIDE, decideVars(declarationId)), 'FORBIDDEN');
    expectError(await t.client().request(DECIDE, decideVars(declarationId)), 'UNAUTHENTICATED');
  });
});

describe('batch forwarding', () => {
  it('forwarding a batch without its attachment is refused and moves nothing', async () => {
    const id = await submitted();
    await decide(agent, id, 'PASS');
    const before = await snapshot(id);
    const error = expectError(
      await agent.client.request(FORWARD, { ids: [id], attachmentId: randomUUID() }),
      'BAD_USER_INPUT',
      'INVALID_INPUT',
      /请先上传推荐报告\/申报函，再批量送审/,
    );
    expect(fieldCodes(error)).toEqual(['batch.attachmentId:BATCH_ATTACHMENT_REQUIRED']);
    // Another unit's attachment is no attachment for this unit.
    const otherUnitAgent = await t.agent(await t.readyUnit());
    const theirs = await uploadRecommendation(t, otherUnitAgent);
    expectError(
      await agent.client.request(FORWARD, { ids: [id], attachmentId: theirs }),
      'BAD_USER_INPUT',
      'INVALID_INPUT',
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it('an attachment serves one batch; a second batch needs its own', async () => {
    const [a, b] = [await submitted(), await submitted()];
    await decide(agent, a, 'PASS');
    await decide(agent, b, 'PASS');
    const attachmentId = await uploadRecommendation(t, agent);
    await agent.client.ok(FORWARD, { ids: [a], attachmentId });
    expectError(
      await agent.client.request(FORWARD, { ids: [b], attachmentId }),
      'CONFLICT',
      'ATTACHMENT_ALREADY_USED',
    );
  });

  it('a batch with a declaration not passed yet, or not the unit’s, goes nowhere (all or none)', async () => {
    const [passed, pending] = [await submitted(), await submitted()];
    await decide(agent, passed, 'PASS');
    const attachmentId = await uploadRecommendation(t, agent);
    const before = await snapshot(passed);
    const error = expectError(
      await agent.client.request(FORWARD, { ids: [passed, pending], attachmentId }),
      'CONFLICT',
      'BATCH_REFUSED',
      /所选的2条申报中有1条不能送审：该申报尚未审核通过/,
    );
    expect(error.extensions?.declarations).toEqual([
      expect.objectContaining({ declarationId: pending, reason: 'NOT_PASSED_YET' }),
    ]);
    const foreign = await t.submit(await t.applicant(), await t.readyUnit());
    const foreignError = expectError(
      await agent.client.request(FORWARD, { ids: [passed, foreign.declarationId], attachmentId }),
      'NOT_FOUND',
      'BATCH_REFUSED',
    );
    expect(foreignError.extensions?.declarations).toEqual([
      expect.objectContaining({
        declarationId: foreign.declarationId,
        code: 'NOT_FOUND',
        reason: 'NOT_ON_ROUTE',
      }),
    ]);
    expect(await snapshot(passed)).toEqual(before);
    // The attachment is still free for a good batch.
    await agent.client.ok(FORWARD, { ids: [passed], attachmentId });
  });

  it('an empty selection, a repeated one and malformed ids are named at once', async () => {
    const id = await submitted();
    await decide(agent, id, 'PASS');
    const attachmentId = await uploadRecommendation(t, agent);
    expect(
      fieldCodes(
        expectError(await agent.client.request(FORWARD, { ids: [], attachmentId }), 'BAD_USER_INPUT'),
      ),
    ).toEqual(['declarationIds:BATCH_EMPTY']);
    expect(
      fieldCodes(
        expectError(await agent.client.request(FORWARD, { ids: [id, id], attachmentId }), 'BAD_USER_INPUT'),
      ),
    ).toEqual(['declarationIds.1:BATCH_DUPLICATE']);
    expect(
      fieldCodes(
        expectError(
          await agent.client.request(FORWARD, { ids: ['x', id, 'y'], attachmentId }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['declarationIds.0:INVALID_ID', 'declarationIds.2:INVALID_ID']);
  });

  it('staff do not forward batches or upload 推荐报告', async () => {
    const bureau = await t.bureau();
    expectError(
      await bureau.client.request(FORWARD, { ids: [randomUUID()], attachmentId: randomUUID() }),
      'FORBIDDEN',
    );
    expectError(
      await bureau.client.request(TICKET, {
        fileName: 'a.pdf',
        sizeBytes: 10,
        contentType: 'application/pdf',
      }),
      'FORBIDDEN',
    );
  });
});

describe('the 推荐报告 upload', () => {
  it('a ticket refuses a wrong type, an empty or too large file, and names every problem', async () => {
    const error = expectError(
      await agent.client.request(TICKET, {
        fileName: '推荐报告.docx',
        sizeBytes: 20 * 1024 * 1024,
        contentType: 'application/msword',
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(['fileName:FILE_TYPE_NOT_ALLOWED', 'sizeBytes:FILE_TOO_LARGE']);
    expect(
      fieldCodes(
        expectError(
          await agent.client.request(TICKET, { fileName: ' ', sizeBytes: 0, contentType: '' }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['fileName:REQUIRED', 'sizeBytes:FILE_EMPTY']);
  });

  it('the bytes are checked: an executable named .pdf is refused (415), a ticket is used once, a forged one is refused', async () => {
    const ticket = async () =>
      (
        await agent.client.ok<{ requestBatchAttachmentUpload: { url: string } }>(TICKET, {
          fileName: '推荐报告.pdf',
          sizeBytes: 2048,
          contentType: 'application/pdf',
        })
      ).requestBatchAttachmentUpload.url;
    const exe = await postFile(t, await ticket(), files.exe());
    expect(exe.status).toBe(415);
    expect(exe.body.error?.code).toBe('FILE_TYPE_NOT_ALLOWED');

    const url = await ticket();
    expect((await postFile(t, url, files.pdf())).status).toBe(201);
    const again = await postFile(t, url, files.pdf());
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'TICKET_USED' } } });

    const forged = await postFile(t, `${url.slice(0, -4)}AAAA`, files.pdf());
    expect(forged).toMatchObject({ status: 403, body: { error: { code: 'TOKEN_INVALID' } } });
  });

  it('the attachment downloads with its link, as stored', async () => {
    const id = await submitted();
    await passAndForward(t, agent, [id]);
    const { reviewCase: seen } = await (
      await t.department()
    ).client.ok<{
      reviewCase: { batch: { attachment: { url: string; sizeBytes: number } } };
    }>(`query($id: ID!) { reviewCase(declarationId: $id) { batch { attachment { url sizeBytes } } } }`, {
      id,
    });
    const response = await fetch(`${t.origin}${seen.batch.attachment.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect((await response.arrayBuffer()).byteLength).toBe(seen.batch.attachment.sizeBytes);
  });
});

describe('committee results', () => {
  it('a committee result on a declaration not at the committee is refused', async () => {
    const id = await submitted();
    const committee = await t.committee();
    const before = await snapshot(id);
    // On the route, but the declaration is still at the unit.
    expectError(
      await committee.client.request(COMMITTEE, { id, result: 'PASS', opinion: '同意。' }),
      'CONFLICT',
      'NOT_AT_COMMITTEE',
    );
    await passAndForward(t, agent, [id]);
    expectError(
      await committee.client.request(COMMITTEE, { id, result: 'PASS', opinion: '同意。' }),
      'CONFLICT',
      'NOT_AT_COMMITTEE',
      /尚未进入评委会评审环节/,
    );
    expect((await snapshot(id)).timeline).toBe(before.timeline + 2);
  });

  it('a committee result without an opinion is refused; the bureau cannot record one', async () => {
    const id = await submitted();
    await passAndForward(t, agent, [id]);
    await decide(await t.department(), id, 'PASS');
    const bureau = await t.bureau();
    await decide(bureau, id, 'PASS');
    const committee = await t.committee();
    expect(
      fieldCodes(
        expectError(
          await committee.client.request(COMMITTEE, { id, result: 'PASS', opinion: '' }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['opinion:OPINION_REQUIRED']);
    expectError(
      await bureau.client.request(COMMITTEE, { id, result: 'PASS', opinion: '同意。' }),
      'FORBIDDEN',
      'ROLE_NOT_ALLOWED',
    );
    // And the committee does not pass/return/terminate: it records results.
    expectError(
      await committee.client.request(DECIDE, decideVars(id, { task: 4 })),
      'FORBIDDEN',
      'COMMITTEE_RECORDS_RESULT',
    );
    expect((await reviewCase(committee, id)).currentTask?.state).toBe('PENDING');
  });
});

describe('queues and opinions', () => {
  it('queue arguments out of range and a made-up cursor are named at once', async () => {
    const error = expectError(
      await agent.client.request(QUEUE, {
        first: 0,
        after: 'not-a-cursor',
        filter: { noticeId: 'x', applicantName: '名'.repeat(51) },
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual([
      'after:INVALID_CURSOR',
      'filter.applicantName:TOO_LONG',
      'filter.noticeId:INVALID_ID',
      'first:PAGE_SIZE',
    ]);
  });

  it('saving an empty or duplicate own opinion is refused; another reviewer’s opinion cannot be deleted', async () => {
    const SAVE = `mutation($kind: OpinionKind!, $text: String!) { saveCommonOpinion(kind: $kind, text: $text) { id text custom } }`;
    expect(
      fieldCodes(
        expectError(await agent.client.request(SAVE, { kind: 'PASS', text: '  ' }), 'BAD_USER_INPUT'),
      ),
    ).toEqual(['text:OPINION_REQUIRED']);
    const { saveCommonOpinion: saved } = await agent.client.ok<{ saveCommonOpinion: { id: string } }>(SAVE, {
      kind: 'PASS',
      text: '经单位党委会研究，同意推荐。',
    });
    expect(
      fieldCodes(
        expectError(
          await agent.client.request(SAVE, { kind: 'PASS', text: ' 经单位党委会研究，同意推荐。' }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['text:OPINION_DUPLICATE']);
    const other = await t.agent(unit);
    expectError(
      await other.client.request(`mutation($id: ID!) { deleteCommonOpinion(id: $id) }`, { id: saved.id }),
      'NOT_FOUND',
    );
    expectError(
      await agent.client.request(`mutation { deleteCommonOpinion(id: "PASS_RECOMMEND") }`),
      'NOT_FOUND',
      'OPINION_NOT_FOUND',
    );
  });
});

// What happens to a declaration and its files over its life: entries and files removed, drafts
// deleted, a declaration returned by review (DeclarationReturned on the bus) corrected in the
// flagged modules only and resubmitted, a terminated one deleted.
import { randomUUID } from 'node:crypto';
import { expectError, files, startTestDeclaration, type Actor, type TestDeclaration } from './helpers';
import {
  DECLARATION,
  DELETE,
  REMOVE_ATTACHMENT,
  REQUEST_UPLOAD,
  SAVE,
  SUBMIT,
  completeDeclaration,
  education,
  publishedNotice,
  save,
  startedDeclaration,
  upload,
  workExperience,
  type DeclarationJson,
} from './fixtures';
import { ORGS, REVIEW_QUERY, review, reviewTime, type ReviewJson } from './review-fixtures';

let t: TestDeclaration;
let noticeId: string;
beforeAll(async () => {
  t = await startTestDeclaration();
  noticeId = (await publishedNotice(await t.bureau())).id;
});
afterAll(() => t?.close());
afterEach(() => t.clock.reset());

const MY = `{ myDeclarations { id status statusText } }`;
const read = async (actor: Actor, id: string) =>
  (await actor.client.ok<{ declaration: DeclarationJson }>(DECLARATION, { id })).declaration;

describe('files follow their entries', () => {
  it('removing an entry removes its proof files; removeAttachment removes one file', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const [kept, dropped] = [education(), education({ school: '长春工业大学' })];
    const saved = await save(applicant, declaration, { education: [kept, dropped] });
    const keptFile = await upload(
      t,
      applicant,
      saved.id,
      { kind: 'ENTRY', module: 'EDUCATION', entryId: kept.id },
      'a.pdf',
      files.pdf(),
      'application/pdf',
    );
    await upload(
      t,
      applicant,
      saved.id,
      { kind: 'ENTRY', module: 'EDUCATION', entryId: dropped.id },
      'b.pdf',
      files.pdf(),
      'application/pdf',
    );
    const photo = await upload(
      t,
      applicant,
      saved.id,
      { kind: 'CATALOGUE', code: 'PHOTO' },
      '照片.jpg',
      files.jpg(),
      'image/jpeg',
    );
    expect(await t.storedFiles()).toHaveLength(3);

    const after = await save(applicant, saved, { education: [kept] });
    expect(after.attachments.map((a) => a.id).sort()).toEqual([keptFile.id, photo.id].sort());
    expect(await t.storedFiles()).toEqual(
      [`declarations/${saved.id}/${keptFile.id}`, `declarations/${saved.id}/${photo.id}`].sort(),
    );

    const { removeAttachment } = await applicant.client.ok<{
      removeAttachment: { attachments: Array<{ id: string }> };
    }>(REMOVE_ATTACHMENT, { id: photo.id });
    expect(removeAttachment.attachments.map((a) => a.id)).toEqual([keptFile.id]);
    expect(await t.storedFiles()).toEqual([`declarations/${saved.id}/${keptFile.id}`]);
  });

  it('deleting a draft removes it and its files; it is gone for its owner too', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const file = await upload(
      t,
      applicant,
      declaration.id,
      { kind: 'CATALOGUE', code: 'ID_CARD' },
      '身份证.pdf',
      files.pdf(),
      'application/pdf',
    );
    expect(await t.storedFiles()).toContain(`declarations/${declaration.id}/${file.id}`);
    expect(
      (await applicant.client.ok<{ deleteDeclaration: string }>(DELETE, { id: declaration.id }))
        .deleteDeclaration,
    ).toBe(declaration.id);
    expect(await t.storedFiles()).not.toContain(`declarations/${declaration.id}/${file.id}`);
    expect((await applicant.client.ok<{ myDeclarations: unknown[] }>(MY)).myDeclarations).toEqual([]);
    expectError(await applicant.client.request(DECLARATION, { id: declaration.id }), 'NOT_FOUND');
  });
});

describe('returned and terminated declarations (review events on the bus)', () => {
  it('a returned declaration: only flagged modules change, the opinion is shown, resubmission after the deadline', async () => {
    const done = await completeDeclaration(t, noticeId);
    const { submitDeclaration } = await done.applicant.client.ok<{ submitDeclaration: DeclarationJson }>(
      SUBMIT,
      {
        id: done.declaration.id,
        expectedVersion: done.declaration.version,
        pledge: true,
      },
    );
    const id = done.declaration.id;
    await t.publish(review.advanced(id, 'UNIT', 'DEPARTMENT', ORGS.department, reviewTime(t, 1000)));
    const returnedEvent = review.returned(id, {
      fromLevel: 'DEPARTMENT',
      organisationId: ORGS.department.id,
      modules: ['WORK_EXPERIENCE'],
      opinion: '工作经历不完整',
      returnedAt: reviewTime(t, 2000),
    });
    await t.publish(returnedEvent);
    t.clock.advanceDays(40);
    const returned = await read(done.applicant, id);
    expect(returned).toMatchObject({
      status: 'RETURNED',
      statusText: '被退回',
      editableModules: ['WORK_EXPERIENCE'],
    });
    const { declaration: withOpinion } = await done.applicant.client.ok<{ declaration: ReviewJson }>(
      REVIEW_QUERY,
      { id },
    );
    expect(withOpinion).toMatchObject({
      returnOpinion: '工作经历不完整',
      returnedModules: ['WORK_EXPERIENCE'],
      returnedBy: { level: 'DEPARTMENT', organisationName: ORGS.department.name },
    });

    // Modules not flagged: neither their data nor their files may change.
    expectError(
      await done.applicant.client.request(SAVE, {
        id: returned.id,
        expectedVersion: returned.version,
        input: { education: [education()] },
      }),
      'FORBIDDEN',
      'MODULE_NOT_FLAGGED',
      /教育经历/,
    );
    expectError(
      await done.applicant.client.request(SAVE, {
        id: returned.id,
        expectedVersion: returned.version,
        input: { workExperience: [workExperience()], innovation: '改进焊接工艺' },
      }),
      'FORBIDDEN',
      'MODULE_NOT_FLAGGED',
      /创新/,
    );
    const educationEntry = returned.modules.education![0];
    expectError(
      await done.applicant.client.request(REQUEST_UPLOAD, {
        declarationId: id,
        slot: { kind: 'ENTRY', module: 'EDUCATION', entryId: educationEntry.id },
        fileName: '学位证书.pdf',
        sizeBytes: 2048,
        contentType: 'application/pdf',
      }),
      'FORBIDDEN',
      'MODULE_NOT_FLAGGED',
      /教育经历/,
    );
    expectError(
      await done.applicant.client.request(REQUEST_UPLOAD, {
        declarationId: id,
        slot: { kind: 'CATALOGUE', code: 'PHOTO' },
        fileName: '照片.jpg',
        sizeBytes: 2048,
        contentType: 'image/jpeg',
      }),
      'FORBIDDEN',
      'MODULE_NOT_FLAGGED',
      /基本信息/,
    );
    const educationFile = returned.attachments.find((a) => a.slot.module === 'EDUCATION')!;
    expectError(
      await done.applicant.client.request(REMOVE_ATTACHMENT, { id: educationFile.id }),
      'FORBIDDEN',
      'MODULE_NOT_FLAGGED',
      /教育经历/,
    );
    // The 附件材料 list belongs to no module a reviewer can flag: it stays correctable.
    const idCard = returned.attachments.find((a) => a.slot.code === 'ID_CARD')!;
    await done.applicant.client.ok(REMOVE_ATTACHMENT, { id: idCard.id });
    await upload(
      t,
      done.applicant,
      id,
      { kind: 'CATALOGUE', code: 'ID_CARD' },
      '身份证.pdf',
      files.pdf(),
      'application/pdf',
    );

    const current = await read(done.applicant, id);
    const fixed = await save(done.applicant, current, {
      workExperience: [
        workExperience(),
        workExperience({ unit: '长春市第二机械厂', startDate: '2005-07-01', endDate: '2010-06-30' }),
      ],
    });
    const { submitDeclaration: again } = await done.applicant.client.ok<{
      submitDeclaration: DeclarationJson;
    }>(SUBMIT, {
      id: fixed.id,
      expectedVersion: fixed.version,
      pledge: true,
    });
    expect(again.status).toBe('SUBMITTED');
    expect(again.editableModules).toEqual([]);
    expect(again.version).toBeGreaterThan(submitDeclaration.version);
    await t.server.relay.flush();
    const { rows } = await t.sql.query<{ payload: { resubmission: boolean } }>(
      `select payload from eventbus.event where type = 'DeclarationSubmitted' and payload->>'declarationId' = $1 order by position`,
      [fixed.id],
    );
    expect(rows.map((r) => r.payload.resubmission)).toEqual([false, true]);
    // Back at the level that returned it; the flags and the opinion are gone from the API.
    const resubmitted = await read(done.applicant, id);
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', statusText: '已申报', editableModules: [] });
    const { declaration: position } = await done.applicant.client.ok<{ declaration: ReviewJson }>(
      REVIEW_QUERY,
      { id },
    );
    expect(position).toMatchObject({
      returnOpinion: null,
      returnedModules: null,
      returnedBy: null,
      reviewPosition: { level: 'DEPARTMENT', organisationName: ORGS.department.name },
    });
    // The first round's return, replayed under a new id, does not send it back again.
    await t.publish({ ...returnedEvent, id: randomUUID() });
    expect((await read(done.applicant, id)).status).toBe('SUBMITTED');
  });

  it('a terminated declaration can be deleted (hidden), a submitted one cannot', async () => {
    const done = await completeDeclaration(t, noticeId);
    await done.applicant.client.ok(SUBMIT, {
      id: done.declaration.id,
      expectedVersion: done.declaration.version,
      pledge: true,
    });
    expectError(
      await done.applicant.client.request(DELETE, { id: done.declaration.id }),
      'CONFLICT',
      'DECLARATION_LOCKED',
    );
    await t.publish(review.terminated(done.declaration.id, reviewTime(t)));
    await done.applicant.client.ok(DELETE, { id: done.declaration.id });
    expect((await done.applicant.client.ok<{ myDeclarations: unknown[] }>(MY)).myDeclarations).toEqual([]);
    // Kept for the record, with its files.
    const { rows } = await t.sql.query(
      `select deleted_at is not null as deleted, status from declaration.declaration where id = $1`,
      [done.declaration.id],
    );
    expect(rows).toEqual([{ deleted: true, status: 'TERMINATED' }]);
    expect((await t.storedFiles()).filter((f) => f.includes(done.declaration.id))).toHaveLength(5);
  });
});

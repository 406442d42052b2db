// Proof files attached while an entry is being added (issue 10, item 4): the client gives the
// entry its id, the files wait for the entry to be saved and are no proof until then.
import { randomUUID } from 'node:crypto';
import { caseNumberOf } from '../src/domain';
import {
  expectError,
  files,
  postFile,
  startTestDeclaration,
  type Actor,
  type TestDeclaration,
} from './helpers';
import {
  DECLARATION,
  REQUEST_UPLOAD,
  SUBMIT,
  completeDeclaration,
  education,
  publishedNotice,
  save,
  startedDeclaration,
  upload,
  type DeclarationJson,
} from './fixtures';
import { review, reviewTime, submittedDeclaration } from './review-fixtures';

let t: TestDeclaration;
let noticeId: string;
beforeAll(async () => {
  t = await startTestDeclaration();
  noticeId = (await publishedNotice(await t.bureau())).id;
});
afterAll(() => t?.close());

const read = async (actor: Actor, id: string) =>
  (await actor.client.ok<{ declaration: DeclarationJson }>(DECLARATION, { id })).declaration;
const pdf = files.pdf();
const proof = (actor: Actor, declarationId: string, module: string, entryId: string) =>
  upload(t, actor, declarationId, { kind: 'ENTRY', module, entryId }, '毕业证书.pdf', pdf, 'application/pdf');
const ticket = (actor: Actor, declarationId: string, module: string, entryId: string) =>
  actor.client.request<{ requestUpload: { url: string } }>(REQUEST_UPLOAD, {
    declarationId,
    slot: { kind: 'ENTRY', module, entryId },
    fileName: '证明.pdf',
    sizeBytes: pdf.length,
    contentType: 'application/pdf',
  });
const storedOf = async (declarationId: string) =>
  (await t.storedFiles()).filter((f) => f.startsWith(`declarations/${declarationId}/`));

describe('files of an entry being added', () => {
  it('are taken before the entry is saved, and belong to it once it is', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const entry = education();
    const file = await proof(applicant, declaration.id, 'EDUCATION', entry.id);
    // The applicant sees the file (the dialog lists it); the report does not count it as proof.
    const before = await read(applicant, declaration.id);
    expect(before.attachments.map((a) => a.id)).toEqual([file.id]);
    expect(before.attachments[0].slot).toMatchObject({
      kind: 'ENTRY',
      module: 'EDUCATION',
      entryId: entry.id,
    });

    const saved = await save(applicant, before, { education: [entry] });
    expect(saved.attachments.map((a) => a.id)).toEqual([file.id]);
    expect(saved.validation.problems.map((p) => p.message).join('\n')).not.toMatch(
      /教育经历.*未上传证明材料/,
    );
  });

  it('go when the list is saved without the entry (the dialog was cancelled), bytes included', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const kept = education();
    const saved = await save(applicant, declaration, { education: [kept] });
    const abandoned = randomUUID();
    await proof(applicant, declaration.id, 'EDUCATION', abandoned);
    expect(await storedOf(declaration.id)).toHaveLength(1);
    const after = await save(applicant, saved, { education: [kept] });
    expect(after.attachments).toEqual([]);
    expect(await storedOf(declaration.id)).toEqual([]);
  });

  it('go at submit when the entry was never saved; the submitted declaration holds proofs only', async () => {
    const { applicant, declaration } = await completeDeclaration(t, noticeId);
    const file = await proof(applicant, declaration.id, 'EDUCATION', randomUUID());
    const withIt = await read(applicant, declaration.id);
    expect(withIt.attachments.map((a) => a.id)).toContain(file.id);
    expect(withIt.validation.ok).toBe(true);
    const { submitDeclaration } = await applicant.client.ok<{ submitDeclaration: DeclarationJson }>(SUBMIT, {
      id: declaration.id,
      expectedVersion: withIt.version,
      pledge: true,
    });
    expect(submitDeclaration.status).toBe('SUBMITTED');
    expect(submitDeclaration.attachments.map((a) => a.id)).not.toContain(file.id);
    expect(submitDeclaration.attachments).toHaveLength(declaration.attachments.length);
    expect(
      (await t.sql.query(`select 1 from declaration.attachment where id = $1`, [file.id])).rowCount,
    ).toBe(0);
  });

  it('are never shown to a reviewer while the entry is unsaved (a returned declaration)', async () => {
    const { applicant, unit, declaration } = await submittedDeclaration(t, noticeId);
    await t.publish(
      review.returned(declaration.id, {
        organisationId: unit.unitId,
        modules: ['EDUCATION'],
        returnedAt: reviewTime(t),
      }),
    );
    const returned = await read(applicant, declaration.id);
    expect(returned.status).toBe('RETURNED');
    const file = await proof(applicant, declaration.id, 'EDUCATION', randomUUID());
    const agent = await t.agent(unit);
    const seen = await read(agent, declaration.id);
    expect(seen.attachments.length).toBeGreaterThan(0);
    expect(seen.attachments.map((a) => a.id)).not.toContain(file.id);
    expect((await read(applicant, declaration.id)).attachments.map((a) => a.id)).toContain(file.id);
  });

  it('one unsaved entry per list; a forged or extra entry id is refused, nothing stored', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const first = randomUUID();
    await proof(applicant, declaration.id, 'EDUCATION', first);
    // The same entry takes its next file; another unsaved entry in the same list does not.
    await proof(applicant, declaration.id, 'EDUCATION', first).catch(() => undefined);
    expectError(
      await ticket(applicant, declaration.id, 'EDUCATION', randomUUID()),
      'BAD_USER_INPUT',
      undefined,
      /已有一条未保存的信息/,
    );
    // Another list has its own place.
    await proof(applicant, declaration.id, 'CONTINUING_EDUCATION', randomUUID());
    // An id a client does not make, and a module without proof files, are no slot.
    for (const [module, entryId] of [
      ['EDUCATION', 'not-a-uuid'],
      ['WORK_EXPERIENCE', randomUUID()],
    ] as const) {
      const refused = await ticket(applicant, declaration.id, module, entryId);
      expect(refused.errors?.[0]?.extensions?.fields).toEqual([
        expect.objectContaining({ field: 'slot', code: 'SLOT_UNKNOWN' }),
      ]);
    }
    // Somebody else cannot attach to this declaration's new entries.
    const stranger = await startedDeclaration(t, noticeId);
    expectError(await ticket(stranger.applicant, declaration.id, 'EDUCATION', first), 'NOT_FOUND');
  });

  it('a full list takes no new entry, so no files for one', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    await save(applicant, declaration, { education: [education(), education(), education()] });
    const refused = await ticket(applicant, declaration.id, 'EDUCATION', randomUUID());
    expectError(refused, 'BAD_USER_INPUT', undefined, /教育经历不能再添加条目/);
  });

  it('a ticket for a second unsaved entry that raced the first is refused when its bytes arrive', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const a = await ticket(applicant, declaration.id, 'EDUCATION', randomUUID());
    const b = await ticket(applicant, declaration.id, 'EDUCATION', randomUUID());
    expect((await postFile(t, a.data!.requestUpload.url, pdf, 'application/pdf')).status).toBe(201);
    const late = await postFile(t, b.data!.requestUpload.url, pdf, 'application/pdf');
    expect([late.status, late.body.error?.code]).toEqual([409, 'SLOT_UNKNOWN']);
    expect(await storedOf(declaration.id)).toHaveLength(1);
  });
});

describe('申报编号', () => {
  it('is ZC, the day the declaration was started and its id’s first 8 characters; it never changes', async () => {
    expect(
      caseNumberOf({
        id: '3f2a9c1e-0000-4000-8000-000000000000',
        createdAt: new Date('2026-12-01T17:30:00Z'),
      }),
    ).toBe('ZC20261202-3F2A9C1E');
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const { declaration: read } = await applicant.client.ok<{ declaration: { caseNumber: string } }>(
      `query($id: ID!) { declaration(id: $id) { caseNumber } }`,
      { id: declaration.id },
    );
    expect(read.caseNumber).toMatch(new RegExp(`^ZC\\d{8}-${declaration.id.slice(0, 8).toUpperCase()}$`));
  });
});

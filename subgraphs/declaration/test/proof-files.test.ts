// Proof files the client cannot skip (issue 8, hole 16): only the server marks an education
// record as fetched from a registry (clients cannot send `source`), and the photo's 1:1.75 is
// measured on the image's real pixels.
import { photoRatioProblem, withServerSources, type EducationEntry } from '../src/domain';
import { registryEntries } from '../src/services/registry';
import { expectError, files, postFile, startTestDeclaration, type TestDeclaration } from './helpers';
import {
  DECLARATION,
  REQUEST_UPLOAD,
  SAVE,
  education,
  publishedNotice,
  save,
  startedDeclaration,
  type DeclarationJson,
} from './fixtures';

let t: TestDeclaration;
let noticeId: string;
beforeAll(async () => {
  t = await startTestDeclaration();
  noticeId = (await publishedNotice(await t.bureau())).id;
});
afterAll(() => t?.close());

describe('education records are the applicant’s own unless the server fetched them', () => {
  it('a client cannot send source: REGISTRY; the record still needs its proof file', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const claimed = await applicant.client.request(SAVE, {
      id: declaration.id,
      expectedVersion: declaration.version,
      input: { education: [{ ...education(), source: 'REGISTRY' }] },
    });
    // Not part of the input any more: refused as input the schema does not take.
    expect(claimed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(claimed.errors?.[0]?.message).toMatch(/source/);
    const saved = await save(applicant, declaration, { education: [education()] });
    expect(saved.modules.education?.[0]).not.toMatchObject({ source: 'REGISTRY' });
    const { declaration: read } = await applicant.client.ok<{ declaration: DeclarationJson }>(DECLARATION, {
      id: declaration.id,
    });
    expect(read.validation.problems.map((p) => p.message)).toContain(
      '教育经历已填写1条，其中有1条未上传证明材料，请补充上传',
    );
  });

  it('no registry is connected by default: fetching is refused, nothing is marked', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const refused = await applicant.client.request(
      `mutation($id: ID!, $v: Int!) { fetchEducationFromRegistry(id: $id, expectedVersion: $v) { id } }`,
      { id: declaration.id, v: declaration.version },
    );
    expectError(refused, 'FORBIDDEN', 'REGISTRY_UNAVAILABLE', /手工填写/);
    // What a configured registry returns is marked by the server (and only so).
    const [entry] = registryEntries([{ ...education(), id: undefined } as never]);
    expect(entry).toMatchObject({ source: 'REGISTRY', school: '吉林大学' });
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a server-fetched record keeps its mark only while unchanged; a client mark is dropped', () => {
    const fetched = { ...education(), source: 'REGISTRY' } as unknown as EducationEntry;
    const manual = education() as unknown as EducationEntry;
    expect(withServerSources([fetched], [fetched])[0].source).toBe('REGISTRY');
    expect(withServerSources([fetched], [{ ...fetched, school: '另一所大学' }])[0].source).toBeUndefined();
    expect(withServerSources([manual], [{ ...manual, source: 'REGISTRY' }])[0].source).toBeUndefined();
    expect(withServerSources(undefined, [{ ...manual, source: 'REGISTRY' }])[0].source).toBeUndefined();
  });
});

describe('the photo is 1:1.75 on its real pixels', () => {
  const ticket = async (name: string, bytes: Buffer, type: string) => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const { requestUpload } = await applicant.client.ok<{ requestUpload: { url: string } }>(REQUEST_UPLOAD, {
      declarationId: declaration.id,
      slot: { kind: 'CATALOGUE', code: 'PHOTO' },
      fileName: name,
      sizeBytes: bytes.length,
      contentType: type,
    });
    return { applicant, declaration, url: requestUpload.url };
  };

  it('refuses a square photo (nothing kept) and takes a 1:1.75 one, JPG or PNG', async () => {
    const square = files.png(2048, { width: 300, height: 300 });
    const refused = await ticket('照片.png', square, 'image/png');
    const answer = await postFile(t, refused.url, square, 'image/png');
    expect([answer.status, answer.body.error?.code]).toEqual([422, 'PHOTO_RATIO']);
    expect(answer.body.error?.message).toMatch(/1:1\.75.*300×300/);
    expect(
      (await t.storedFiles()).filter((f) => f.startsWith(`declarations/${refused.declaration.id}/`)),
    ).toEqual([]);

    const photo = files.jpg(4096, { width: 413, height: 722 });
    const accepted = await ticket('照片.jpg', photo, 'image/jpeg');
    expect((await postFile(t, accepted.url, photo, 'image/jpeg')).status).toBe(201);
    // Bytes a reader cannot measure are refused too.
    const unreadable = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 1)]);
    const blind = await ticket('照片.jpg', unreadable, 'image/jpeg');
    expect((await postFile(t, blind.url, unreadable, 'image/jpeg')).body.error?.code).toBe('PHOTO_RATIO');
  });

  it('the rule: 1:1.75 within 2 %', () => {
    expect(photoRatioProblem({ width: 200, height: 350 })).toBeNull();
    expect(photoRatioProblem({ width: 295, height: 516 })).toBeNull();
    expect(photoRatioProblem({ width: 350, height: 490 })).toMatch(/1:1\.75/);
    expect(photoRatioProblem({ width: 200, height: 380 })).toMatch(/宽200、高350/);
    expect(photoRatioProblem(null)).toMatch(/无法读取/);
  });
});

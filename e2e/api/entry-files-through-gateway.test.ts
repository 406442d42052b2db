// Proof files attached while an entry is being added, through the real gateway and its /files
// routes (issue 10, item 4): the entry's own uuid is the slot before it is saved; the file belongs
// to the entry once it is; an entry never saved leaves nothing behind after submit, and nobody
// else can attach to the applicant's declaration.
import { randomUUID } from 'node:crypto';
import {
  TITLE_CATALOGUE_FILES,
  bindToDemoUnit,
  completeTitleModules,
  demoAgent,
  files,
  ok,
  signedIn,
  uploadToDeclaration,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_entry_files', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

const READ = `query($id: ID!) { declaration(id: $id) { version status caseNumber
  attachments { id fileName slot { kind module entryId } }
  validation { ok problems { code message } } } }`;
const SAVE = `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
  saveDeclaration(id: $id, expectedVersion: $v, input: $input) { version attachments { id } } }`;
interface Read {
  version: number;
  status: string;
  caseNumber: string;
  attachments: Array<{
    id: string;
    fileName: string;
    slot: { kind: string; module: string; entryId: string };
  }>;
  validation: { ok: boolean; problems: Array<{ code: string; message: string }> };
}

test('an entry’s proof is uploaded before the entry is saved; an unsaved entry’s file goes at submit', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const unit = await bindToDemoUnit(stack, applicant, await demoAgent(stack));
  const { notices } = await ok<{ notices: Array<{ id: string }> }>(
    applicant,
    `{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id } }`,
  );
  const { startDeclaration: draft } = await ok<{ startDeclaration: { id: string; version: number } }>(
    applicant,
    `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`,
    { n: notices[0].id },
  );
  const read = async () => (await ok<{ declaration: Read }>(applicant, READ, { id: draft.id })).declaration;
  const modules = completeTitleModules(unit.name);
  const entry = modules.education[0];

  // The proof first, under the id the entry will be saved with.
  const proof = await uploadToDeclaration(
    stack,
    applicant,
    draft.id,
    { kind: 'ENTRY', module: 'EDUCATION', entryId: entry.id },
    '毕业证书.pdf',
    files.pdf(),
    'application/pdf',
  );
  expect(proof.status).toBe(201);
  // A stranger cannot attach to this declaration's new entries.
  const stranger = await signedIn(stack, { kind: 'PERSON', account: '13800000002' });
  const refused = await stranger.request(
    `mutation($d: ID!, $slot: AttachmentSlotInput!) {
      requestUpload(declarationId: $d, slot: $slot, fileName: "x.pdf", sizeBytes: 100, contentType: "application/pdf") { url } }`,
    { d: draft.id, slot: { kind: 'ENTRY', module: 'EDUCATION', entryId: randomUUID() } },
  );
  expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

  // Then the entry with everything else, and the catalogue files: complete, with the proof counted.
  await ok(applicant, SAVE, { id: draft.id, v: draft.version, input: modules });
  for (const [slot, name, bytes, type] of TITLE_CATALOGUE_FILES)
    expect((await uploadToDeclaration(stack, applicant, draft.id, slot, name, bytes(), type)).status).toBe(
      201,
    );
  // A second entry being added gets a file but is never saved.
  const abandoned = await uploadToDeclaration(
    stack,
    applicant,
    draft.id,
    { kind: 'ENTRY', module: 'EDUCATION', entryId: randomUUID() },
    '未保存条目的证明.pdf',
    files.pdf(),
    'application/pdf',
  );
  expect(abandoned.status).toBe(201);
  const before = await read();
  expect(before.validation).toEqual({ ok: true, problems: [] });
  expect(before.attachments.map((a) => a.fileName)).toContain('未保存条目的证明.pdf');

  await ok(
    applicant,
    `mutation($id: ID!, $v: Int!) { submitDeclaration(id: $id, expectedVersion: $v, pledge: true) { id } }`,
    {
      id: draft.id,
      v: before.version,
    },
  );
  const after = await read();
  expect(after.status).toBe('SUBMITTED');
  expect(after.caseNumber).toMatch(new RegExp(`^ZC\\d{8}-${draft.id.slice(0, 8).toUpperCase()}$`));
  expect(after.attachments.map((a) => a.fileName).sort()).toEqual(
    ['单位公示表.pdf', '毕业证书.pdf', '证件照.png', '身份证正面.jpg', '身份证反面.png'].sort(),
  );
  expect(after.attachments.find((a) => a.fileName === '毕业证书.pdf')?.slot.entryId).toBe(entry.id);
  const { rows } = await stack.sql(
    `select count(*)::int as n from declaration.attachment where declaration_id = $1`,
    [draft.id],
  );
  expect(rows[0].n).toBe(5);
});

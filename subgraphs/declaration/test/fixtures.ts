// Valid inputs and the GraphQL documents the tests use: each test breaks exactly one thing.
import { randomUUID } from 'node:crypto';
import { makeResidentId } from '@zhicheng/domain-codes';
import {
  APPLICANT_ID_NUMBER,
  APPLICANT_NAME,
  files,
  postFile,
  UNIT_NAME,
  type Actor,
  type TestDeclaration,
  type TestUnit,
} from './helpers';

let people = 0;
/** A fresh valid resident ID number (check digit computed); an odd sequence is a man's. */
export function residentId(birthDate = '19800101'): string {
  people += 1;
  return makeResidentId({ region: '220102', birthDate, sequence: ((process.pid + people * 2) % 998) | 1 });
}

export const DECLARATION_FIELDS = `
  id status statusText version category categoryText applicantName unitName committeeId
  submittedAt pledgedAt daysLeft editableModules
  notice { id title }
  applicant { id }
  unit { id }
  title { seriesName titleName levelName }
  modules {
    basicInfo { name seriesCode specialtyCode scopeCode titleCode levelCode practisedSpecialtyCode exceptionalKind }
    talentBasicInfo { name standardCode levelCode }
    recommenders { id name idNumber }
    education { id school }
    workExperience { id unit }
    annualAssessments { id year result }
    innovation
  }
  attachments { id fileName format sizeBytes sha256 downloadUrl slot { kind code module entryId } }
  validation { ok problems { module code message field } }
  businessForms { kind name url expiresAt }
`;

export const NOTICE_FIELDS = `
  id title status isOpen daysLeft opensAt closesAt notes
  channel { code name requiresCommittee allowsExceptional }
  route { level name organisationId }
  coverage { unitIds regionCodes seriesCodes }
  committees { id name regionCode levelCodes seriesCodes specialtyCodes }
  formConfig { innovationTextLimit modules { key name required maxEntries filesPerEntry { min max formats maxSizeKb } }
    attachments { code name formats maxSizeKb maxCount required module } }
`;

export const CREATE_NOTICE = `mutation($input: NoticeInput!) { createNotice(input: $input) { ${NOTICE_FIELDS} } }`;
export const PUBLISH_NOTICE = `mutation($id: ID!) { publishNotice(id: $id) { ${NOTICE_FIELDS} } }`;
export const START = `mutation($noticeId: ID!, $category: DeclarationCategory!, $committeeId: ID) {
  startDeclaration(noticeId: $noticeId, category: $category, committeeId: $committeeId) { ${DECLARATION_FIELDS} }
}`;
export const SAVE = `mutation($id: ID!, $expectedVersion: Int!, $input: DeclarationModulesInput!) {
  saveDeclaration(id: $id, expectedVersion: $expectedVersion, input: $input) { ${DECLARATION_FIELDS} }
}`;
export const REQUEST_UPLOAD = `mutation($declarationId: ID!, $slot: AttachmentSlotInput!, $fileName: String!, $sizeBytes: Int!, $contentType: String!) {
  requestUpload(declarationId: $declarationId, slot: $slot, fileName: $fileName, sizeBytes: $sizeBytes, contentType: $contentType) {
    url expiresAt maxBytes formats
  }
}`;
export const SUBMIT = `mutation($id: ID!, $expectedVersion: Int!, $pledge: Boolean!) {
  submitDeclaration(id: $id, expectedVersion: $expectedVersion, pledge: $pledge) { ${DECLARATION_FIELDS} }
}`;
export const DECLARATION = `query($id: ID!) { declaration(id: $id) { ${DECLARATION_FIELDS} } }`;
export const REMOVE_ATTACHMENT = `mutation($id: ID!) { removeAttachment(id: $id) { id attachments { id } } }`;
export const CANCEL = `mutation($id: ID!) { cancelDeclaration(id: $id) { id status statusText } }`;
export const DELETE = `mutation($id: ID!) { deleteDeclaration(id: $id) }`;

export interface DeclarationJson {
  id: string;
  status: string;
  statusText: string;
  version: number;
  category: string;
  daysLeft: number;
  editableModules: string[];
  modules: Record<string, unknown> & {
    basicInfo?: Record<string, unknown> | null;
    education?: Array<{ id: string }> | null;
    recommenders?: Array<{ id: string; idNumber: string }> | null;
  };
  attachments: Array<{
    id: string;
    fileName: string;
    format: string;
    sizeBytes: number;
    sha256: string;
    downloadUrl: string;
    slot: { kind: string; code: string | null; module: string | null; entryId: string | null };
  }>;
  validation: {
    ok: boolean;
    problems: Array<{ module: string; code: string; message: string; field: string | null }>;
  };
  businessForms: Array<{ kind: string; name: string; url: string }>;
  submittedAt: string | null;
  title: { seriesName: string; titleName: string; levelName: string } | null;
}

const DAY = 24 * 3600 * 1000;

export const JILIN_ROUTE = [
  { level: 'UNIT', name: '推荐单位' },
  { level: 'DEPARTMENT', name: '行政主管部门' },
  { level: 'BUREAU', name: '吉林省人力资源和社会保障厅' },
  { level: 'COMMITTEE', name: '职称评审委员会' },
];

export function noticeInput(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    channelCode: 'TITLE_NORMAL',
    title: '关于开展2026年度全省专业技术职称评审工作的通知',
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 30 * DAY).toISOString(),
    notes: '请对照资格条件自评。',
    route: JILIN_ROUTE,
    ...overrides,
  };
}

/** A published notice (bureau staff create and publish it through the API). */
export async function publishedNotice(
  bureau: Actor,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; formConfig: unknown }> {
  const { createNotice } = await bureau.client.ok<{ createNotice: { id: string } }>(CREATE_NOTICE, {
    input: noticeInput(overrides),
  });
  const { publishNotice } = await bureau.client.ok<{ publishNotice: { id: string; formConfig: unknown } }>(
    PUBLISH_NOTICE,
    { id: createNotice.id },
  );
  return publishNotice;
}

export function basicInfo(overrides: Record<string, unknown> = {}) {
  return {
    name: APPLICANT_NAME,
    gender: 'MALE',
    ethnicity: '汉族',
    politicalStatus: '群众',
    idType: 'RESIDENT_ID',
    idNumber: APPLICANT_ID_NUMBER,
    mobile: '13800000001',
    birthDate: '1988-08-08',
    educationLevel: '大学本科',
    workStartDate: '2010-07-01',
    personnelType: '专业技术人员',
    workUnitName: UNIT_NAME,
    unitType: '企业',
    workNature: '应用',
    currentTitleName: '工程师',
    currentTitleDate: '2019-10-04',
    appointmentDate: '2019-10-20',
    seriesCode: 'ENG',
    specialtyCode: 'ENG.ME',
    scopeCode: 'ENG.ME.WELDING',
    titleCode: 'ENG.SENIOR_ENGINEER',
    levelCode: 'DEPUTY_SENIOR',
    practisedSpecialtyCode: 'ENG.ME.WELDING',
    yearsInSpecialty: 12,
    exceptionalKind: null,
    ...overrides,
  };
}

export const education = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  school: '吉林大学',
  major: '材料成型及控制工程',
  educationLevel: '大学本科',
  degree: '学士',
  studyMode: '全日制',
  startDate: '2006-09-01',
  endDate: '2010-07-01',
  diplomaNumber: '101831201005001234',
  degreeNumber: null,
  ...overrides,
});

export const workExperience = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  unit: '吉林省长春市第一机械制造有限公司',
  post: '焊接工程师',
  startDate: '2010-07-01',
  endDate: null,
  ...overrides,
});

export const annualAssessments = (years = [2023, 2024, 2025]) =>
  years.map((year) => ({ id: randomUUID(), year, result: 'COMPETENT' }));

export const recommender = (idNumber: string, name = '王教授') => ({
  id: randomUUID(),
  name,
  idType: 'RESIDENT_ID',
  idNumber,
  workUnit: '吉林大学',
  title: '教授',
  practisedSpecialty: '焊接',
  mobile: null,
  reason: '该同志在焊接工艺领域业绩突出，推荐破格申报。',
});

/** The modules of a complete 正常职称申报 (files come separately). */
export function titleModules(overrides: Record<string, unknown> = {}) {
  return {
    basicInfo: basicInfo(),
    education: [education()],
    workExperience: [workExperience()],
    annualAssessments: annualAssessments(),
    ...overrides,
  };
}

export interface Started {
  applicant: Actor;
  unit: TestUnit;
  declaration: DeclarationJson;
}

/** A bound applicant with a fresh draft under `noticeId`. */
export async function startedDeclaration(
  t: TestDeclaration,
  noticeId: string,
  options: {
    category?: 'NORMAL' | 'EXCEPTIONAL';
    unit?: TestUnit;
    committeeId?: string;
    applicant?: Actor;
  } = {},
): Promise<Started> {
  const applicant = options.applicant ?? (await t.applicant());
  const unit = options.unit ?? (await t.readyUnit());
  await t.bind(applicant, unit);
  const { startDeclaration } = await applicant.client.ok<{ startDeclaration: DeclarationJson }>(START, {
    noticeId,
    category: options.category ?? 'NORMAL',
    committeeId: options.committeeId ?? null,
  });
  return { applicant, unit, declaration: startDeclaration };
}

export async function save(actor: Actor, declaration: { id: string; version: number }, input: object) {
  const { saveDeclaration } = await actor.client.ok<{ saveDeclaration: DeclarationJson }>(SAVE, {
    id: declaration.id,
    expectedVersion: declaration.version,
    input,
  });
  return saveDeclaration;
}

export type SlotInput =
  { kind: 'CATALOGUE'; code: string } | { kind: 'ENTRY'; module: string; entryId: string };

/** requestUpload then the real HTTP POST of the bytes; fails the test when either is refused. */
export async function upload(
  t: TestDeclaration,
  actor: Actor,
  declarationId: string,
  slot: SlotInput,
  fileName: string,
  bytes: Buffer,
  contentType: string,
) {
  const { requestUpload } = await actor.client.ok<{ requestUpload: { url: string } }>(REQUEST_UPLOAD, {
    declarationId,
    slot,
    fileName,
    sizeBytes: bytes.length,
    contentType,
  });
  const answer = await postFile(t, requestUpload.url, bytes, contentType);
  if (answer.status !== 201) throw new Error(`upload refused: ${JSON.stringify(answer)}`);
  return answer.body.attachment!;
}

/** Every file a complete 正常职称申报 needs (photo, ID card ×2, publicity form, proofs). */
export async function uploadTitleFiles(t: TestDeclaration, actor: Actor, declaration: DeclarationJson) {
  await upload(
    t,
    actor,
    declaration.id,
    { kind: 'CATALOGUE', code: 'PHOTO' },
    '证件照.jpg',
    files.jpg(),
    'image/jpeg',
  );
  await upload(
    t,
    actor,
    declaration.id,
    { kind: 'CATALOGUE', code: 'ID_CARD' },
    '身份证正面.jpg',
    files.jpg(),
    'image/jpeg',
  );
  await upload(
    t,
    actor,
    declaration.id,
    { kind: 'CATALOGUE', code: 'ID_CARD' },
    '身份证反面.png',
    files.png(),
    'image/png',
  );
  await upload(
    t,
    actor,
    declaration.id,
    { kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' },
    '单位公示表.pdf',
    files.pdf(),
    'application/pdf',
  );
  for (const entry of declaration.modules.education ?? [])
    await upload(
      t,
      actor,
      declaration.id,
      { kind: 'ENTRY', module: 'EDUCATION', entryId: entry.id },
      '毕业证书.pdf',
      files.pdf(),
      'application/pdf',
    );
  for (const entry of declaration.modules.recommenders ?? [])
    await upload(
      t,
      actor,
      declaration.id,
      { kind: 'ENTRY', module: 'RECOMMENDERS', entryId: entry.id },
      '专家破格推荐证明.zip',
      files.zip(),
      'application/zip',
    );
}

/** A draft that passes validation: saved modules and every file uploaded. */
export async function completeDeclaration(
  t: TestDeclaration,
  noticeId: string,
  options: { category?: 'NORMAL' | 'EXCEPTIONAL'; modules?: Record<string, unknown>; applicant?: Actor } = {},
): Promise<Started> {
  const started = await startedDeclaration(t, noticeId, options);
  const saved = await save(started.applicant, started.declaration, options.modules ?? titleModules());
  await uploadTitleFiles(t, started.applicant, saved);
  const { declaration } = await started.applicant.client.ok<{ declaration: DeclarationJson }>(DECLARATION, {
    id: saved.id,
  });
  return { ...started, declaration };
}

// 暂存 through the real gateway (issue 10, item 1): a half-filled 基本信息 is saved; malformed
// values are refused all at once (with somebody else's name); submit still refuses, naming every
// field that is missing, and the 数据验证信息 list says the same.
import { bindToDemoUnit, demoAgent, ok, signedIn } from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_draft_save', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

const SAVE = `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
  saveDeclaration(id: $id, expectedVersion: $v, input: $input) {
    version modules { basicInfo { name gender mobile seriesCode } }
    validation { ok problems { module code field message } } } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!) { submitDeclaration(id: $id, expectedVersion: $v, pledge: true) { id } }`;

interface Saved {
  version: number;
  modules: { basicInfo: Record<string, unknown> | null };
  validation: {
    ok: boolean;
    problems: Array<{ module: string; code: string; field: string | null; message: string }>;
  };
}
type Fields = Array<{ field: string; code: string }>;

test('暂存 keeps a half-filled module, refuses malformed values, and submit lists what is missing', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const unit = await bindToDemoUnit(stack, applicant, await demoAgent(stack));
  const { notices } = await ok<{ notices: Array<{ id: string }> }>(
    applicant,
    `{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id } }`,
  );
  const { startDeclaration } = await ok<{ startDeclaration: { id: string; version: number } }>(
    applicant,
    `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`,
    { n: notices[0].id },
  );
  const id = startDeclaration.id;

  // Malformed values: every one at once, nothing saved.
  const refused = await applicant.request(SAVE, {
    id,
    v: startDeclaration.version,
    input: {
      basicInfo: {
        name: '李四',
        mobile: '12345',
        birthDate: '1986-02-30',
        ethnicity: '汉'.repeat(30),
        seriesCode: 'ENG',
        specialtyCode: 'HEALTH.MED',
      },
    },
  });
  expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const codes = (refused.errors![0].extensions!.fields as Fields).map((f) => `${f.field}:${f.code}`);
  expect(codes).toEqual(
    expect.arrayContaining([
      'input.basicInfo.name:NOT_ACCOUNT_HOLDER',
      'input.basicInfo.mobile:MOBILE_FORMAT',
      'input.basicInfo.birthDate:DATE_INVALID',
      'input.basicInfo.ethnicity:TEXT_TOO_LONG',
      'input.basicInfo.specialtyCode:CATALOGUE_NOT_CHILD',
    ]),
  );
  expect(codes.filter((c) => c.endsWith(':REQUIRED'))).toEqual([]);

  // Half filled: saved.
  const { saveDeclaration } = await ok<{ saveDeclaration: Saved }>(applicant, SAVE, {
    id,
    v: startDeclaration.version,
    input: { basicInfo: { name: '张伟', gender: 'MALE', mobile: '13800000001', workUnitName: unit.name } },
  });
  expect(saveDeclaration.version).toBe(startDeclaration.version + 1);
  expect(saveDeclaration.modules.basicInfo).toMatchObject({ name: '张伟', gender: 'MALE', seriesCode: null });
  const missing = saveDeclaration.validation.problems
    .filter((p) => p.module === 'BASIC_INFO' && p.code === 'REQUIRED')
    .map((p) => p.field);
  expect(missing).toEqual(
    expect.arrayContaining(['basicInfo.birthDate', 'basicInfo.seriesCode', 'basicInfo.politicalStatus']),
  );

  // Submit refuses with the same list.
  const submit = await applicant.request(SUBMIT, { id, v: saveDeclaration.version });
  expect(submit.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    reason: 'VALIDATION_FAILED',
  });
  const problems = submit.errors![0].extensions!.problems as Array<{ field?: string; code: string }>;
  expect(problems.filter((p) => p.code === 'REQUIRED').map((p) => p.field)).toEqual(
    expect.arrayContaining(missing),
  );
});
